import { beforeAll, describe, expect, it } from "vitest";
import { changeMemberRole } from "@/lib/members/change-member-role.ts";
import { removeMember } from "@/lib/members/remove-member.ts";
import { deactivateUser } from "@/lib/members/deactivate-user.ts";
import { reactivateUser } from "@/lib/members/reactivate-user.ts";
import { callerFromSession } from "@/lib/auth/resolve-caller.ts";
import { listMembers } from "@/lib/teams/list-members.ts";
import { teamContext } from "@/lib/auth/guard.ts";
import type { Caller } from "@/lib/auth/context.ts";
import type { Role } from "@/lib/auth/permissions.ts";
import { createOrg, createUser, createWorld, testDb } from "./support/factories.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const caller = async (userId: string) => (await callerFromSession(userId, 0)) as Caller;

async function membershipOf(userId: string, teamId: string) {
  return testDb().membership.findFirstOrThrow({ where: { userId, teamId }, select: { id: true, role: true } });
}

async function newMember(role: Role, teamId = world.teamA1.id) {
  const user = await createUser(world.orgA.id, { teams: [{ teamId, role }] });
  const membership = await membershipOf(user.id, teamId);
  return { user, membership };
}

async function auditRows(action: string, targetId: string) {
  return testDb().auditEvent.findMany({
    where: { action, targetId },
    select: { organizationId: true, actorId: true, metadata: true },
  });
}

beforeAll(async () => {
  world = await createWorld();
});

