// GET /api/v1/teams/{id} — one team (404 for teams the caller cannot see, including other organizations)
import { json, withApi } from "@/lib/api/handler.ts";
import { getTeamOrThrow } from "@/lib/teams/get-team.ts";

export const GET = withApi<{ id: string }>(async ({ caller, params }) => json({ team: await getTeamOrThrow(caller, params.id) }));
