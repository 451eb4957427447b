import { beforeAll, describe, expect, it } from "vitest";
import { createInvitation } from "@/lib/invitations/create-invitation.ts";
import { acceptInvitation, previewInvitation } from "@/lib/invitations/accept-invitation.ts";
import { callerFromSession } from "@/lib/auth/resolve-caller.ts";
import { verifyPassword } from "@/lib/auth/crypto.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { createUser, createWorld, testDb } from "./support/factories.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const caller = async (userId: string) => (await callerFromSession(userId, 0)) as Caller;
const tokenOf = (path: string) => path.replace("/invite/", "");
const email = () => `invitee-${Math.random().toString(36).slice(2, 10)}@example.test`;

beforeAll(async () => {
  world = await createWorld();
});

describe("invitations", () => {
  it("lets an admin invite by link; accepting creates the account and membership, once", async () => {
    const admin = await caller(world.a.admin.id);
    const invitee = email();
    const { invitation, path } = await createInvitation(admin, { teamId: world.teamA1.id, email: invitee, role: "LEAD" });
    expect(invitation).toMatchObject({ email: invitee, role: "LEAD", teamId: world.teamA1.id });
    const stored = await testDb().invitation.findUniqueOrThrow({ where: { id: invitation.id }, select: { tokenHash: true } });
    expect(stored.tokenHash).not.toContain(tokenOf(path)); // only the hash is stored

    const preview = await previewInvitation(tokenOf(path));
    expect(preview).toMatchObject({ state: "open", teamName: "Ward A1", hasAccount: false });

    const accepted = await acceptInvitation({ token: tokenOf(path), name: "New Lead", password: "a-long-password" }, null);
    expect(accepted.createdAccount).toBe(true);
    const user = await testDb().user.findUniqueOrThrow({
      where: { email: invitee },
      select: { organizationId: true, passwordHash: true, memberships: { select: { teamId: true, role: true } } },
    });
    expect(user.organizationId).toBe(world.orgA.id);
    expect(user.memberships).toEqual([{ teamId: world.teamA1.id, role: "LEAD" }]);
    expect(await verifyPassword("a-long-password", user.passwordHash)).toBe(true);

    await expect(acceptInvitation({ token: tokenOf(path), name: "Again", password: "a-long-password" }, null)).rejects.toMatchObject({
      code: "GONE",
    });
    expect((await previewInvitation(tokenOf(path))).state).toBe("used");
  });

  it("refuses expired invitations with GONE", async () => {
    const { invitation, path } = await createInvitation(await caller(world.a.admin.id), { teamId: world.teamA1.id, email: email(), role: "MEMBER" });
    await testDb().invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await previewInvitation(tokenOf(path))).state).toBe("expired");
    await expect(acceptInvitation({ token: tokenOf(path), name: "Late", password: "a-long-password" }, null)).rejects.toMatchObject({
      code: "GONE",
      message: expect.stringMatching(/expired/),
    });
  });

  it("lets exactly one of many simultaneous accepts win", async () => {
    const invitee = email();
    const { path } = await createInvitation(await caller(world.a.admin.id), { teamId: world.teamA2.id, email: invitee, role: "MEMBER" });
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, () => acceptInvitation({ token: tokenOf(path), name: "Racer", password: "a-long-password" }, null)),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    expect(await testDb().user.count({ where: { email: invitee } })).toBe(1);
  });

  it("enforces who may invite whom", async () => {
    const manager = await caller(world.a.manager.id);
    await expect(createInvitation(manager, { teamId: world.teamA1.id, email: email(), role: "MEMBER" })).resolves.toBeTruthy();
    await expect(createInvitation(manager, { teamId: world.teamA1.id, email: email(), role: "MANAGER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createInvitation(await caller(world.a.lead.id), { teamId: world.teamA1.id, email: email(), role: "MEMBER" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(createInvitation(await caller(world.a.member.id), { teamId: world.teamA1.id, email: email(), role: "MEMBER" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // Another organization's team does not exist as far as this admin can tell.
    await expect(createInvitation(await caller(world.b.admin.id), { teamId: world.teamA1.id, email: email(), role: "MEMBER" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses to invite someone from another organization, or an existing member", async () => {
    const admin = await caller(world.a.admin.id);
    await expect(createInvitation(admin, { teamId: world.teamA1.id, email: world.b.lead.email, role: "MEMBER" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(createInvitation(admin, { teamId: world.teamA1.id, email: world.a.member.email, role: "MEMBER" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("asks an existing account to sign in before joining another team", async () => {
    const existing = await createUser(world.orgA.id, { teams: [{ teamId: world.teamA1.id, role: "MEMBER" }] });
    const { path } = await createInvitation(await caller(world.a.admin.id), { teamId: world.teamA2.id, email: existing.email, role: "MEMBER" });
    await expect(acceptInvitation({ token: tokenOf(path) }, null)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const result = await acceptInvitation({ token: tokenOf(path) }, await caller(existing.id));
    expect(result).toMatchObject({ userId: existing.id, teamId: world.teamA2.id, createdAccount: false });
  });

  it("rejects bad input with validation errors, not crashes", async () => {
    const admin = await caller(world.a.admin.id);
    await expect(createInvitation(admin, { teamId: world.teamA1.id, email: "not-an-email", role: "MEMBER" })).rejects.toHaveProperty("issues");
    await expect(createInvitation(admin, { teamId: world.teamA1.id, email: email(), role: "ADMIN" })).rejects.toHaveProperty("issues");
    await expect(previewInvitation("short")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("invitation rate limit", () => {
  it("answers 429 with Retry-After once an inviter passes the hourly limit", async () => {
    const previous = process.env.INVITATION_LIMIT_PER_HOUR;
    process.env.INVITATION_LIMIT_PER_HOUR = "3";
    try {
      const manager = await caller(world.a.manager.id);
      const attempts = [];
      for (let i = 0; i < 5; i++) {
        attempts.push(await createInvitation(manager, { teamId: world.teamA2.id, email: email(), role: "MEMBER" }).then(() => "ok", (e) => e));
      }
      const refused = attempts.filter((a) => a !== "ok");
      expect(refused.length).toBeGreaterThan(0);
      expect(refused[0]).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) });
    } finally {
      if (previous === undefined) delete process.env.INVITATION_LIMIT_PER_HOUR;
      else process.env.INVITATION_LIMIT_PER_HOUR = previous;
    }
  });
});
