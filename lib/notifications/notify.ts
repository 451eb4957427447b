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

/** Opening the page a notification points at counts as reading it. */
export async function markNotificationsReadByLink(orgId: string, userId: string, link: string): Promise<void> {
  await getDb().notification.updateMany({ where: { organizationId: orgId, userId, link, readAt: null }, data: { readAt: new Date() } });
}
