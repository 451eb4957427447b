import { describe, expect, it } from "vitest";
import { signUp } from "@/lib/orgs/sign-up.ts";
import { callerFromSession } from "@/lib/auth/resolve-caller.ts";
import { testDb } from "./support/factories.ts";

const email = () => `founder-${Math.random().toString(36).slice(2, 10)}@example.test`;

describe("sign-up", () => {
  it("creates an organization with a first team and makes the person its ADMIN", async () => {
    const address = email();
    const result = await signUp({ name: "Ada", email: address.toUpperCase(), password: "correct horse battery", organizationName: "Ada's Ward", teamName: "Night shift" });
    const user = await testDb().user.findUniqueOrThrow({ where: { email: address }, select: { id: true, orgRole: true, organizationId: true } });
    expect(user).toMatchObject({ id: result.userId, orgRole: "ADMIN", organizationId: result.organizationId });
    const caller = await callerFromSession(result.userId, 0);
    expect(caller?.isOrgAdmin).toBe(true);
    const team = await testDb().team.findUniqueOrThrow({ where: { id: result.teamId }, select: { organizationId: true, name: true } });
    expect(team).toEqual({ organizationId: result.organizationId, name: "Night shift" });
    const membership = await testDb().membership.findFirstOrThrow({ where: { teamId: result.teamId }, select: { userId: true, role: true } });
    expect(membership).toEqual({ userId: result.userId, role: "LEAD" });
    const audit = await testDb().auditEvent.count({ where: { organizationId: result.organizationId, action: "org.created" } });
    expect(audit).toBe(1);
  });

  it("answers CONFLICT for an email that already has an account, and creates nothing", async () => {
    const address = email();
    await signUp({ name: "First", email: address, password: "correct horse battery", organizationName: "First Org", teamName: "Team" });
    const orgsBefore = await testDb().organization.count();
    await expect(
      signUp({ name: "Second", email: address, password: "correct horse battery", organizationName: "Second Org", teamName: "Team" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await testDb().organization.count()).toBe(orgsBefore);
  });

  it("rejects malformed input with field messages", async () => {
    await expect(signUp({ name: "", email: "nope", password: "short", organizationName: "x" })).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: ["email"] }), expect.objectContaining({ path: ["password"] })]),
    });
  });
});
