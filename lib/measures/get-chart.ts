import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { AppError } from "@/lib/errors.ts";
import { buildChart, type Bucket, type ChartEvent, type ChartResponse } from "./build-chart.ts";
import { measureForCaller } from "./get-measure.ts";
import { chartKindsFor, defaultControlKind } from "./rules.ts";
import { toMeasureDto } from "./queries.ts";
import type { ChartQuery, MeasureDto } from "./schema.ts";

const BUCKET: Record<MeasureDto["frequency"], string> = { DAILY: "day", WEEKLY: "week", MONTHLY: "month" };
// Wide defaults keep the SQL one shape (no optional fragments): the index range scan is the same.
const EARLIEST = new Date("1900-01-01T00:00:00Z");
const LATEST = new Date("9999-01-01T00:00:00Z");

type BucketRow = { start: Date; valueSum: number | null; valueAvg: number | null; num: number | null; den: number | null; count: number; note: string | null };

/**
 * The measure's series aggregated in PostgreSQL, one row per period bucket (ISO weeks start on
 * Monday: date_trunc('week') on a UTC timestamp). Time-between measures are events: one row each.
 */
export async function loadBuckets(orgId: string, measure: { id: string; type: MeasureDto["type"]; frequency: MeasureDto["frequency"] }, from?: Date, to?: Date): Promise<Bucket[]> {
  const unit = measure.type === "TIME_BETWEEN" ? "milliseconds" : BUCKET[measure.frequency];
  return getDb().$queryRaw<BucketRow[]>`
    SELECT date_trunc(${unit}::text, "periodStart") AS "start",
           sum("value") AS "valueSum", avg("value") AS "valueAvg",
           sum("numerator") AS "num", sum("denominator") AS "den", count(*)::int AS "count",
           string_agg(nullif("note", ''), '; ' ORDER BY "periodStart") AS "note"
    FROM "DataPoint"
    WHERE "organizationId" = ${orgId} AND "measureId" = ${measure.id}
      AND "periodStart" >= ${from ?? EARLIEST} AND "periodStart" < ${to ?? LATEST}
    GROUP BY 1
    ORDER BY 1`;
}

/** Guideline versions adopted for the measure's process, and experiments that track the measure. */
export async function loadEvents(orgId: string, measure: { id: string; processId: string | null }): Promise<ChartEvent[]> {
  const db = getDb();
  const [versions, experiments] = await Promise.all([
    measure.processId
      ? db.guidelineVersion.findMany({
          where: { organizationId: orgId, processId: measure.processId, adoptedAt: { not: null } },
          select: { number: true, title: true, adoptedAt: true },
        })
      : Promise.resolve([]),
    db.experimentMeasure.findMany({
      where: { organizationId: orgId, measureId: measure.id, experiment: { organizationId: orgId, startDate: { not: null } } },
      select: { experiment: { select: { title: true, startDate: true } } },
    }),
  ]);
  return [
    ...versions.map((v) => ({ date: v.adoptedAt as Date, kind: "guideline" as const, label: `Guideline v${v.number} adopted: ${v.title}` })),
    ...experiments.map((e) => ({ date: e.experiment.startDate as Date, kind: "experiment" as const, label: `Experiment started: ${e.experiment.title}` })),
  ];
}

export type MeasureChart = ChartResponse & { measure: MeasureDto; from: string | null; to: string | null };

/** The computed chart for one measure; the kind defaults to the run chart, as qicharts2's author advises. */
export async function getMeasureChart(caller: Caller, measureId: string, query: ChartQuery): Promise<MeasureChart> {
  const { measure, ctx } = await measureForCaller(caller, measureId, "read:measure");
  const kind = query.kind ?? "run";
  const allowed = chartKindsFor(measure.type);
  if (!allowed.includes(kind)) {
    throw new AppError("UNPROCESSABLE", `A ${kind} chart does not fit a ${measure.type.toLowerCase()} measure; use one of: ${allowed.join(", ")} (default control chart: ${defaultControlKind(measure.type)}).`);
  }
  if (query.from && query.to && query.from >= query.to) throw new AppError("BAD_REQUEST", "`from` must be before `to`.");
  const [buckets, events] = await Promise.all([loadBuckets(ctx.orgId, measure, query.from, query.to), query.phases === "true" ? loadEvents(ctx.orgId, measure) : Promise.resolve([])]);
  const chart = buildChart({
    type: measure.type,
    unit: measure.unit,
    direction: measure.direction,
    target: measure.target,
    kind,
    buckets,
    events,
    phases: query.phases === "true",
    maxPoints: query.maxPoints,
    baseline: query.baseline,
  });
  return { measure: toMeasureDto(measure), from: query.from?.toISOString() ?? null, to: query.to?.toISOString() ?? null, ...chart };
}
