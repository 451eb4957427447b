// OpenAPI path for /export, merged into lib/api/openapi.ts. The archive layout is described in
// docs/backup.md; the manifest schema comes from the zod schema the import validates with.
import { z } from "zod";
import { manifestSchema } from "./schema.ts";

const err = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

export const exportSchemas = {
  ExportManifest: z.toJSONSchema(manifestSchema, { target: "openapi-3.0", unrepresentable: "any" }) as Record<string, unknown>,
};

export const exportPaths = {
  "/export": {
    get: {
      summary: "The caller's whole organization as a zip (org admins only; audited)",
      description:
        "A zip with manifest.json (see ExportManifest), json/<Model>.json and csv/<Model>.csv per table. Secrets (password, API token and invitation hashes) are left out. Restore with `npm run org:import -- <file.zip>`. API tokens are team-scoped and always get 403.",
      responses: {
        "200": {
          description: "The archive (Content-Disposition: attachment; filename=\"learning-loop-<slug>-<yyyy-mm-dd>.zip\")",
          content: { "application/zip": { schema: { type: "string", format: "binary" } } },
        },
        "401": err("Not signed in"),
        "403": err("Not an organization admin, or an API token"),
      },
    },
  },
};
