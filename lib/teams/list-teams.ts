import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { readableTeamIds } from "@/lib/auth/guard.ts";
import { page } from "@/lib/api/pagination.ts";
import type { ListTeamsQuery, TeamDto } from "./schema.ts";
import { teamSelect, toTeamDto } from "./queries.ts";

/** Teams the caller can see: all of the organization for admins, their own teams otherwise. */
export async function listTeams(caller: Caller, query: ListTeamsQuery): Promise<{ teams: TeamDto[]; nextCursor: string | null }> {
  const teamIds = readableTeamIds(caller);
  const rows = await getDb().team.findMany({
    where: {
      organizationId: caller.orgId,
      id: { in: teamIds },
      ...(query.q ? { name: { contains: query.q, mode: "insensitive" as const } } : {}),
    },
    select: teamSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  const { items, nextCursor } = page(rows, query.limit);
  return { teams: items.map((row) => toTeamDto(row, caller)), nextCursor };
}
