// PATCH /api/v1/measures/{id}/data-points/{pointId} — correct or annotate a point (audited); DELETE — remove it
import { json, parseJsonBody, withApi } from "@/lib/api/handler.ts";
import { deleteDataPoint, editDataPoint } from "@/lib/measures/edit-data-point.ts";
import { editDataPointInput } from "@/lib/measures/schema.ts";

type Params = { id: string; pointId: string };

export const PATCH = withApi<Params>(async ({ request, caller, params }) =>
  json({ dataPoint: await editDataPoint(caller, params.id, params.pointId, await parseJsonBody(request, editDataPointInput)) }),
);

export const DELETE = withApi<Params>(async ({ caller, params }) => {
  await deleteDataPoint(caller, params.id, params.pointId);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
