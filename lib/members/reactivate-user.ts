import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { requireOrgAdmin, requireUser } from "@/lib/auth/guard.ts";
import { recordAuditEvent } from "@/lib/audit/record-audit-event.ts";
import { getOrgUserOrThrow } from "./get-org-user.ts";
import { reactivateUserInput, type ReactivateUserInput, type RequestOrigin } from "./schema.ts";

/**
 * Lets a deactivated person sign in again (org admins only). The session version is left alone:
 * deactivation already bumped it, so a cookie from before the deactivation stays dead and the person
 * has to sign in afresh. Their team memberships were never removed, so they come back as they were.
 */
export async function reactivateUser(
  caller: Caller,
  rawInput: ReactivateUserInput,
  origin: RequestOrigin = {},
): Promise<{ userId: string; reactivated: boolean }> {
  const input = reactivateUserInput.parse(rawInput);
  requireOrgAdmin(caller);
  const actorId = requireUser(caller);
  const db = getDb();
  const user = await getOrgUserOrThrow({ id: input.userId, orgId: caller.orgId });
  if (!user.deactivatedAt) return { userId: user.id, reactivated: false };

  // Conditional on still being deactivated, so that two admins clicking at once audit it once.
  const { count } = await db.user.updateMany({
    where: { id: user.id, organizationId: caller.orgId, deactivatedAt: { not: null } },
    data: { deactivatedAt: null },
  });
  if (count === 0) return { userId: user.id, reactivated: false };
  await recordAuditEvent({
    orgId: caller.orgId,
    actorId,
    action: "user.reactivated",
    targetType: "user",
    targetId: user.id,
    ip: origin.ip ?? null,
    userAgent: origin.userAgent ?? null,
    metadata: { deactivatedAt: user.deactivatedAt.toISOString() },
  });
  return { userId: user.id, reactivated: true };
}
