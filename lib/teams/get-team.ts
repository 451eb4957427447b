import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { teamContext } from "@/lib/auth/guard.ts";
import { notFound } from "@/lib/errors.ts";
import type { TeamDto } from "./schema.ts";
import { teamSelect, toTeamDto } from "./queries.ts";

/** One team, or 404 when it does not exist, is in another organization, or the caller is not in it. */
export async function getTeamOrThrow(caller: Caller, id: string): Promise<TeamDto> {
  teamContext(caller, id, "read:team");
  const row = await getDb().team.findFirst({ where: { id, organizationId: caller.orgId }, select: teamSelect });
  if (!row) throw notFound("Team not found.");
  return toTeamDto(row, caller);
}
