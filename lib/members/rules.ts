import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller, TeamContext } from "@/lib/auth/context.ts";
import { requireUser, teamContext } from "@/lib/auth/guard.ts";
import type { Role } from "@/lib/auth/permissions.ts";
import { AppError, forbidden, notFound } from "@/lib/errors.ts";

export { mayManageMember } from "./policy.ts";

export type ManagedMembership = { ctx: TeamContext; actorId: string; membership: { id: string; userId: string; role: Role } };

/**
 * Loads a membership the caller wants to change, with the rules shared by role changes and removals:
 * MANAGER+ in the team (MEMBER/LEAD → 403), the membership in the caller's organization and team
 * (else 404), and never the caller's own.
 */
export async function loadManagedMembership(caller: Caller, teamId: string, membershipId: string): Promise<ManagedMembership> {
  const ctx = teamContext(caller, teamId, "invite:member");
  const actorId = requireUser(caller);
  const membership = await getDb().membership.findFirst({
    where: { id: membershipId, organizationId: ctx.orgId, teamId: ctx.teamId },
    select: { id: true, userId: true, role: true },
  });
  if (!membership) throw notFound("Member not found.");
  if (membership.userId === actorId) throw forbidden("You cannot change your own membership. Ask another admin.");
  return { ctx, actorId, membership };
}

/** The organization always keeps at least one active admin. */
export async function assertNotLastAdmin(orgId: string, userId: string): Promise<void> {
  const db = getDb();
  const user = await db.user.findFirst({ where: { id: userId, organizationId: orgId }, select: { orgRole: true, deactivatedAt: true } });
  if (!user || user.orgRole !== "ADMIN" || user.deactivatedAt) return;
  const others = await db.user.count({ where: { organizationId: orgId, orgRole: "ADMIN", deactivatedAt: null, id: { not: userId } } });
  if (others === 0) throw new AppError("CONFLICT", "The organization needs at least one admin.");
}
