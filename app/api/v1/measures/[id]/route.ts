// GET /api/v1/measures/{id} — one measure; PATCH — edit, archive (`archived: true`) or restore it (leads)
import { json, parseJsonBody, withApi } from "@/lib/api/handler.ts";
import { getMeasure } from "@/lib/measures/get-measure.ts";
import { updateMeasure } from "@/lib/measures/update-measure.ts";
import { updateMeasureInput } from "@/lib/measures/schema.ts";

export const GET = withApi<{ id: string }>(async ({ caller, params }) => json({ measure: await getMeasure(caller, params.id) }));

export const PATCH = withApi<{ id: string }>(async ({ request, caller, params }) =>
  json({ measure: await updateMeasure(caller, params.id, await parseJsonBody(request, updateMeasureInput)) }),
);
