import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { teamContext } from "@/lib/auth/guard.ts";
import type { Role } from "@/lib/auth/permissions.ts";

export type TeamMember = { id: string; userId: string; name: string; email: string; role: Role; deactivated: boolean };

/** The members of one team, for the members page. 404 for teams the caller cannot see. */
export async function listMembers(caller: Caller, teamId: string): Promise<TeamMember[]> {
  const ctx = teamContext(caller, teamId, "read:member");
  const rows = await getDb().membership.findMany({
    where: { organizationId: ctx.orgId, teamId: ctx.teamId },
    select: { id: true, userId: true, role: true, user: { select: { name: true, email: true, deactivatedAt: true } } },
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
  });
  return rows.map((r) => ({ id: r.id, userId: r.userId, name: r.user.name, email: r.user.email, role: r.role, deactivated: Boolean(r.user.deactivatedAt) }));
}
