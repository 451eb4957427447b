import { describe, expect, it } from "vitest";
import { invitableRoles, can, POLICY, PERMISSIONS, ROLES } from "@/lib/auth/permissions.ts";
import { roleInTeam, teamContext, requireOrgAdmin } from "@/lib/auth/guard.ts";
import type { Caller } from "@/lib/auth/context.ts";

const caller = (overrides: Partial<Caller> = {}): Caller => ({
  userId: "u1",
  tokenId: null,
  orgId: "org1",
  isOrgAdmin: false,
  name: "Test",
  email: "t@example.test",
  teams: [{ teamId: "t1", role: "MEMBER" }],
  ...overrides,
});

describe("permission policy", () => {
  it("is cumulative: each role can do everything the role below it can", () => {
    const order = ["MEMBER", "LEAD", "MANAGER", "ADMIN"] as const;
    for (let i = 1; i < order.length; i++) {
      for (const p of POLICY[order[i - 1]!]) expect(can(order[i]!, p)).toBe(true);
    }
  });

  it("gives admins every permission and members no triage or editing", () => {
    for (const p of PERMISSIONS) expect(can("ADMIN", p)).toBe(true);
    expect(can("MEMBER", "triage:observation")).toBe(false);
    expect(can("MEMBER", "edit:guideline")).toBe(false);
    expect(can("MEMBER", "create:observation")).toBe(true);
    expect(can("LEAD", "invite:member")).toBe(false);
    expect(can("MANAGER", "create:api-token")).toBe(false);
  });

  it("never lets a role invite above itself", () => {
    const rank = Object.fromEntries(ROLES.map((r, i) => [r, ROLES.length - i]));
    for (const role of ROLES) for (const invited of invitableRoles(role)) expect(rank[invited]).toBeLessThan(rank[role]!);
    expect(invitableRoles("LEAD")).toEqual([]);
    expect(invitableRoles("MEMBER")).toEqual([]);
  });
});

describe("guard", () => {
  it("answers NOT_FOUND (not FORBIDDEN) for a team the caller is not in", () => {
    expect(() => teamContext(caller(), "other-team", "read:team")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });

  it("answers FORBIDDEN when the caller is in the team but lacks the permission", () => {
    expect(() => teamContext(caller(), "t1", "triage:observation")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });

  it("returns the use-case context with the caller's role", () => {
    expect(teamContext(caller({ teams: [{ teamId: "t1", role: "LEAD" }] }), "t1", "triage:observation")).toEqual({
      userId: "u1",
      tokenId: null,
      orgId: "org1",
      teamId: "t1",
      role: "LEAD",
    });
  });

  it("only knows the teams resolved for the caller, even for org admins", () => {
    const admin = caller({ isOrgAdmin: true, teams: [{ teamId: "t1", role: "ADMIN" }] });
    expect(roleInTeam(admin, "t1")).toBe("ADMIN");
    expect(roleInTeam(admin, "team-of-another-org")).toBeNull();
  });

  it("refuses org-admin actions to API tokens and non-admins", () => {
    expect(() => requireOrgAdmin(caller())).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => requireOrgAdmin(caller({ isOrgAdmin: true, tokenId: "tok" }))).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => requireOrgAdmin(caller({ isOrgAdmin: true }))).not.toThrow();
  });
});
