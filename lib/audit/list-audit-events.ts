import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { requireOrgAdmin } from "@/lib/auth/guard.ts";
import { auditEventSelect, auditWhere } from "./queries.ts";
import { listAuditEventsQuery, type AuditEventRow, type ListAuditEventsQuery } from "./schema.ts";

/**
 * The organization's audit trail, newest first, for org admins only. Cursor pagination on the
 * event id (ties on createdAt are broken by id), so new events never shift a page being read.
 */
export async function listAuditEvents(
  caller: Caller,
  rawQuery: ListAuditEventsQuery = {},
): Promise<{ events: AuditEventRow[]; nextCursor: string | null }> {
  requireOrgAdmin(caller);
  const query = listAuditEventsQuery.parse(rawQuery);
  const db = getDb();
  const where = auditWhere(caller.orgId, query);
  // A cursor from another organization (or a made-up one) simply starts from the top.
  const cursorOk = query.cursor
    ? Boolean(await db.auditEvent.findFirst({ where: { id: query.cursor, organizationId: caller.orgId }, select: { id: true } }))
    : false;
  const rows = await db.auditEvent.findMany({
    where,
    select: auditEventSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...(cursorOk && query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, query.limit);
  return { events: page, nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null };
}
