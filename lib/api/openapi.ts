// The OpenAPI document for /api/v1, built from the same zod schemas that validate requests, so the
// document cannot drift from what the handlers accept. Later features add their paths here.
import { z } from "zod";
import { teamSchema } from "@/lib/teams/schema.ts";
import { measurePaths, measureSchemas } from "@/lib/measures/openapi.ts";
import { observationPaths, observationSchemas } from "@/lib/observations/openapi.ts";
import { exportPaths, exportSchemas } from "@/lib/export/openapi.ts";

const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: "openapi-3.0" }) as Record<string, unknown>;

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const me = z.object({
  id: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  kind: z.enum(["user", "api_token"]),
  organization: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
  isOrgAdmin: z.boolean(),
  teams: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
});

const errors = {
  "400": { description: "Invalid input", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "401": { description: "Not signed in and no valid bearer token", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "404": { description: "Not found (also for ids in other organizations)", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
};

export function openApiDocument() {
  return {
    openapi: "3.0.3",
    info: {
      title: "Learning Loop API",
      version: "1.0.0",
      description:
        "JSON API. Authenticate with the session cookie (sign in through next-auth: GET /api/auth/csrf, then POST /api/auth/callback/credentials with csrfToken, email and password) or with `Authorization: Bearer <token>` using a team API token. Errors are `{ error: { code, message } }`.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      schemas: { Error: schema(errorBody), Team: schema(teamSchema), Me: schema(me), ...measureSchemas, ...observationSchemas, ...exportSchemas },
    },
    paths: {
      ...measurePaths,
      ...observationPaths,
      ...exportPaths,
      "/me": {
        get: {
          summary: "The caller and their teams",
          responses: { "200": { description: "OK", content: { "application/json": { schema: { type: "object", properties: { user: { $ref: "#/components/schemas/Me" } } } } } }, ...errors },
        },
      },
      "/teams": {
        get: {
          summary: "Teams the caller can see",
          parameters: [
            { name: "q", in: "query", schema: { type: "string" } },
            { name: "cursor", in: "query", schema: { type: "string" } },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 25 } },
          ],
          responses: {
            "200": {
              description: "OK",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: { teams: { type: "array", items: { $ref: "#/components/schemas/Team" } }, nextCursor: { type: "string", nullable: true } },
                  },
                },
              },
            },
            ...errors,
          },
        },
      },
      "/teams/{id}": {
        get: {
          summary: "One team",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "OK", content: { "application/json": { schema: { type: "object", properties: { team: { $ref: "#/components/schemas/Team" } } } } } }, ...errors },
        },
      },
    },
  };
}
