import "server-only";
import { getDb } from "@/lib/db/client.ts";

/** An in-app notification. Failing to notify must not fail the reply that caused it. */
export async function notifyUser(input: { orgId: string; userId: string; title: string; link: string }): Promise<void> {
  try {
    await getDb().notification.create({
      data: { organizationId: input.orgId, userId: input.userId, title: input.title.slice(0, 200), link: input.link },
      select: { id: true },
    });
  } catch (error) {
    console.error("notifications: could not notify", error instanceof Error ? error.message : error);
  }
}

/** The caller's latest notifications (newest first; `unreadOnly` for a badge or a phone banner). */
export async function listNotifications(orgId: string, userId: string, options: { take?: number; unreadOnly?: boolean } = {}) {
  return getDb().notification.findMany({
    where: { organizationId: orgId, userId, ...(options.unreadOnly ? { readAt: null } : {}) },
    select: { id: true, title: true, link: true, readAt: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }],
    take: options.take ?? 20,
  });
}

/** Opening the page a notification points at counts as reading it. */
export async function markNotificationsReadByLink(orgId: string, userId: string, link: string): Promise<void> {
  await getDb().notification.updateMany({ where: { organizationId: orgId, userId, link, readAt: null }, data: { readAt: new Date() } });
}

export async function markNotificationsRead(orgId: string, userId: string, ids: string[]): Promise<void> {
  await getDb().notification.updateMany({ where: { organizationId: orgId, userId, id: { in: ids }, readAt: null }, data: { readAt: new Date() } });
}
