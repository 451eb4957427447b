import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller, TeamContext } from "@/lib/auth/context.ts";
import { roleInTeam, teamContext } from "@/lib/auth/guard.ts";
import type { Permission } from "@/lib/auth/permissions.ts";
import { notFound } from "@/lib/errors.ts";
import { measureSelect, toMeasureDto, type MeasureRow } from "./queries.ts";
import type { MeasureDto } from "./schema.ts";

/** The measure row in the caller's organization, or 404 (also for ids of other organizations). */
export async function getMeasureOrThrow({ id, orgId }: { id: string; orgId: string }): Promise<MeasureRow> {
  const row = await getDb().measure.findFirst({ where: { id, organizationId: orgId }, select: measureSelect });
  if (!row) throw notFound("Measure not found.");
  return row;
}

/**
 * The measure plus the caller's team context for `permission`. A measure in a team the caller
 * cannot see answers 404, exactly like an unknown id; seeing it without the permission answers 403.
 */
export async function measureForCaller(
  caller: Caller,
  id: string,
  permission: Permission,
): Promise<{ measure: MeasureRow; ctx: TeamContext }> {
  const measure = await getMeasureOrThrow({ id, orgId: caller.orgId });
  if (!roleInTeam(caller, measure.teamId)) throw notFound("Measure not found.");
  return { measure, ctx: teamContext(caller, measure.teamId, permission) };
}

export async function getMeasure(caller: Caller, id: string): Promise<MeasureDto> {
  const { measure } = await measureForCaller(caller, id, "read:measure");
  return toMeasureDto(measure);
}
