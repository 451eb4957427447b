// GET /api/health — liveness and database reachability (503 with Retry-After when the database is down)
import { getDb } from "@/lib/db/client.ts";
import { reportDatabaseUnreachable } from "@/lib/db/availability.ts";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await getDb().$queryRaw`select 1`;
    return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    reportDatabaseUnreachable();
    return Response.json(
      { error: { code: "UNAVAILABLE", message: "The database is unavailable." } },
      { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "5" } },
    );
  }
}
