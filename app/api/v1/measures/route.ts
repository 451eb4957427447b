// GET /api/v1/measures — measures the caller can see (teamId filter, cursor pagination); POST — create one (leads)
import { json, parseJsonBody, parseQuery, withApi } from "@/lib/api/handler.ts";
import { createMeasure } from "@/lib/measures/create-measure.ts";
import { listMeasures } from "@/lib/measures/list-measures.ts";
import { createMeasureInput, listMeasuresQuery } from "@/lib/measures/schema.ts";

export const GET = withApi(async ({ request, caller }) => json(await listMeasures(caller, parseQuery(request, listMeasuresQuery))));

export const POST = withApi(async ({ request, caller }) =>
  json({ measure: await createMeasure(caller, await parseJsonBody(request, createMeasureInput)) }, { status: 201 }),
);
