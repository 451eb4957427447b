// GET /api/v1/me — the signed-in person (or API token) and their teams
import { json, withApi } from "@/lib/api/handler.ts";
import { getMe } from "@/lib/users/get-me.ts";

export const GET = withApi(async ({ caller }) => json({ user: await getMe(caller) }));
