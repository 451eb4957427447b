// GET /api/v1/observations/{id} — one observation; PATCH — triage (status, links) for leads
import { json, parseJsonBody, withApi } from "@/lib/api/handler.ts";
import { getObservationOrThrow } from "@/lib/observations/get-observation.ts";
import { triageObservation } from "@/lib/observations/triage-observation.ts";
import { triageObservationInput } from "@/lib/observations/schema.ts";

export const GET = withApi<{ id: string }>(async ({ caller, params }) => json({ observation: await getObservationOrThrow(caller, params.id) }));

export const PATCH = withApi<{ id: string }>(async ({ request, caller, params }) =>
  json({ observation: await triageObservation(caller, params.id, await parseJsonBody(request, triageObservationInput)) }),
);
