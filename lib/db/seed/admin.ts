// Administrative rows: an API token for the pharmacy feed, a pending invitation and audit events,
// so the admin pages have something real to list.
import { randomBytes } from "node:crypto";
import type { Prisma } from "../generated/client.ts";
import type { World } from "./context.ts";
import { userId } from "./context.ts";
import { addDays, addHours, newId, sha256Hex } from "./random.ts";

export type AdminPlan = {
  apiTokens: Prisma.ApiTokenCreateManyInput[];
  invitations: Prisma.InvitationCreateManyInput[];
  auditEvents: Prisma.AuditEventCreateManyInput[];
};

export function buildAdmin(world: World): AdminPlan {
  const { cal } = world;
  const cardio = world.teams.cardio;
  const ed = world.teams.ed;
  const stOlavAdmin = userId(world, "admin@stolav.example");
  // Random, not seeded: a token that can be recomputed from the seed would be a real credential.
  // Nobody can use this one (only its hash is stored); it exists to show in the token list.
  // Same shape as lib/auth/crypto.ts randomSecret("llt", 32) and create-api-token.ts.
  const token = `llt_${randomBytes(32).toString("base64url")}`;
  const tokenId = newId();
  const tokenCreated = addDays(cal.today, -150);
  const inviteCreated = addHours(cal.now, -26);
  const inviteId = newId();
  return {
    apiTokens: [
      {
        id: tokenId,
        organizationId: cardio.orgId,
        teamId: cardio.id,
        name: "Pharmacy system (antibiotic timings)",
        tokenHash: sha256Hex(token),
        prefix: token.slice(0, 12),
        createdById: stOlavAdmin,
        lastUsedAt: addHours(cal.today, -15),
        expiresAt: addDays(cal.today, 215),
        createdAt: tokenCreated,
      },
    ],
    invitations: [
      {
        id: inviteId,
        organizationId: ed.orgId,
        teamId: ed.id,
        email: "new.nurse@stolav.example",
        role: "MEMBER",
        tokenHash: sha256Hex(`lli_${randomBytes(24).toString("base64url")}`),
        invitedById: userId(world, "lead.ed@stolav.example"),
        expiresAt: addDays(inviteCreated, 7),
        createdAt: inviteCreated,
      },
    ],
    auditEvents: [
      ...[world.orgs.stOlav, world.orgs.riverside].map((organizationId) => ({
        id: newId(),
        organizationId,
        action: "seed.created",
        targetType: "organization",
        targetId: organizationId,
        metadata: { source: "seedDemoData" },
        createdAt: cal.now,
      })),
      {
        id: newId(),
        organizationId: cardio.orgId,
        actorId: stOlavAdmin,
        action: "api_token.created",
        targetType: "api_token",
        targetId: tokenId,
        metadata: { teamId: cardio.id, name: "Pharmacy system (antibiotic timings)" },
        createdAt: tokenCreated,
      },
      {
        id: newId(),
        organizationId: ed.orgId,
        actorId: userId(world, "lead.ed@stolav.example"),
        action: "invitation.created",
        targetType: "invitation",
        targetId: inviteId,
        metadata: { teamId: ed.id, role: "MEMBER" },
        createdAt: inviteCreated,
      },
    ],
  };
}
