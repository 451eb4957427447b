import type { NotificationItem } from "./list-notifications.ts";

/** What the browser gets: only the fields it shows, dates as ISO strings. */
export function toNotificationViews(items: NotificationItem[]) {
  return items.map((n) => ({ id: n.id, title: n.title, link: n.link, read: n.readAt !== null, createdAt: n.createdAt.toISOString() }));
}
