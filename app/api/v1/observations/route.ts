// POST /api/v1/observations — record an observation (idempotent); GET — list with filters, cursor-paginated
import { json, parseJsonBody, parseQuery, validationError, withApi } from "@/lib/api/handler.ts";
import { createObservation } from "@/lib/observations/create-observation.ts";
import { listObservations } from "@/lib/observations/list-observations.ts";
import { createObservationInput, idempotencyKeySchema, listObservationsQuery } from "@/lib/observations/schema.ts";

export const POST = withApi(async ({ request, caller }) => {
  const header = request.headers.get("idempotency-key");
  let key: string | undefined;
  if (header !== null) {
    const parsed = idempotencyKeySchema.safeParse(header);
    if (!parsed.success) throw validationError(parsed.error);
    key = parsed.data;
  }
  const input = await parseJsonBody(request, createObservationInput);
  const { created, ...body } = await createObservation(caller, input, key);
  return json(body, { status: created ? 201 : 200 });
});

export const GET = withApi(async ({ request, caller }) => json(await listObservations(caller, parseQuery(request, listObservationsQuery))));
