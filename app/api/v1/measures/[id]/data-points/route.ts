// GET /api/v1/measures/{id}/data-points — recent points; POST — record one point or { points: [...] } (idempotent by period)
import { json, parseJsonBody, parseQuery, withApi } from "@/lib/api/handler.ts";
import { listDataPoints } from "@/lib/measures/list-data-points.ts";
import { recordDataPoints } from "@/lib/measures/record-data-points.ts";
import { listDataPointsQuery, recordDataPointsBody } from "@/lib/measures/schema.ts";

export const GET = withApi<{ id: string }>(async ({ request, caller, params }) =>
  json(await listDataPoints(caller, params.id, parseQuery(request, listDataPointsQuery))),
);

// Always 200, never 201: a resent batch is the same request, so a feed sees the same answer shape
// and reads `created` / `updated` (and each point's `status`) to know what happened.
export const POST = withApi<{ id: string }>(async ({ request, caller, params }) => {
  const body = await parseJsonBody(request, recordDataPointsBody);
  const source = caller.tokenId ? "API" : "MANUAL";
  return json(await recordDataPoints(caller, params.id, body.points, source));
});
