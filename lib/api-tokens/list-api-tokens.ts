import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { requireOrgAdmin } from "@/lib/auth/guard.ts";

export async function listApiTokens(caller: Caller) {
  requireOrgAdmin(caller);
  return getDb().apiToken.findMany({
    where: { organizationId: caller.orgId },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true, team: { select: { id: true, name: true } } },
    orderBy: { createdAt: "desc" },
  });
}
