import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { AppError } from "@/lib/errors.ts";
import { recordAuditEvent } from "@/lib/audit/record-audit-event.ts";
import { measureForCaller } from "./get-measure.ts";
import { preparePoints, type IncomingPoint, type PreparedPoint } from "./prepare-points.ts";
import { toDataPointDto, type DataPointRow } from "./queries.ts";
import type { RecordResult } from "./schema.ts";

export type Source = "MANUAL" | "TALLY" | "CSV" | "API";
type Returned = DataPointRow & { inserted: boolean };

/**
 * Records points, idempotent by period: a period that already has a point is updated, and each
 * point says whether it was created or updated, so a system feed can safely resend a batch.
 * Invalid points reject the whole batch (422 with each bad row).
 */
export async function recordDataPoints(caller: Caller, measureId: string, input: IncomingPoint[], source: Source): Promise<RecordResult> {
  const { measure, ctx } = await measureForCaller(caller, measureId, "create:data-point");
  if (measure.archivedAt) throw new AppError("UNPROCESSABLE", "This measure is archived: restore it before adding data.");
  const { points, errors } = preparePoints(measure, input);
  if (errors.length) {
    const first = errors[0]!;
    throw new AppError("UNPROCESSABLE", `Nothing was saved: point ${first.row}: ${first.reason}`, { details: { rows: errors } });
  }
  const rows = await upsertPoints({ orgId: ctx.orgId, measureId: measure.id, userId: ctx.userId, source }, points);
  const updated = rows.filter((r) => !r.inserted);
  if (updated.length) {
    await recordAuditEvent({
      orgId: ctx.orgId,
      actorId: ctx.userId,
      action: "data-point.overwritten",
      targetType: "Measure",
      targetId: measure.id,
      metadata: { source, tokenId: ctx.tokenId, periods: updated.slice(0, 100).map((r) => r.periodStart.toISOString()), count: updated.length },
    });
  }
  return {
    dataPoints: rows.map(({ inserted, ...row }) => ({ ...toDataPointDto(row), status: inserted ? "created" : "updated" })),
    created: rows.length - updated.length,
    updated: updated.length,
  };
}

/**
 * One INSERT … ON CONFLICT for the whole batch: atomic, no duplicates even when two feeds race,
 * and `xmax = 0` tells a fresh row from an updated one. A resend without a note keeps the old note.
 */
export async function upsertPoints(
  meta: { orgId: string; measureId: string; userId: string | null; source: Source },
  points: PreparedPoint[],
): Promise<Returned[]> {
  if (points.length === 0) return [];
  const db = getDb();
  const ids = points.map(() => randomUUID());
  const periods = points.map((p) => p.periodStart.toISOString());
  const values = points.map((p) => p.value);
  const nums = points.map((p) => p.numerator);
  const dens = points.map((p) => p.denominator);
  const notes = points.map((p) => p.note);
  const rows = await db.$queryRaw<(Omit<Returned, "inserted"> & { inserted: boolean })[]>`
    INSERT INTO "DataPoint" ("id", "organizationId", "measureId", "periodStart", "value", "numerator", "denominator", "source", "note", "createdById", "updatedAt")
    SELECT i.id, ${meta.orgId}, ${meta.measureId}, i.period, i.value, i.numerator, i.denominator,
           ${meta.source}::"DataSource", coalesce(i.note, ''), ${meta.userId}, now()
    FROM unnest(${ids}::text[], ${periods}::timestamp(3)[], ${values}::float8[], ${nums}::float8[], ${dens}::float8[], ${notes}::text[])
      AS i(id, period, value, numerator, denominator, note)
    ON CONFLICT ("measureId", "periodStart") DO UPDATE SET
      "value" = EXCLUDED."value",
      "numerator" = EXCLUDED."numerator",
      "denominator" = EXCLUDED."denominator",
      "source" = EXCLUDED."source",
      "note" = CASE WHEN EXCLUDED."note" = '' THEN "DataPoint"."note" ELSE EXCLUDED."note" END,
      "updatedAt" = now()
    WHERE "DataPoint"."organizationId" = ${meta.orgId}
    RETURNING "id", "measureId", "periodStart", "value", "numerator", "denominator", "source"::text AS "source", "note",
              "createdAt", "updatedAt", (xmax = 0) AS "inserted"`;
  return rows.sort((a, b) => a.periodStart.getTime() - b.periodStart.getTime());
}
