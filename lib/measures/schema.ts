// zod schemas for measures and data points, and the types inferred from them.
// Units: PROPORTION values (and targets) are fractions 0–1, shown as % when the unit is "%";
// RATE points are a count (numerator) over an exposure (denominator), and the rate is shown per
// the multiplier written in the unit ("per 1,000 line days" → ×1000), with the target in that unit.
import { z } from "zod";
import { paginationQuery } from "@/lib/api/pagination.ts";
import { MAX_MAGNITUDE, parsePeriod } from "./rules.ts";

export const MEASURE_TYPES = ["COUNT", "PROPORTION", "RATE", "CONTINUOUS", "TIME_BETWEEN"] as const;
export const DIRECTIONS = ["UP", "DOWN"] as const;
export const FREQUENCIES = ["DAILY", "WEEKLY", "MONTHLY"] as const;
export const LABELS = ["OUTCOME", "PROCESS", "BALANCING"] as const;
export const SOURCES = ["MANUAL", "TALLY", "CSV", "API", "SEED"] as const;
export const CHART_KINDS = ["run", "i", "mr", "p", "u", "c", "pp", "up", "t", "g"] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];
export type MeasureFrequency = (typeof FREQUENCIES)[number];
export type ChartKind = (typeof CHART_KINDS)[number];

const id = z.string().trim().min(1).max(64);
const optionalText = (max: number) => z.string().trim().max(max);

export const createMeasureInput = z.object({
  teamId: id,
  processId: id.nullable().default(null),
  name: z.string().trim().min(2, "Name needs at least 2 characters.").max(120),
  definition: optionalText(4000).default(""),
  type: z.enum(MEASURE_TYPES),
  direction: z.enum(DIRECTIONS),
  target: z.number().finite().min(-MAX_MAGNITUDE).max(MAX_MAGNITUDE).nullable().default(null),
  unit: optionalText(60).default(""),
  frequency: z.enum(FREQUENCIES),
  label: z.enum(LABELS).nullable().default(null),
  ownerId: id.nullable().default(null),
});
export type CreateMeasureInput = z.infer<typeof createMeasureInput>;

// The type and frequency are fixed once a measure exists: changing them would silently change the
// meaning of every point already recorded.
export const updateMeasureInput = z
  .object({
    name: z.string().trim().min(2).max(120),
    definition: optionalText(4000),
    direction: z.enum(DIRECTIONS),
    target: z.number().finite().min(-MAX_MAGNITUDE).max(MAX_MAGNITUDE).nullable(),
    unit: optionalText(60),
    label: z.enum(LABELS).nullable(),
    ownerId: id.nullable(),
    processId: id.nullable(),
    archived: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateMeasureInput = z.infer<typeof updateMeasureInput>;

export const listMeasuresQuery = paginationQuery.extend({
  teamId: id.optional(),
  q: z.string().trim().max(100).optional(),
  archived: z.enum(["true", "false"]).optional(),
});
export type ListMeasuresQuery = z.infer<typeof listMeasuresQuery>;

/** A date ("2026-03-02") or an ISO timestamp; normalised to the measure's period later. */
export const periodInput = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(parsePeriod(s).getTime()), {
    message: "Use a date like 2026-03-02 or an ISO timestamp.",
  });

const num = z.number().finite();
export const dataPointInput = z.object({
  period: periodInput,
  value: num.nullable().optional(),
  numerator: num.nullable().optional(),
  denominator: num.nullable().optional(),
  note: optionalText(1000).optional(),
});
export type DataPointInput = z.infer<typeof dataPointInput>;

export const MAX_BATCH = 1000;
/** POST body: `{ points: [...] }` or one point. */
export const recordDataPointsBody = z.union([
  z.object({ points: z.array(dataPointInput).min(1).max(MAX_BATCH) }),
  dataPointInput.transform((p) => ({ points: [p] })),
]);

export const editDataPointInput = z
  .object({
    value: num.nullable(),
    numerator: num.nullable(),
    denominator: num.nullable(),
    note: optionalText(1000),
  })
  .partial();
export type EditDataPointInput = z.infer<typeof editDataPointInput>;

const dateParam = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: "Use a date like 2026-03-02." })
  .transform((s) => new Date(s));

export const listDataPointsQuery = z.object({
  from: dateParam.optional(),
  to: dateParam.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});

export const chartQuery = z.object({
  kind: z.enum(CHART_KINDS).optional(),
  from: dateParam.optional(),
  to: dateParam.optional(),
  phases: z.enum(["true", "false"]).default("true"),
  maxPoints: z.coerce.number().int().min(10).max(5000).default(1000),
  /** Freeze the centre line and limits to the first N points (of each phase). */
  baseline: z.coerce.number().int().min(2).max(100_000).optional(),
});
export type ChartQuery = z.infer<typeof chartQuery>;

// ---- response shapes (also used for the OpenAPI document) ----

export const measureSchema = z.object({
  id: z.string(),
  teamId: z.string(),
  processId: z.string().nullable(),
  processName: z.string().nullable(),
  name: z.string(),
  definition: z.string(),
  type: z.enum(MEASURE_TYPES),
  direction: z.enum(DIRECTIONS),
  target: z.number().nullable(),
  unit: z.string(),
  frequency: z.enum(FREQUENCIES),
  label: z.enum(LABELS).nullable(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MeasureDto = z.infer<typeof measureSchema>;

export const dataPointSchema = z.object({
  id: z.string(),
  measureId: z.string(),
  periodStart: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  source: z.enum(SOURCES),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DataPointDto = z.infer<typeof dataPointSchema>;

export const recordResultSchema = z.object({
  dataPoints: z.array(dataPointSchema.extend({ status: z.enum(["created", "updated"]) })),
  created: z.number().int(),
  updated: z.number().int(),
});
export type RecordResult = z.infer<typeof recordResultSchema>;
