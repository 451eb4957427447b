import "server-only";
import type { Caller } from "@/lib/auth/context.ts";
import { getDb } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/db/create-client.ts";
import { listNotificationsInput, type ListNotificationsInput } from "./schema.ts";

export type NotificationItem = { id: string; title: string; link: string; readAt: Date | null; createdAt: Date };

/**
 * Notifications belong to one person in one organization: every query filters on both, so an id
 * from another user or tenant simply matches nothing. API tokens have no inbox.
 */
export function ownerWhere(caller: Caller): { organizationId: string; userId: string } | null {
  return caller.userId ? { organizationId: caller.orgId, userId: caller.userId } : null;
}

/** The caller's notifications, newest first, one page at a time (`after` = the last id shown). */
export async function listNotifications(caller: Caller, input: ListNotificationsInput = {}): Promise<{ notifications: NotificationItem[]; hasMore: boolean }> {
  const owner = ownerWhere(caller);
  if (!owner) return { notifications: [], hasMore: false };
  const { take, unreadOnly, after } = listNotificationsInput.parse(input);
  const where: Prisma.NotificationWhereInput = { ...owner, ...(unreadOnly ? { readAt: null } : {}) };
  if (after) {
    // The cursor is looked up with the same owner filter, so another user's id cannot anchor a page.
    const anchor = await getDb().notification.findFirst({ where: { ...owner, id: after }, select: { id: true, createdAt: true } });
    if (!anchor) return { notifications: [], hasMore: false };
    where.OR = [{ createdAt: { lt: anchor.createdAt } }, { createdAt: anchor.createdAt, id: { lt: anchor.id } }];
  }
  const rows = await getDb().notification.findMany({
    where,
    select: { id: true, title: true, link: true, readAt: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
  });
  return { notifications: rows.slice(0, take), hasMore: rows.length > take };
}

export async function countUnreadNotifications(caller: Caller): Promise<number> {
  const owner = ownerWhere(caller);
  return owner ? getDb().notification.count({ where: { ...owner, readAt: null } }) : 0;
}
