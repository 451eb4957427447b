import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { AppError, notFound } from "@/lib/errors.ts";
import { recordAuditEvent } from "@/lib/audit/record-audit-event.ts";
import { measureForCaller } from "./get-measure.ts";
import { dataPointSelect, toDataPointDto } from "./queries.ts";
import { checkPointValues } from "./rules.ts";
import type { DataPointDto, EditDataPointInput } from "./schema.ts";

/** Corrects or annotates one point; the audit trail keeps the values before and after. */
export async function editDataPoint(caller: Caller, measureId: string, pointId: string, input: EditDataPointInput): Promise<DataPointDto> {
  const { measure, ctx } = await measureForCaller(caller, measureId, "edit:data-point");
  const db = getDb();
  const where = { id: pointId, measureId: measure.id, organizationId: ctx.orgId };
  const before = await db.dataPoint.findFirst({ where, select: dataPointSelect });
  if (!before) throw notFound("Data point not found.");
  const merged = {
    value: input.value !== undefined ? input.value : before.value,
    numerator: input.numerator !== undefined ? input.numerator : before.numerator,
    denominator: input.denominator !== undefined ? input.denominator : before.denominator,
  };
  const touchesValues = input.value !== undefined || input.numerator !== undefined || input.denominator !== undefined;
  const checked = touchesValues ? checkPointValues(measure.type, merged) : merged;
  if ("error" in checked) throw new AppError("UNPROCESSABLE", checked.error);
  const data = { ...checked, ...(input.note !== undefined ? { note: input.note } : {}) };
  await db.dataPoint.updateMany({ where, data });
  const after = await db.dataPoint.findFirstOrThrow({ where, select: dataPointSelect });
  await recordAuditEvent({
    orgId: ctx.orgId,
    actorId: ctx.userId,
    action: "data-point.edited",
    targetType: "DataPoint",
    targetId: pointId,
    metadata: {
      measureId: measure.id,
      periodStart: before.periodStart.toISOString(),
      before: pointValues(before),
      after: pointValues(after),
    },
  });
  return toDataPointDto(after);
}

export async function deleteDataPoint(caller: Caller, measureId: string, pointId: string): Promise<void> {
  const { measure, ctx } = await measureForCaller(caller, measureId, "edit:data-point");
  const db = getDb();
  const where = { id: pointId, measureId: measure.id, organizationId: ctx.orgId };
  const before = await db.dataPoint.findFirst({ where, select: dataPointSelect });
  if (!before) throw notFound("Data point not found.");
  await db.dataPoint.deleteMany({ where });
  await recordAuditEvent({
    orgId: ctx.orgId,
    actorId: ctx.userId,
    action: "data-point.deleted",
    targetType: "DataPoint",
    targetId: pointId,
    metadata: {
      measureId: measure.id,
      periodStart: before.periodStart.toISOString(),
      before: pointValues(before),
    },
  });
}

/** The audited part of a point: what an edit or a deletion can change. */
function pointValues(p: { value: number | null; numerator: number | null; denominator: number | null; note: string }) {
  return { value: p.value, numerator: p.numerator, denominator: p.denominator, note: p.note };
}
