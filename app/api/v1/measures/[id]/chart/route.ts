// GET /api/v1/measures/{id}/chart?kind=&from=&to=&phases= — the computed run/control chart with signals explained
import { json, parseQuery, withApi } from "@/lib/api/handler.ts";
import { getMeasureChart } from "@/lib/measures/get-chart.ts";
import { chartQuery } from "@/lib/measures/schema.ts";

export const GET = withApi<{ id: string }>(async ({ request, caller, params }) =>
  json(await getMeasureChart(caller, params.id, parseQuery(request, chartQuery))),
);
