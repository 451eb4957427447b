import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/db/create-client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { readableTeamIds, teamContext } from "@/lib/auth/guard.ts";
import { page } from "@/lib/api/pagination.ts";
import { observationSelect, toObservationDto } from "./queries.ts";
import { toDbEnum, type ListObservationsQuery, type ObservationDto } from "./schema.ts";

/** A `to` given as a date means the whole of that day. */
function endOf(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59.999Z`) : new Date(value);
}

export function observationWhere(caller: Caller, query: ListObservationsQuery): Prisma.ObservationWhereInput {
  if (query.teamId) teamContext(caller, query.teamId, "read:observation");
  const teamIds = query.teamId ? [query.teamId] : readableTeamIds(caller);
  const where: Prisma.ObservationWhereInput = { organizationId: caller.orgId, teamId: { in: teamIds } };
  if (query.kind.length) where.kind = { in: query.kind.map(toDbEnum) };
  if (query.status.length) where.status = { in: query.status.map(toDbEnum) };
  if (query.severity.length) where.severity = { in: query.severity.map(toDbEnum) };
  if (query.processId) where.processId = query.processId;
  if (query.stepId) where.stepId = query.stepId;
  if (query.guidelineVersionId) where.guidelineVersionId = query.guidelineVersionId;
  if (query.from || query.to) {
    where.createdAt = { ...(query.from ? { gte: new Date(query.from) } : {}), ...(query.to ? { lte: endOf(query.to) } : {}) };
  }
  if (query.q) {
    where.OR = [
      { text: { contains: query.q, mode: "insensitive" } },
      { deviationReason: { contains: query.q, mode: "insensitive" } },
    ];
  }
  return where;
}

/** Newest first, keyset-paginated on (createdAt, id). */
export async function listObservations(caller: Caller, query: ListObservationsQuery): Promise<{ observations: ObservationDto[]; nextCursor: string | null }> {
  const where = observationWhere(caller, query);
  if (query.cursor) {
    // Resolve the cursor inside the same scope, so a foreign id cannot be used to probe.
    const anchor = await getDb().observation.findFirst({ where: { ...where, id: query.cursor }, select: { id: true } });
    if (!anchor) return { observations: [], nextCursor: null };
  }
  const rows = await getDb().observation.findMany({
    where,
    select: observationSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  const { items, nextCursor } = page(rows, query.limit);
  return { observations: items.map(toObservationDto), nextCursor };
}
