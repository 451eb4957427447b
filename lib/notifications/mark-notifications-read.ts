import "server-only";
import type { Caller } from "@/lib/auth/context.ts";
import { getDb } from "@/lib/db/client.ts";
import { AppError, notFound } from "@/lib/errors.ts";
import { ownerWhere } from "./list-notifications.ts";
import { markNotificationsReadInput, type MarkNotificationsReadInput } from "./schema.ts";

/**
 * Marks one of the caller's notifications, or all of them, as read. Only the caller's own rows in
 * their organization are touched; an id that is not theirs is "not found" (it may not even exist).
 * Marking an already read notification again is fine and keeps its first read time.
 */
export async function markNotificationsRead(caller: Caller, input: MarkNotificationsReadInput): Promise<{ marked: number }> {
  const owner = ownerWhere(caller);
  if (!owner) throw new AppError("FORBIDDEN", "Only people have notifications.");
  const parsed = markNotificationsReadInput.parse(input);
  const now = new Date();
  if ("all" in parsed) {
    const { count } = await getDb().notification.updateMany({ where: { ...owner, readAt: null }, data: { readAt: now } });
    return { marked: count };
  }
  const { count } = await getDb().notification.updateMany({ where: { ...owner, id: parsed.id, readAt: null }, data: { readAt: now } });
  if (count === 0) {
    const mine = await getDb().notification.findFirst({ where: { ...owner, id: parsed.id }, select: { id: true } });
    if (!mine) throw notFound("Notification not found.");
  }
  return { marked: count };
}
