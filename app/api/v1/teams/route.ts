// GET /api/v1/teams — teams the caller can see, cursor-paginated
import { json, parseQuery, withApi } from "@/lib/api/handler.ts";
import { listTeams } from "@/lib/teams/list-teams.ts";
import { listTeamsQuery } from "@/lib/teams/schema.ts";

export const GET = withApi(async ({ request, caller }) => json(await listTeams(caller, parseQuery(request, listTeamsQuery))));
