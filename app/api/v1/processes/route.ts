// GET /api/v1/processes?teamId= — a team's processes with their current guideline version
import { json, parseQuery, withApi } from "@/lib/api/handler.ts";
import { listProcessesApi, listProcessesQuery } from "@/lib/guidelines/api.ts";

export const GET = withApi(async ({ request, caller }) => json({ processes: await listProcessesApi(caller, parseQuery(request, listProcessesQuery).teamId) }));
