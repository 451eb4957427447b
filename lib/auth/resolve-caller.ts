import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "./context.ts";
import { sha256 } from "./crypto.ts";

/**
 * Loads the person behind a session from the database on every request. A JWT that is still valid
 * but whose user was deactivated, or whose session version was bumped (logout, password change),
 * gets no caller.
 */
export async function callerFromSession(userId: string, sessionVersion: number): Promise<Caller | null> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      organizationId: true,
      name: true,
      email: true,
      orgRole: true,
      sessionVersion: true,
      deactivatedAt: true,
      memberships: { select: { teamId: true, role: true } },
    },
  });
  if (!user || user.deactivatedAt || user.sessionVersion !== sessionVersion) return null;
  const isOrgAdmin = user.orgRole === "ADMIN";
  // Org admins act as ADMIN in every team of their organization, and only there: the list is read
  // from the database so that a team id from another organization never matches.
  const teams = isOrgAdmin
    ? (await getDb().team.findMany({ where: { organizationId: user.organizationId }, select: { id: true } })).map((t) => ({
        teamId: t.id,
        role: "ADMIN" as const,
      }))
    : user.memberships.map((m) => ({ teamId: m.teamId, role: m.role }));
  return {
    userId: user.id,
    tokenId: null,
    orgId: user.organizationId,
    isOrgAdmin,
    name: user.name,
    email: user.email,
    teams,
  };
}

/** An API token acts as a MEMBER of the one team it was created for. */
export async function callerFromApiToken(token: string): Promise<Caller | null> {
  const db = getDb();
  const row = await db.apiToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: { id: true, organizationId: true, teamId: true, name: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
  });
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  // Write lastUsedAt at most once a minute: a busy integration should not turn reads into writes.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now }, select: { id: true } });
  }
  return {
    userId: null,
    tokenId: row.id,
    orgId: row.organizationId,
    isOrgAdmin: false,
    name: `API token “${row.name}”`,
    email: null,
    teams: [{ teamId: row.teamId, role: "MEMBER" }],
  };
}
