// Test data factories with overrides. Each call makes unique rows, so tests never collide.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { createPrismaClient, type Db } from "@/lib/db/create-client.ts";
import { randomSecret, sha256 } from "@/lib/auth/crypto.ts";
import type { Role } from "@/lib/auth/permissions.ts";

let db: Db | null = null;
export function testDb(): Db {
  db ??= createPrismaClient(process.env.TEST_DATABASE_URL!, { max: 4 });
  return db;
}

const uid = () => randomUUID().slice(0, 8);

export async function createOrg(name = `Org ${uid()}`) {
  return testDb().organization.create({ data: { name, slug: `org-${uid()}` }, select: { id: true, name: true } });
}

export async function createTeam(orgId: string, name = `Team ${uid()}`) {
  return testDb().team.create({ data: { organizationId: orgId, name, slug: `team-${uid()}` }, select: { id: true, name: true } });
}

export async function createUser(
  orgId: string,
  options: { admin?: boolean; teams?: { teamId: string; role: Role }[]; email?: string; passwordHash?: string } = {},
) {
  const user = await testDb().user.create({
    data: {
      organizationId: orgId,
      email: options.email ?? `user-${uid()}@example.test`,
      name: `User ${uid()}`,
      orgRole: options.admin ? "ADMIN" : "MEMBER",
      passwordHash: options.passwordHash ?? null,
    },
    select: { id: true, email: true, name: true },
  });
  for (const t of options.teams ?? []) {
    await testDb().membership.create({ data: { organizationId: orgId, teamId: t.teamId, userId: user.id, role: t.role }, select: { id: true } });
  }
  return user;
}

export async function createApiTokenRow(orgId: string, teamId: string) {
  const token = randomSecret("llt", 32);
  const row = await testDb().apiToken.create({
    data: { organizationId: orgId, teamId, name: `token ${uid()}`, tokenHash: sha256(token), prefix: token.slice(0, 12) },
    select: { id: true },
  });
  return { token, id: row.id };
}

/** A next-auth session cookie for a user, as the browser would send it. */
export async function sessionCookie(userId: string, sessionVersion = 0): Promise<string> {
  const jwt = await encode({
    token: { uid: userId, sv: sessionVersion, authTime: Math.floor(Date.now() / 1000) },
    secret: process.env.NEXTAUTH_SECRET!,
  });
  return `next-auth.session-token=${jwt}`;
}

/** Two organizations with teams and people in every role, for isolation and access tests. */
export async function createWorld() {
  const orgA = await createOrg("Alpha Hospital");
  const teamA1 = await createTeam(orgA.id, "Ward A1");
  const teamA2 = await createTeam(orgA.id, "Ward A2");
  const orgB = await createOrg("Beta Clinic");
  const teamB1 = await createTeam(orgB.id, "Clinic B1");
  const a = {
    admin: await createUser(orgA.id, { admin: true }),
    manager: await createUser(orgA.id, { teams: [{ teamId: teamA1.id, role: "MANAGER" }, { teamId: teamA2.id, role: "MANAGER" }] }),
    lead: await createUser(orgA.id, { teams: [{ teamId: teamA1.id, role: "LEAD" }] }),
    member: await createUser(orgA.id, { teams: [{ teamId: teamA1.id, role: "MEMBER" }] }),
  };
  const b = {
    admin: await createUser(orgB.id, { admin: true }),
    lead: await createUser(orgB.id, { teams: [{ teamId: teamB1.id, role: "LEAD" }] }),
  };
  return { orgA, teamA1, teamA2, orgB, teamB1, a, b };
}