describe("changing a member's role", () => {
  it("lets an org admin change any role, audits from/to, and the demoted lead loses triage on the next call", async () => {
    const { user, membership } = await newMember("LEAD");
    const before = await caller(user.id);
    expect(teamContext(before, world.teamA1.id, "triage:observation").role).toBe("LEAD");

    const admin = await caller(world.a.admin.id);
    await expect(changeMemberRole(admin, { teamId: world.teamA1.id, membershipId: membership.id, role: "MEMBER" })).resolves.toMatchObject({
      from: "LEAD",
      to: "MEMBER",
    });
    const after = await caller(user.id);
    expect(() => teamContext(after, world.teamA1.id, "triage:observation")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));

    const rows = await auditRows("member.role_changed", membership.id);
    expect(rows).toEqual([
      { organizationId: world.orgA.id, actorId: world.a.admin.id, metadata: expect.objectContaining({ from: "LEAD", to: "MEMBER", userId: user.id }) },
    ]);

    await expect(changeMemberRole(admin, { teamId: world.teamA1.id, membershipId: membership.id, role: "MANAGER" })).resolves.toMatchObject({
      to: "MANAGER",
    });
  });

  it("lets a manager switch LEAD↔MEMBER in their team, but not promote to MANAGER or touch a MANAGER", async () => {
    const manager = await caller(world.a.manager.id);
    const { membership } = await newMember("MEMBER");
    await expect(changeMemberRole(manager, { teamId: world.teamA1.id, membershipId: membership.id, role: "LEAD" })).resolves.toMatchObject({ to: "LEAD" });
    await expect(changeMemberRole(manager, { teamId: world.teamA1.id, membershipId: membership.id, role: "MANAGER" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const peer = await newMember("MANAGER");
    await expect(changeMemberRole(manager, { teamId: world.teamA1.id, membershipId: peer.membership.id, role: "MEMBER" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await membershipOf(peer.user.id, world.teamA1.id)).role).toBe("MANAGER");
  });

  it("answers 403 to leads and members, 404 to other organizations, and refuses self-changes", async () => {
    const { membership } = await newMember("MEMBER");
    const input = { teamId: world.teamA1.id, membershipId: membership.id, role: "LEAD" as const };
    await expect(changeMemberRole(await caller(world.a.lead.id), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(changeMemberRole(await caller(world.a.member.id), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(changeMemberRole(await caller(world.b.admin.id), input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A membership id from another team of the same org, addressed through the caller's team: 404.
    const other = await newMember("MEMBER", world.teamA2.id);
    await expect(
      changeMemberRole(await caller(world.a.admin.id), { teamId: world.teamA1.id, membershipId: other.membership.id, role: "LEAD" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Org B's admin using org B's team with org A's membership id: 404 too.
    await expect(changeMemberRole(await caller(world.b.admin.id), { ...input, teamId: world.teamB1.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await membershipOf((await testDb().membership.findUniqueOrThrow({ where: { id: membership.id }, select: { userId: true } })).userId, world.teamA1.id)).role).toBe(
      "MEMBER",
    );

    const managerMembership = await membershipOf(world.a.manager.id, world.teamA1.id);
    await expect(
      changeMemberRole(await caller(world.a.manager.id), { teamId: world.teamA1.id, membershipId: managerMembership.id, role: "LEAD" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("records denied access when the guard refuses", async () => {
    const { membership } = await newMember("MEMBER");
    await expect(
      changeMemberRole(await caller(world.a.member.id), { teamId: world.teamA1.id, membershipId: membership.id, role: "LEAD" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect
      .poll(() =>
        testDb().auditEvent.findFirst({
          where: { action: "access.denied", actorId: world.a.member.id, targetId: world.teamA1.id },
          select: { organizationId: true, targetType: true, metadata: true },
        }),
      )
      .toEqual({ organizationId: world.orgA.id, targetType: "team", metadata: { permission: "invite:member" } });
  });
});

describe("removing a member", () => {
  it("removes a member; the team is not found for them on their next call; audited", async () => {
    const { user, membership } = await newMember("LEAD");
    expect(teamContext(await caller(user.id), world.teamA1.id, "read:team").role).toBe("LEAD");
    await removeMember(await caller(world.a.manager.id), { teamId: world.teamA1.id, membershipId: membership.id });
    const next = await caller(user.id);
    expect(() => teamContext(next, world.teamA1.id, "read:team")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    const rows = await auditRows("member.removed", membership.id);
    expect(rows).toEqual([
      { organizationId: world.orgA.id, actorId: world.a.manager.id, metadata: expect.objectContaining({ role: "LEAD", userId: user.id }) },
    ]);
  });

  it("enforces who may remove whom", async () => {
    const peer = await newMember("MANAGER");
    await expect(removeMember(await caller(world.a.manager.id), { teamId: world.teamA1.id, membershipId: peer.membership.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const { membership } = await newMember("MEMBER");
    const input = { teamId: world.teamA1.id, membershipId: membership.id };
    await expect(removeMember(await caller(world.a.lead.id), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeMember(await caller(world.a.member.id), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeMember(await caller(world.b.admin.id), input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const own = await membershipOf(world.a.manager.id, world.teamA1.id);
    await expect(removeMember(await caller(world.a.manager.id), { teamId: world.teamA1.id, membershipId: own.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(removeMember(await caller(world.a.admin.id), input)).resolves.toEqual({ membershipId: membership.id });
    await expect(removeMember(await caller(world.a.admin.id), { teamId: world.teamA1.id, membershipId: peer.membership.id })).resolves.toBeTruthy();
  });
});

describe("deactivating a person", () => {
  it("ends their sessions at once and is audited", async () => {
    const { user } = await newMember("MEMBER");
    expect(await callerFromSession(user.id, 0)).not.toBeNull();
    await deactivateUser(await caller(world.a.admin.id), { userId: user.id });
    expect(await callerFromSession(user.id, 0)).toBeNull();
    expect(await callerFromSession(user.id, 1)).toBeNull(); // deactivated, whatever the version
    const rows = await auditRows("user.deactivated", user.id);
    expect(rows).toEqual([{ organizationId: world.orgA.id, actorId: world.a.admin.id, metadata: {} }]);
  });

  it("is for org admins only, never for oneself, and 404 across organizations", async () => {
    const { user } = await newMember("MEMBER");
    await expect(deactivateUser(await caller(world.a.manager.id), { userId: user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deactivateUser(await caller(world.b.admin.id), { userId: user.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deactivateUser(await caller(world.a.admin.id), { userId: world.a.admin.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await callerFromSession(user.id, 0)).not.toBeNull();
  });

  it("keeps the organization's last admin", async () => {
    const org = await createOrg();
    const first = await createUser(org.id, { admin: true });
    const second = await createUser(org.id, { admin: true });
    // Resolved while both are admins; then the first is demoted, so the second is the last admin.
    const firstCaller = await caller(first.id);
    await testDb().user.update({ where: { id: first.id }, data: { orgRole: "MEMBER" } });
    await expect(deactivateUser(firstCaller, { userId: second.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await callerFromSession(second.id, 0)).not.toBeNull();
  });
});

describe("reactivating a person", () => {
  it("lets them sign in again with a new session (old cookies stay dead), keeps their teams, and is audited", async () => {
    const { user } = await newMember("LEAD");
    const admin = await caller(world.a.admin.id);
    await deactivateUser(admin, { userId: user.id });
    await expect(reactivateUser(admin, { userId: user.id })).resolves.toEqual({ userId: user.id, reactivated: true });
    // Deactivation bumped the session version; reactivation leaves it, so the pre-deactivation cookie
    // (version 0) is still refused and only a fresh sign-in (which reads version 1) works.
    expect(await callerFromSession(user.id, 0)).toBeNull();
    const back = await callerFromSession(user.id, 1);
    expect(back).not.toBeNull();
    expect(teamContext(back!, world.teamA1.id, "triage:observation").role).toBe("LEAD");

    const rows = await auditRows("user.reactivated", user.id);
    expect(rows).toEqual([{ organizationId: world.orgA.id, actorId: world.a.admin.id, metadata: { deactivatedAt: expect.any(String) } }]);
    // Reactivating an active person changes nothing and audits nothing.
    await expect(reactivateUser(admin, { userId: user.id })).resolves.toEqual({ userId: user.id, reactivated: false });
    expect(await auditRows("user.reactivated", user.id)).toHaveLength(1);
  });

  it("is for org admins only, and 404 across organizations", async () => {
    const { user } = await newMember("MEMBER");
    await deactivateUser(await caller(world.a.admin.id), { userId: user.id });
    await expect(reactivateUser(await caller(world.a.manager.id), { userId: user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reactivateUser(await caller(world.a.member.id), { userId: user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reactivateUser(await caller(world.b.admin.id), { userId: user.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(reactivateUser(await caller(world.a.admin.id), { userId: "no-such-user" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await callerFromSession(user.id, 1)).toBeNull();
    expect(await auditRows("user.reactivated", user.id)).toEqual([]);
  });
});

describe("the members list", () => {
  it("gives each member's user id and whether their account is deactivated", async () => {
    const { user, membership } = await newMember("MEMBER");
    await deactivateUser(await caller(world.a.admin.id), { userId: user.id });
    const members = await listMembers(await caller(world.a.manager.id), world.teamA1.id);
    expect(members.find((m) => m.id === membership.id)).toMatchObject({ userId: user.id, deactivated: true });
  });
});
