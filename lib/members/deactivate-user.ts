import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { requireOrgAdmin, requireUser } from "@/lib/auth/guard.ts";
import { recordAuditEvent } from "@/lib/audit/record-audit-event.ts";
import { getOrgUserOrThrow } from "./get-org-user.ts";
import { forbidden } from "@/lib/errors.ts";
import { deactivateUserInput, type DeactivateUserInput, type RequestOrigin } from "./schema.ts";
import { assertNotLastAdmin } from "./rules.ts";

/**
 * Deactivates a person's account (org admins only). Bumping the session version ends every session
 * they have at once; their rows (observations, data points…) stay.
 */
export async function deactivateUser(
  caller: Caller,
  rawInput: DeactivateUserInput,
  origin: RequestOrigin = {},
): Promise<{ userId: string; deactivatedAt: Date }> {
  const input = deactivateUserInput.parse(rawInput);
  requireOrgAdmin(caller);
  const actorId = requireUser(caller);
  const db = getDb();
  const user = await getOrgUserOrThrow({ id: input.userId, orgId: caller.orgId });
  if (user.id === actorId) throw forbidden("You cannot deactivate your own account.");
  if (user.deactivatedAt) return { userId: user.id, deactivatedAt: user.deactivatedAt };
  await assertNotLastAdmin(caller.orgId, user.id);

  const deactivatedAt = new Date();
  await db.user.updateMany({
    where: { id: user.id, organizationId: caller.orgId },
    data: { deactivatedAt, sessionVersion: { increment: 1 } },
  });
  await recordAuditEvent({
    orgId: caller.orgId,
    actorId,
    action: "user.deactivated",
    targetType: "user",
    targetId: user.id,
    ip: origin.ip ?? null,
    userAgent: origin.userAgent ?? null,
  });
  return { userId: user.id, deactivatedAt };
}
