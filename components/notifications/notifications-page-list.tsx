"use client";

import { Button } from "@/components/ui/button.tsx";
import { NotificationItems, type NotificationView } from "./notification-items.tsx";
import { useMarkRead } from "./use-mark-read.ts";

/** The /notifications list with its "Mark all read" button (the page renders the paging links). */
export function NotificationsPageList({ items, unreadCount }: { items: NotificationView[]; unreadCount: number }) {
  const { readIds, markOne, markAll, pendingId, isPending, allCleared, error } = useMarkRead(unreadCount);
  const shown = allCleared ? items.map((n) => ({ ...n, read: true })) : items;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-700">
          {allCleared || unreadCount === 0 ? "All caught up." : `${unreadCount} unread`}
        </p>
        {unreadCount > 0 && !allCleared ? (
          <Button variant="secondary" onClick={markAll} pending={isPending} pendingLabel="Marking…">
            Mark all read
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        <NotificationItems items={shown} readIds={readIds} pendingId={pendingId} onMarkRead={markOne} labelledBy="notifications-heading" />
      </div>
    </div>
  );
}
