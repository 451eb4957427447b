import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import type { Role } from "@/lib/auth/permissions.ts";
import { recordAuditEvent } from "@/lib/audit/record-audit-event.ts";
import { forbidden } from "@/lib/errors.ts";
import { changeMemberRoleInput, type ChangeMemberRoleInput, type RequestOrigin } from "./schema.ts";
import { assertNotLastAdmin, loadManagedMembership, mayManageMember } from "./rules.ts";

/**
 * Changes a member's role in a team. Org admins may set any assignable role; a team MANAGER only
 * LEAD↔MEMBER. Takes effect on the member's next request (memberships are re-read every request).
 */
export async function changeMemberRole(
  caller: Caller,
  rawInput: ChangeMemberRoleInput,
  origin: RequestOrigin = {},
): Promise<{ membershipId: string; from: Role; to: Role }> {
  const input = changeMemberRoleInput.parse(rawInput);
  const { ctx, actorId, membership } = await loadManagedMembership(caller, input.teamId, input.membershipId);
  if (!mayManageMember(ctx.role, membership.role, input.role)) throw forbidden("You cannot give or change that role.");
  if (membership.role === input.role) return { membershipId: membership.id, from: membership.role, to: input.role };
  if (membership.role === "ADMIN") await assertNotLastAdmin(ctx.orgId, membership.userId);

  await getDb().membership.updateMany({
    where: { id: membership.id, organizationId: ctx.orgId, teamId: ctx.teamId },
    data: { role: input.role },
  });
  await recordAuditEvent({
    orgId: ctx.orgId,
    actorId,
    action: "member.role_changed",
    targetType: "membership",
    targetId: membership.id,
    ip: origin.ip ?? null,
    userAgent: origin.userAgent ?? null,
    metadata: { teamId: ctx.teamId, userId: membership.userId, from: membership.role, to: input.role },
  });
  return { membershipId: membership.id, from: membership.role, to: input.role };
}
