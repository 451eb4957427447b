import type { Metadata } from "next";
import Link from "next/link";
import { requireSessionCaller } from "@/lib/auth/session.ts";
import { countUnreadNotifications, listNotifications } from "@/lib/notifications/list-notifications.ts";
import { toNotificationViews } from "@/lib/notifications/views.ts";
import { NotificationsPageList } from "@/components/notifications/notifications-page-list.tsx";
import { EmptyState, PageHeader, Section } from "@/components/ui/card.tsx";
import { Pager } from "@/components/ui/pager.tsx";

export const metadata: Metadata = { title: "Notifications" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  const caller = await requireSessionCaller("/notifications");
  const raw = (await searchParams).after;
  const after = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 64) || undefined;
  const [{ notifications, hasMore }, unread] = await Promise.all([listNotifications(caller, { after }), countUnreadNotifications(caller)]);
  const last = notifications.at(-1);

  return (
    <div className="space-y-8">
      <PageHeader title="Notifications" subtitle="Replies to your reports and reminders, newest first. Times are UTC." />
      <Section id="notifications" title={after ? "Older notifications" : "All notifications"}>
        {notifications.length === 0 ? (
          <EmptyState title={after ? "No older notifications" : "No notifications yet"}>
            {after ? <Link href="/notifications" className="font-semibold text-teal-800 underline">Back to newest</Link> : "When someone replies to a report you signed with your name, it shows up here."}
          </EmptyState>
        ) : (
          <div className="space-y-4">
            <NotificationsPageList items={toNotificationViews(notifications)} unreadCount={unread} />
            <Pager
              moreHref={hasMore && last ? `/notifications?after=${encodeURIComponent(last.id)}` : null}
              moreLabel="Load older"
              endText="No more notifications."
              newestHref={after ? "/notifications" : null}
            />
          </div>
        )}
      </Section>
    </div>
  );
}
