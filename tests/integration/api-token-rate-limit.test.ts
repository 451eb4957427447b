// Issue 5, item 7: a general rate limit on API-token traffic (every /api/v1 route), kept in
// PostgreSQL, answering 429 with Retry-After; people's sessions and other tokens are unaffected.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as getMe } from "@/app/api/v1/me/route.ts";
import { GET as listTeams } from "@/app/api/v1/teams/route.ts";
import { call } from "./support/api.ts";
import { createApiTokenRow, createWorld, sessionCookie, testDb } from "./support/factories.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

afterEach(() => {
  delete process.env.API_TOKEN_LIMIT_PER_MINUTE;
});

describe("API token rate limit", () => {
  it("allows the budget across routes, then answers 429 with Retry-After", async () => {
    process.env.API_TOKEN_LIMIT_PER_MINUTE = "5";
    const { token, id } = await createApiTokenRow(world.orgA.id, world.teamA1.id);
    // The budget is per token, not per route: alternate two routes.
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(i % 2 ? listTeams : getMe, { bearer: token })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);

    const refused = await call(getMe, { bearer: token });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("RATE_LIMITED");
    expect(refused.body.error.message).toMatch(/5 requests in a minute/);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);

    // The counter lives in PostgreSQL (shared by every instance), keyed by token id only.
    const row = await testDb().rateLimit.findUnique({ where: { key: `api:token:${id}` } });
    expect(row?.count).toBe(6);
  });

  it("does not spill over to another token or to signed-in people", async () => {
    process.env.API_TOKEN_LIMIT_PER_MINUTE = "2";
    const first = await createApiTokenRow(world.orgA.id, world.teamA1.id);
    const second = await createApiTokenRow(world.orgA.id, world.teamA1.id);
    for (let i = 0; i < 2; i++) expect((await call(getMe, { bearer: first.token })).status).toBe(200);
    expect((await call(getMe, { bearer: first.token })).status).toBe(429);

    expect((await call(getMe, { bearer: second.token })).status).toBe(200);
    const cookie = await sessionCookie(world.a.lead.id);
    for (let i = 0; i < 4; i++) expect((await call(getMe, { cookie })).status).toBe(200);
  });

  it("lets the budget recover once the window has passed", async () => {
    process.env.API_TOKEN_LIMIT_PER_MINUTE = "1";
    const { token, id } = await createApiTokenRow(world.orgA.id, world.teamA1.id);
    expect((await call(getMe, { bearer: token })).status).toBe(200);
    expect((await call(getMe, { bearer: token })).status).toBe(429);
    // Age the window instead of sleeping a minute.
    await testDb().rateLimit.update({ where: { key: `api:token:${id}` }, data: { windowStart: new Date(Date.now() - 61_000) } });
    expect((await call(getMe, { bearer: token })).status).toBe(200);
  });
});
