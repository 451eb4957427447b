// POST /api/v1/measures/{id}/data-points/import — CSV import `{ csv, preview? }`: all rows or none, bad rows named
import { z } from "zod";
import { json, parseJsonBody, withApi } from "@/lib/api/handler.ts";
import { importDataPointsCsv } from "@/lib/measures/import-csv.ts";

const body = z.object({ csv: z.string().min(1).max(250_000), preview: z.boolean().default(false) });

export const POST = withApi<{ id: string }>(async ({ request, caller, params }) => {
  const input = await parseJsonBody(request, body);
  const result = await importDataPointsCsv(caller, params.id, input.csv, { preview: input.preview });
  if (!result.ok) {
    return json({ error: { code: "UNPROCESSABLE", message: `Nothing was imported: ${result.errors.length} bad row(s).`, details: { rows: result.errors } } }, { status: 422 });
  }
  return json(result);
});
