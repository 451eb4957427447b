// GET /api/v1/processes/{id} — one process: the current version with its steps (ids for deviations) and the version list
import { json, withApi } from "@/lib/api/handler.ts";
import { getProcessApi } from "@/lib/guidelines/api.ts";

export const GET = withApi<{ id: string }>(async ({ caller, params }) => json({ process: await getProcessApi(caller, params.id) }));
