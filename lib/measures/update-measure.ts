import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { notFound } from "@/lib/errors.ts";
import { recordAuditEvent } from "@/lib/audit/record-audit-event.ts";
import { checkLinks } from "./create-measure.ts";
import { measureForCaller } from "./get-measure.ts";
import { measureSelect, toMeasureDto } from "./queries.ts";
import type { MeasureDto, UpdateMeasureInput } from "./schema.ts";

/** Edits a measure; `archived: true|false` archives or restores it (points are kept either way). */
export async function updateMeasure(caller: Caller, id: string, input: UpdateMeasureInput): Promise<MeasureDto> {
  const { measure, ctx } = await measureForCaller(caller, id, "edit:measure");
  await checkLinks(ctx.orgId, ctx.teamId, { processId: input.processId ?? null, ownerId: input.ownerId ?? null });
  const { archived, ...fields } = input;
  // strictUndefinedChecks: only keys that were actually sent go into `data`.
  const data: Record<string, unknown> = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  if (archived !== undefined) data.archivedAt = archived ? (measure.archivedAt ?? new Date()) : null;
  const { count } = await getDb().measure.updateMany({ where: { id, organizationId: ctx.orgId }, data });
  if (count === 0) throw notFound("Measure not found.");
  const row = await getDb().measure.findFirstOrThrow({ where: { id, organizationId: ctx.orgId }, select: measureSelect });
  const action = archived === true ? "measure.archived" : archived === false ? "measure.restored" : "measure.updated";
  await recordAuditEvent({
    orgId: ctx.orgId,
    actorId: ctx.userId,
    action,
    targetType: "Measure",
    targetId: id,
    metadata: { changed: Object.keys(input) },
  });
  return toMeasureDto(row);
}
