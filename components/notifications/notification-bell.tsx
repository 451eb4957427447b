"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { NotificationItems, type NotificationView } from "./notification-items.tsx";
import { useMarkRead } from "./use-mark-read.ts";

type Props = { unreadCount: number; items: NotificationView[] };

/**
 * The header bell: the unread count, and a panel with the latest notifications. It is a
 * disclosure (not a modal): Escape or a click outside closes it and focus returns to the bell.
 */
export function NotificationBell({ unreadCount, items }: Props) {
  const pathname = usePathname();
  // Open for the page it was opened on: following a link closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const { readIds, markOne, markAll, pendingId, isPending, allCleared, error, noteRead } = useMarkRead(unreadCount);
  const count = allCleared ? 0 : Math.max(0, unreadCount - items.filter((n) => !n.read && readIds.has(n.id)).length);
  const shown = allCleared ? items.map((n) => ({ ...n, read: true })) : items;

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (wrapperRef.current && !wrapperRef.current.contains(e.target as Node)) setOpenOn(null);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const close = () => {
    setOpenOn(null);
    buttonRef.current?.focus();
  };

  return (
    <div
      ref={wrapperRef}
      className="sm:relative"
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls="notifications-panel"
        onClick={() => setOpenOn(open ? null : pathname)}
        className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-slate-300 bg-white text-slate-800 hover:bg-slate-100"
      >
        <BellIcon />
        <span className="sr-only">{count ? `Notifications, ${count} unread` : "Notifications"}</span>
        {count ? (
          <span
            aria-hidden="true"
            data-testid="notification-count"
            className="absolute -right-1.5 -top-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-red-700 px-1 text-xs font-bold leading-5 text-white"
          >
            {count > 99 ? "99+" : count}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          id="notifications-panel"
          role="region"
          aria-labelledby="notifications-panel-heading"
          className="fixed inset-x-0 top-16 z-50 max-h-[calc(100dvh-4rem)] overflow-y-auto border-y border-slate-200 bg-white shadow-lg sm:absolute sm:inset-x-auto sm:right-0 sm:top-full sm:mt-2 sm:w-96 sm:max-h-[70vh] sm:rounded-lg sm:border"
        >
          <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
            <h2 id="notifications-panel-heading" className="text-base font-semibold text-slate-900">
              Notifications
            </h2>
            {count ? (
              <button type="button" onClick={markAll} disabled={isPending} className="inline-flex min-h-11 items-center rounded-md px-3 text-sm font-semibold text-teal-800 hover:bg-teal-50 disabled:opacity-60">
                Mark all read
              </button>
            ) : null}
          </div>
          {error ? (
            <p role="alert" className="px-3 py-2 text-sm text-red-700">
              {error}
            </p>
          ) : null}
          {shown.length ? (
            <NotificationItems items={shown} readIds={readIds} pendingId={pendingId} onMarkRead={markOne} onOpen={noteRead} labelledBy="notifications-panel-heading" />
          ) : (
            <p className="px-3 py-6 text-center text-sm text-slate-600">No notifications yet. Replies to your reports will show up here.</p>
          )}
          <div className="border-t border-slate-200 p-2">
            <Link href="/notifications" className="flex min-h-11 items-center justify-center rounded-md text-sm font-semibold text-teal-800 hover:bg-teal-50">
              See all notifications
            </Link>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function BellIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
