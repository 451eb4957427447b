import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { requireUser, teamContext } from "@/lib/auth/guard.ts";
import { randomSecret, sha256 } from "@/lib/auth/crypto.ts";
import { recordAuditEvent } from "@/lib/audit/record-audit-event.ts";
import { createApiTokenInput, type CreateApiTokenInput } from "./schema.ts";

/** Creates a team API token. The plain token is returned once and never stored. */
export async function createApiToken(caller: Caller, raw: CreateApiTokenInput | unknown) {
  const input = createApiTokenInput.parse(raw);
  const ctx = teamContext(caller, input.teamId, "create:api-token");
  const userId = requireUser(caller);
  const token = randomSecret("llt", 32);
  const row = await getDb().apiToken.create({
    data: {
      organizationId: ctx.orgId,
      teamId: ctx.teamId,
      name: input.name,
      tokenHash: sha256(token),
      prefix: token.slice(0, 12),
      createdById: userId,
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    },
    select: { id: true, name: true, prefix: true, teamId: true, expiresAt: true, createdAt: true },
  });
  await recordAuditEvent({ orgId: ctx.orgId, actorId: userId, action: "api_token.created", targetType: "api_token", targetId: row.id });
  return { token, apiToken: row };
}
