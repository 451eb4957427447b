import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { requireOrgAdmin, requireUser } from "@/lib/auth/guard.ts";
import { notFound } from "@/lib/errors.ts";
import { recordAuditEvent } from "@/lib/audit/record-audit-event.ts";

export async function revokeApiToken(caller: Caller, id: string): Promise<void> {
  requireOrgAdmin(caller);
  const userId = requireUser(caller);
  const result = await getDb().apiToken.updateMany({
    where: { id, organizationId: caller.orgId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (result.count === 0) throw notFound("API token not found.");
  await recordAuditEvent({ orgId: caller.orgId, actorId: userId, action: "api_token.revoked", targetType: "api_token", targetId: id });
}
