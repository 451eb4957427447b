// Observation API shapes. The API speaks lowercase kinds/statuses; the database stores enums.
import { z } from "zod";
import { paginationQuery } from "@/lib/api/pagination.ts";

export const OBSERVATION_KINDS = ["deviation", "problem", "near_miss", "workaround", "idea", "praise"] as const;
export const SEVERITIES = ["low", "medium", "high"] as const;
export const OBSERVATION_STATUSES = ["new", "acknowledged", "acted", "closed"] as const;
export type ObservationKindApi = (typeof OBSERVATION_KINDS)[number];
export type SeverityApi = (typeof SEVERITIES)[number];
export type ObservationStatusApi = (typeof OBSERVATION_STATUSES)[number];

export const toDbEnum = <T extends string>(value: T) => value.toUpperCase() as Uppercase<T>;
export const fromDbEnum = <T extends string>(value: T) => value.toLowerCase() as Lowercase<T>;

const id = z.string().trim().min(1).max(64);
const optionalId = id.nullish().transform((v) => v ?? undefined);
/** Client ids are UUIDs from crypto.randomUUID, but any opaque token of sane length is accepted. */
export const idempotencyKeySchema = z.string().trim().min(8).max(128).regex(/^[A-Za-z0-9._:-]+$/, "Use letters, digits, dots, dashes, underscores or colons.");

export const createObservationInput = z
  .object({
    teamId: id,
    kind: z.enum(OBSERVATION_KINDS),
    text: z.string().trim().min(1, "Describe what happened.").max(4000),
    processId: optionalId,
    stepId: optionalId,
    deviationReason: z.string().trim().max(2000).nullish().transform((v) => (v ? v : undefined)),
    severity: z.enum(SEVERITIES).nullish().transform((v) => v ?? undefined),
    anonymous: z.boolean().default(false),
    occurredAt: z.iso.datetime({ offset: true }).nullish().transform((v) => v ?? undefined),
    clientSubmissionId: idempotencyKeySchema.nullish().transform((v) => v ?? undefined),
  })
  .superRefine((input, ctx) => {
    // The signature capture: a deviation without its reason teaches nothing.
    if (input.kind === "deviation" && !input.deviationReason) {
      ctx.addIssue({ code: "custom", path: ["deviationReason"], message: "A deviation needs the reason you deviated." });
    }
  });
export type CreateObservationInput = z.infer<typeof createObservationInput>;

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : []))
    .pipe(z.array(z.enum(values)));

export const listObservationsQuery = paginationQuery.extend({
  teamId: id.optional(),
  kind: csv(OBSERVATION_KINDS),
  status: csv(OBSERVATION_STATUSES),
  severity: csv(SEVERITIES),
  processId: id.optional(),
  stepId: id.optional(),
  guidelineVersionId: id.optional(),
  from: z.iso.date().or(z.iso.datetime({ offset: true })).optional(),
  to: z.iso.date().or(z.iso.datetime({ offset: true })).optional(),
  q: z.string().trim().max(200).optional(),
});
export type ListObservationsQuery = z.infer<typeof listObservationsQuery>;

export const triageObservationInput = z.object({
  status: z.enum(OBSERVATION_STATUSES).optional(),
  guidelineVersionId: id.nullable().optional(),
  stepId: id.nullable().optional(),
  experimentId: id.nullable().optional(),
  groupId: id.nullable().optional(),
});
export type TriageObservationInput = z.infer<typeof triageObservationInput>;

export const bulkStatusInput = z.object({
  ids: z.array(id).min(1).max(200),
  status: z.enum(OBSERVATION_STATUSES),
});
export type BulkStatusInput = z.infer<typeof bulkStatusInput>;

const ref = <T extends z.ZodRawShape>(shape: T) => z.object(shape).nullable();

export const observationSchema = z.object({
  id: z.string(),
  teamId: z.string(),
  kind: z.enum(OBSERVATION_KINDS),
  text: z.string(),
  deviationReason: z.string().nullable(),
  severity: z.enum(SEVERITIES).nullable(),
  anonymous: z.boolean(),
  /** Always null for anonymous observations. */
  author: ref({ id: z.string(), name: z.string() }),
  status: z.enum(OBSERVATION_STATUSES),
  processId: z.string().nullable(),
  stepId: z.string().nullable(),
  guidelineVersionId: z.string().nullable(),
  process: ref({ id: z.string(), name: z.string() }),
  step: ref({ id: z.string(), key: z.string(), title: z.string(), position: z.number().int() }),
  guidelineVersion: ref({ id: z.string(), number: z.number().int() }),
  experimentId: z.string().nullable(),
  groupId: z.string().nullable(),
  occurredAt: z.string(),
  createdAt: z.string(),
  firstResponseAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  commentCount: z.number().int(),
});
export type ObservationDto = z.infer<typeof observationSchema>;

/** The create response: `receiptCode` only for anonymous observations, shown to the reporter once. */
export const createObservationResponse = z.object({ observation: observationSchema, receiptCode: z.string().optional() });
