import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { readableTeamIds, teamContext } from "@/lib/auth/guard.ts";
import { page } from "@/lib/api/pagination.ts";
import { measureSelect, toMeasureDto } from "./queries.ts";
import type { ListMeasuresQuery, MeasureDto } from "./schema.ts";

/** Measures in the caller's teams (or one team), by name, cursor-paginated. Archived ones only on request. */
export async function listMeasures(caller: Caller, query: ListMeasuresQuery): Promise<{ measures: MeasureDto[]; nextCursor: string | null }> {
  const teamIds = query.teamId ? [teamContext(caller, query.teamId, "read:measure").teamId] : readableTeamIds(caller);
  const rows = await getDb().measure.findMany({
    where: {
      organizationId: caller.orgId,
      teamId: { in: teamIds },
      archivedAt: query.archived === "true" ? { not: null } : null,
      ...(query.q ? { name: { contains: query.q, mode: "insensitive" as const } } : {}),
    },
    select: measureSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  const { items, nextCursor } = page(rows, query.limit);
  return { measures: items.map(toMeasureDto), nextCursor };
}
