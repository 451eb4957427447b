"use client";

import Link from "next/link";
import { formatDateTime } from "@/lib/format/dates.ts";

/** A notification as the browser gets it (dates as ISO strings). */
export type NotificationView = { id: string; title: string; link: string; read: boolean; createdAt: string };

type Props = {
  items: NotificationView[];
  /** Ids marked read in this browser that the server has not re-rendered yet. */
  readIds: ReadonlySet<string>;
  pendingId: string | null;
  onMarkRead: (id: string) => void;
  /** Following a link reads the notification (the page it opens marks it read on the server). */
  onOpen?: (id: string) => void;
  labelledBy: string;
};

/** The list shared by the bell's panel and the /notifications page: newest first, unread ones marked. */
export function NotificationItems({ items, readIds, pendingId, onMarkRead, onOpen, labelledBy }: Props) {
  return (
    <ul aria-labelledby={labelledBy} className="divide-y divide-slate-200">
      {items.map((n) => {
        const read = n.read || readIds.has(n.id);
        return (
          <li key={n.id} className={`flex items-start gap-2 px-3 py-2 ${read ? "" : "bg-teal-50/60"}`}>
            <div className="min-w-0 flex-1">
              <Link
                href={n.link || "/notifications"}
                onClick={() => onOpen?.(n.id)}
                className="flex min-h-11 items-center rounded-md text-sm font-medium text-slate-900 underline-offset-2 hover:underline"
              >
                {read ? null : <span className="sr-only">Unread: </span>}
                <span className={read ? "" : "font-semibold"}>{n.title}</span>
              </Link>
              <time dateTime={n.createdAt} className="block text-xs text-slate-600">
                {formatDateTime(n.createdAt)}
              </time>
            </div>
            {read ? null : (
              <button
                type="button"
                onClick={() => onMarkRead(n.id)}
                disabled={pendingId === n.id}
                aria-label={`Mark as read: ${n.title}`}
                className="inline-flex min-h-11 shrink-0 items-center rounded-md px-3 text-sm font-semibold text-teal-800 hover:bg-teal-100 disabled:opacity-60"
              >
                Mark read
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
