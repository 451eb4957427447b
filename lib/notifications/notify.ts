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

/** The caller's latest notifications (unread first), for a bell or an inbox. */
export async function listNotifications(orgId: string, userId: string, take = 20) {
  return getDb().notification.findMany({
    where: { organizationId: orgId, userId },
    select: { id: true, title: true, link: true, readAt: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }],
    take,
  });
}

export async function markNotificationsRead(orgId: string, userId: string, ids: string[]): Promise<void> {
  await getDb().notification.updateMany({ where: { organizationId: orgId, userId, id: { in: ids }, readAt: null }, data: { readAt: new Date() } });
}
