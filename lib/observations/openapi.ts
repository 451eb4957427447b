// OpenAPI paths and schemas for observations; merged into lib/api/openapi.ts by the lead.
import { z } from "zod";
import { commentSchema, createCommentInput } from "@/lib/comments/schema.ts";
import { processDetailSchema, processSummarySchema } from "@/lib/guidelines/api.ts";
import { createObservationInput, observationSchema, triageObservationInput, OBSERVATION_KINDS, OBSERVATION_STATUSES, SEVERITIES } from "./schema.ts";

const schema = (s: z.ZodType, io: "input" | "output" = "output") => z.toJSONSchema(s, { target: "openapi-3.0", io, unrepresentable: "any" }) as Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (s: Record<string, unknown>) => ({ "application/json": { schema: s } });
const err = (description: string) => ({ description, content: jsonContent(ref("Error")) });

export const observationSchemas = {
  Observation: schema(observationSchema),
  ObservationInput: schema(createObservationInput, "input"),
  ObservationTriage: schema(triageObservationInput, "input"),
  Comment: schema(commentSchema),
  CommentInput: schema(createCommentInput, "input"),
  Process: schema(processSummarySchema),
  ProcessDetail: schema(processDetailSchema),
};

const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
const listParams = [
  { name: "teamId", in: "query", schema: { type: "string" } },
  { name: "kind", in: "query", description: `Comma-separated: ${OBSERVATION_KINDS.join(", ")}`, schema: { type: "string" } },
  { name: "status", in: "query", description: `Comma-separated: ${OBSERVATION_STATUSES.join(", ")}`, schema: { type: "string" } },
  { name: "severity", in: "query", description: `Comma-separated: ${SEVERITIES.join(", ")}`, schema: { type: "string" } },
  { name: "processId", in: "query", schema: { type: "string" } },
  { name: "stepId", in: "query", schema: { type: "string" } },
  { name: "guidelineVersionId", in: "query", schema: { type: "string" } },
  { name: "from", in: "query", description: "Date or date-time (inclusive)", schema: { type: "string" } },
  { name: "to", in: "query", description: "Date (whole day) or date-time (inclusive)", schema: { type: "string" } },
  { name: "q", in: "query", description: "Free text in the text or deviation reason", schema: { type: "string" } },
  { name: "cursor", in: "query", schema: { type: "string" } },
  { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 25 } },
];
const one = { type: "object", properties: { observation: ref("Observation") } };

export const observationPaths = {
  "/processes": {
    get: {
      summary: "A team's processes with their current guideline version",
      parameters: [{ name: "teamId", in: "query", required: true, schema: { type: "string" } }],
      responses: { "200": { description: "OK", content: jsonContent({ type: "object", properties: { processes: { type: "array", items: ref("Process") } } }) }, "404": err("Team not found") },
    },
  },
  "/processes/{id}": {
    get: {
      summary: "One process: the current version's steps (their ids are what deviations point at) and all versions",
      parameters: [idParam],
      responses: { "200": { description: "OK", content: jsonContent({ type: "object", properties: { process: ref("ProcessDetail") } }) }, "404": err("Not found") },
    },
  },
  "/observations": {
    post: {
      summary: "Record an observation (idempotent)",
      description:
        "Send an `Idempotency-Key` header (or `clientSubmissionId` in the body). The same key with the same body returns the original with 200; with a different body, 422. Anonymous observations store no author and return a `receiptCode` for reading replies at /receipt.",
      parameters: [{ name: "Idempotency-Key", in: "header", schema: { type: "string", minLength: 8, maxLength: 128 } }],
      requestBody: { required: true, content: jsonContent(ref("ObservationInput")) },
      responses: {
        "201": { description: "Created", content: jsonContent({ type: "object", properties: { observation: ref("Observation"), receiptCode: { type: "string" } } }) },
        "200": { description: "Replay of an earlier request with the same key", content: jsonContent({ type: "object", properties: { observation: ref("Observation"), receiptCode: { type: "string" } } }) },
        "400": err("Invalid input (e.g. a deviation without deviationReason)"),
        "401": err("Not authenticated"),
        "404": err("Team, process or step not found (also for other organizations' ids)"),
        "422": err("Idempotency key reused with a different body"),
        "429": err("Rate limited; see Retry-After"),
      },
    },
    get: {
      summary: "List observations, newest first",
      parameters: listParams,
      responses: {
        "200": { description: "OK", content: jsonContent({ type: "object", properties: { observations: { type: "array", items: ref("Observation") }, nextCursor: { type: "string", nullable: true } } }) },
        "400": err("Invalid filter"),
        "401": err("Not authenticated"),
      },
    },
  },
  "/observations/{id}": {
    get: { summary: "One observation", parameters: [idParam], responses: { "200": { description: "OK", content: jsonContent(one) }, "404": err("Not found") } },
    patch: {
      summary: "Triage: status and links (leads, managers, admins)",
      parameters: [idParam],
      requestBody: { required: true, content: jsonContent(ref("ObservationTriage")) },
      responses: { "200": { description: "OK", content: jsonContent(one) }, "403": err("Not allowed to triage"), "404": err("Not found") },
    },
  },
  "/observations/{id}/comments": {
    get: {
      summary: "The thread on an observation",
      parameters: [idParam],
      responses: { "200": { description: "OK", content: jsonContent({ type: "object", properties: { comments: { type: "array", items: ref("Comment") } } }) }, "404": err("Not found") },
    },
    post: {
      summary: "Reply on an observation (direction down/up; closesLoop = “you said, we did”)",
      parameters: [idParam],
      requestBody: { required: true, content: jsonContent(ref("CommentInput")) },
      responses: { "201": { description: "Created", content: jsonContent({ type: "object", properties: { comment: ref("Comment") } }) }, "404": err("Not found") },
    },
  },
};
