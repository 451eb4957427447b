import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { recordAuditEvent } from "@/lib/audit/record-audit-event.ts";
import { forbidden } from "@/lib/errors.ts";
import { removeMemberInput, type RemoveMemberInput, type RequestOrigin } from "./schema.ts";
import { assertNotLastAdmin, loadManagedMembership, mayManageMember } from "./rules.ts";

/**
 * Removes someone from a team (their account stays). Org admins may remove anyone else; a team
 * MANAGER only LEADs and MEMBERs. The team answers 404 to them from their next request.
 */
export async function removeMember(caller: Caller, rawInput: RemoveMemberInput, origin: RequestOrigin = {}): Promise<{ membershipId: string }> {
  const input = removeMemberInput.parse(rawInput);
  const { ctx, actorId, membership } = await loadManagedMembership(caller, input.teamId, input.membershipId);
  if (!mayManageMember(ctx.role, membership.role, null)) throw forbidden("You cannot remove someone with that role.");
  if (membership.role === "ADMIN") await assertNotLastAdmin(ctx.orgId, membership.userId);

  await getDb().membership.deleteMany({ where: { id: membership.id, organizationId: ctx.orgId, teamId: ctx.teamId } });
  await recordAuditEvent({
    orgId: ctx.orgId,
    actorId,
    action: "member.removed",
    targetType: "membership",
    targetId: membership.id,
    ip: origin.ip ?? null,
    userAgent: origin.userAgent ?? null,
    metadata: { teamId: ctx.teamId, userId: membership.userId, role: membership.role },
  });
  return { membershipId: membership.id };
}
