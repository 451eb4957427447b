// OpenAPI paths and component schemas for /measures, built from the zod schemas that validate the
// requests. The lead merges `measurePaths` into `paths` and `measureSchemas` into `components.schemas`.
import { z } from "zod";
import { chartQuery, createMeasureInput, dataPointInput, dataPointSchema, editDataPointInput, measureSchema, recordResultSchema, updateMeasureInput } from "./schema.ts";

const schema = (s: z.ZodType, io: "input" | "output" = "output") => z.toJSONSchema(s, { target: "openapi-3.0", io, unrepresentable: "any" }) as Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (s: Record<string, unknown>) => ({ required: true, content: { "application/json": { schema: s } } });
const ok = (s: Record<string, unknown>, description = "OK") => ({ description, content: { "application/json": { schema: s } } });
const obj = (properties: Record<string, unknown>) => ({ type: "object", properties });
const err = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });
const errors = { "400": err("Invalid input"), "401": err("Not signed in and no valid bearer token"), "404": err("Not found (also for ids in other organizations or teams)") };
const writeErrors = { ...errors, "403": err("Your role lacks the permission"), "422": err("Input fits the schema but not the measure (details.rows names each bad point)") };
const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
const pointIdParam = { name: "pointId", in: "path", required: true, schema: { type: "string" } };

const chartResponse = obj({
  measure: ref("Measure"),
  kind: { type: "string" },
  availableKinds: { type: "array", items: { type: "string" } },
  multiplier: { type: "number", description: "Plotted values × multiplier = displayed values (100 for %, 1000 for 'per 1,000 …')" },
  direction: { type: "string", enum: ["UP", "DOWN"] },
  target: { type: "number", nullable: true },
  dates: { type: "array", items: { type: "string", format: "date-time" }, description: "Bucket start per point" },
  values: { type: "array", items: { type: "number", nullable: true } },
  denominators: { type: "array", nullable: true, items: { type: "number", nullable: true } },
  annotations: { type: "array", items: obj({ index: { type: "integer" }, note: { type: "string" } }) },
  chart: { type: "object", description: "The lib/analytics result: RunAnalysis, PhasedRunChartResult, ControlChartResult or PhasedControlChartResult" },
  phaseStarts: { type: "array", items: { type: "integer" } },
  events: { type: "array", items: obj({ date: { type: "string" }, kind: { type: "string", enum: ["guideline", "experiment"] }, label: { type: "string" }, index: { type: "integer" } }) },
  explanations: { type: "array", items: { type: "string" } },
  tones: { type: "array", items: { type: "string", enum: ["better", "worse"], nullable: true }, description: "Per explanation: does the signal go the desired direction?" },
  signalPoints: { type: "array", items: { type: "integer", nullable: true }, description: "Per explanation: index of the point it is about" },
  display: { type: "array", items: { type: "integer" }, description: "Indices to draw (LTTB, ≤ maxPoints plus signal points)" },
});

export const measureSchemas = {
  Measure: schema(measureSchema),
  MeasureCreate: schema(createMeasureInput, "input"),
  MeasureUpdate: schema(updateMeasureInput, "input"),
  DataPoint: schema(dataPointSchema),
  DataPointInput: schema(dataPointInput, "input"),
  DataPointEdit: schema(editDataPointInput, "input"),
  RecordDataPointsResult: schema(recordResultSchema),
};

export const measurePaths = {
  "/measures": {
    get: {
      summary: "Measures the caller can see (archived ones with archived=true)",
      parameters: ["teamId", "q", "cursor", "archived"].map((name) => ({ name, in: "query", schema: { type: "string" } })).concat([
        { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 25 } as never },
      ]),
      responses: { "200": ok(obj({ measures: { type: "array", items: ref("Measure") }, nextCursor: { type: "string", nullable: true } })), ...errors },
    },
    post: { summary: "Create a measure (lead, manager or admin)", requestBody: body(ref("MeasureCreate")), responses: { "201": ok(obj({ measure: ref("Measure") }), "Created"), ...writeErrors } },
  },
  "/measures/{id}": {
    parameters: [idParam],
    get: { summary: "One measure", responses: { "200": ok(obj({ measure: ref("Measure") })), ...errors } },
    patch: { summary: "Edit, archive (archived: true) or restore a measure", requestBody: body(ref("MeasureUpdate")), responses: { "200": ok(obj({ measure: ref("Measure") })), ...writeErrors } },
  },
  "/measures/{id}/data-points": {
    parameters: [idParam],
    get: {
      summary: "Recent points, newest first",
      parameters: [
        { name: "from", in: "query", schema: { type: "string", format: "date" } },
        { name: "to", in: "query", schema: { type: "string", format: "date" } },
        { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 5000, default: 500 } },
      ],
      responses: { "200": ok(obj({ dataPoints: { type: "array", items: ref("DataPoint") } })), ...errors },
    },
    post: {
      summary: "Record one point or a batch `{ points: [...] }`, idempotent by period",
      description: "Periods are normalised to the measure's frequency (UTC day, ISO week's Monday, month start). A period that already has a point is updated; each returned point says `created` or `updated`. Any invalid point rejects the whole batch (422, details.rows). API tokens may call this.",
      requestBody: body({ oneOf: [ref("DataPointInput"), obj({ points: { type: "array", maxItems: 1000, items: ref("DataPointInput") } })] }),
      responses: { "200": ok(ref("RecordDataPointsResult")), ...writeErrors },
    },
  },
  "/measures/{id}/data-points/{pointId}": {
    parameters: [idParam, pointIdParam],
    patch: { summary: "Correct or annotate a point (audited with before/after)", requestBody: body(ref("DataPointEdit")), responses: { "200": ok(obj({ dataPoint: ref("DataPoint") })), ...writeErrors } },
    delete: { summary: "Delete a point (audited)", responses: { "204": { description: "Deleted" }, ...writeErrors } },
  },
  "/measures/{id}/data-points/import": {
    parameters: [idParam],
    post: {
      summary: "Import points from CSV (columns: period|date, value, numerator, denominator, note); all rows or none",
      requestBody: body(obj({ csv: { type: "string" }, preview: { type: "boolean", default: false } })),
      responses: { "200": ok({ type: "object", description: "{ ok, preview: true, rows } or { ok, preview: false, created, updated }" }), ...writeErrors },
    },
  },
  "/measures/{id}/data-points.csv": {
    parameters: [idParam],
    get: { summary: "Every point as CSV (audited)", responses: { "200": { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } }, ...errors } },
  },
  "/measures/{id}/chart": {
    parameters: [idParam],
    get: {
      summary: "The computed run or control chart, with phases and explained signals",
      parameters: Object.keys(chartQuery.shape).map((name) => ({ name, in: "query", schema: { type: "string" } })),
      responses: { "200": ok(chartResponse), ...errors, "422": err("The chart kind does not fit the measure type") },
    },
  },
};
