import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { teamContext } from "@/lib/auth/guard.ts";
import type { Role } from "@/lib/auth/permissions.ts";

export type PendingInvitation = { id: string; email: string; role: Role; expiresAt: Date; createdAt: Date };

/** Open invitations of a team (not accepted, revoked or expired), for people who may invite. */
export async function listPendingInvitations(caller: Caller, teamId: string): Promise<PendingInvitation[]> {
  const ctx = teamContext(caller, teamId, "invite:member");
  return getDb().invitation.findMany({
    where: { organizationId: ctx.orgId, teamId: ctx.teamId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
}
