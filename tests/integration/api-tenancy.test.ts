import { beforeAll, describe, expect, it } from "vitest";
import { GET as getMe } from "@/app/api/v1/me/route.ts";
import { GET as listTeams } from "@/app/api/v1/teams/route.ts";
import { GET as getTeam } from "@/app/api/v1/teams/[id]/route.ts";
import { GET as openapi } from "@/app/api/v1/openapi.json/route.ts";
import { call } from "./support/api.ts";
import { createApiTokenRow, createWorld, sessionCookie, testDb } from "./support/factories.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  world = await createWorld();
});

describe("GET /api/v1/me", () => {
  it("answers 401 with the error envelope without a session or token", async () => {
    const res = await call(getMe);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("UNAUTHORIZED");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 401 for a malformed or unknown bearer token", async () => {
    expect((await call(getMe, { bearer: "llt_not-a-real-token" })).status).toBe(401);
    expect((await call(getMe, { headers: { authorization: "Basic abc" } })).status).toBe(401);
  });

  it("returns the signed-in user wrapped as { user }", async () => {
    const res = await call(getMe, { cookie: await sessionCookie(world.a.lead.id) });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: world.a.lead.id, kind: "user", organization: { id: world.orgA.id } });
    expect(res.body.user.teams).toEqual([{ id: world.teamA1.id, name: "Ward A1", role: "LEAD" }]);
  });

  it("rejects a cookie whose session version was revoked (logout elsewhere)", async () => {
    const cookie = await sessionCookie(world.a.member.id, 0);
    await testDb().user.update({ where: { id: world.a.member.id }, data: { sessionVersion: 1 } });
    expect((await call(getMe, { cookie })).status).toBe(401);
    expect((await call(getMe, { cookie: await sessionCookie(world.a.member.id, 1) })).status).toBe(200);
    await testDb().user.update({ where: { id: world.a.member.id }, data: { sessionVersion: 0 } });
  });

  it("accepts a team API token and reports it as such", async () => {
    const { token } = await createApiTokenRow(world.orgA.id, world.teamA1.id);
    const res = await call(getMe, { bearer: token });
    expect(res.status).toBe(200);
    expect(res.body.user.kind).toBe("api_token");
    expect(res.body.user.teams.map((t: { id: string }) => t.id)).toEqual([world.teamA1.id]);
  });
});

describe("teams API: tenant and team scoping", () => {
  it("lists only the caller's teams, wrapped as { teams, nextCursor }", async () => {
    const res = await call(listTeams, { cookie: await sessionCookie(world.a.lead.id) });
    expect(res.status).toBe(200);
    expect(res.body.teams.map((t: { id: string }) => t.id)).toEqual([world.teamA1.id]);
    expect(res.body.nextCursor).toBeNull();
  });

  it("lists every team of the organization for an org admin, and paginates", async () => {
    const cookie = await sessionCookie(world.a.admin.id);
    const first = await call(listTeams, { cookie, path: "/api/v1/teams?limit=1" });
    expect(first.body.teams).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call(listTeams, { cookie, path: `/api/v1/teams?limit=1&cursor=${first.body.nextCursor}` });
    expect(second.body.teams).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.teams, ...second.body.teams].map((t: { id: string }) => t.id).sort();
    expect(ids).toEqual([world.teamA1.id, world.teamA2.id].sort());
  });

  it("rejects a bad limit with 400, not 500", async () => {
    const res = await call(listTeams, { cookie: await sessionCookie(world.a.admin.id), path: "/api/v1/teams?limit=abc" });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("BAD_REQUEST");
  });

  it("returns one team as { team } to its members", async () => {
    const res = await call(getTeam, { cookie: await sessionCookie(world.a.member.id), params: { id: world.teamA1.id } });
    expect(res.status).toBe(200);
    expect(res.body.team).toMatchObject({ id: world.teamA1.id, name: "Ward A1", role: "MEMBER" });
  });

  it("answers 404 for another organization's team, for every kind of caller there", async () => {
    const outsiders = [await sessionCookie(world.b.admin.id), await sessionCookie(world.b.lead.id)];
    for (const cookie of outsiders) {
      for (const id of [world.teamA1.id, world.teamA2.id]) {
        const res = await call(getTeam, { cookie, params: { id } });
        expect(res.status).toBe(404);
        expect(res.body).toEqual({ error: { code: "NOT_FOUND", message: "Team not found." } });
      }
    }
    const { token } = await createApiTokenRow(world.orgB.id, world.teamB1.id);
    expect((await call(getTeam, { bearer: token, params: { id: world.teamA1.id } })).status).toBe(404);
  });

  it("answers 404 for a team of the same organization that the caller is not in", async () => {
    const res = await call(getTeam, { cookie: await sessionCookie(world.a.lead.id), params: { id: world.teamA2.id } });
    expect(res.status).toBe(404);
  });

  it("answers 404 for ids that do not exist at all, including hostile ones", async () => {
    const cookie = await sessionCookie(world.a.admin.id);
    for (const id of ["nope", "' or 1=1 --", "%00", "x".repeat(500)]) {
      expect((await call(getTeam, { cookie, params: { id } })).status).toBe(404);
    }
  });

  it("reflects a removed membership on the very next request", async () => {
    const cookie = await sessionCookie(world.a.lead.id);
    await testDb().membership.deleteMany({ where: { userId: world.a.lead.id } });
    expect((await call(getTeam, { cookie, params: { id: world.teamA1.id } })).status).toBe(404);
    await testDb().membership.create({
      data: { organizationId: world.orgA.id, teamId: world.teamA1.id, userId: world.a.lead.id, role: "LEAD" },
    });
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("documents the v1 resources", async () => {
    const res = await call(openapi as never);
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(["/me", "/teams", "/teams/{id}"]));
    expect(res.body.components.schemas.Team.properties.id).toBeDefined();
  });
});

describe("cross-site writes", () => {
  it("refuses cookie-authenticated writes from another origin or without an Origin header", async () => {
    const cookie = await sessionCookie(world.a.admin.id);
    const post = (headers: Record<string, string>) =>
      call(getMe as never, { method: "POST", cookie, body: "x=1", headers: { "content-type": "text/plain", ...headers } });
    expect((await post({ origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ origin: "null" })).status).toBe(403);
    const noOrigin = await call(getMe as never, { method: "POST", cookie, body: "{}", headers: { origin: "" } });
    expect(noOrigin.status).toBe(403);
    expect(noOrigin.body.error.message).toMatch(/Cross-site/);
  });
});
