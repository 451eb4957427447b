import "server-only";
import { AppError, forbidden, notFound } from "@/lib/errors.ts";
import type { Caller, TeamContext } from "./context.ts";
import { can, type Permission, type Role } from "./permissions.ts";

/**
 * The caller's role in a team, from the team list resolved against the database for this request
 * (org admins get every team of their organization as ADMIN; an API token only its own team).
 * Null when the caller has no access to the team at all.
 */
export function roleInTeam(caller: Caller, teamId: string): Role | null {
  return caller.teams.find((t) => t.teamId === teamId)?.role ?? null;
}

/**
 * The one guard. A team the caller cannot see answers 404 (not 403), so that ids from another
 * team or organization reveal nothing. Seeing a team but lacking the permission answers 403.
 */
export function teamContext(caller: Caller, teamId: string, permission: Permission): TeamContext {
  const role = roleInTeam(caller, teamId);
  if (!role) {
    recordDenied(caller, "team", teamId, permission);
    throw notFound("Team not found.");
  }
  if (!can(role, permission)) {
    recordDenied(caller, "team", teamId, permission);
    throw forbidden();
  }
  return { userId: caller.userId, tokenId: caller.tokenId, orgId: caller.orgId, teamId, role };
}

export function requireOrgAdmin(caller: Caller): void {
  if (!caller.isOrgAdmin || caller.tokenId) {
    recordDenied(caller, "organization", caller.orgId, "org:admin");
    throw forbidden("Only organization admins can do that.");
  }
}

/**
 * Records a denied access without holding up or failing the request: the guard is synchronous, so
 * the write is fired and forgotten. The recorder is imported lazily so that the guard stays usable
 * (and cheap) where no database is configured, such as unit tests.
 */
function recordDenied(caller: Caller, targetType: string, targetId: string, permission: string): void {
  if (!process.env.DATABASE_URL) return;
  void import("@/lib/audit/record-audit-event.ts")
    .then(({ recordAuditEvent }) =>
      recordAuditEvent({
        orgId: caller.orgId,
        actorId: caller.userId,
        action: "access.denied",
        targetType,
        targetId: targetId.slice(0, 200),
        metadata: caller.tokenId ? { permission, tokenId: caller.tokenId } : { permission },
      }),
    )
    .catch(() => undefined);
}

export function requireUser(caller: Caller): string {
  if (!caller.userId) throw new AppError("FORBIDDEN", "This action needs a signed-in person, not an API token.");
  return caller.userId;
}

/** Team ids the caller may read, for list queries (`where: { teamId: { in } }`). */
export function readableTeamIds(caller: Caller): string[] {
  return caller.teams.map((t) => t.teamId);
}
