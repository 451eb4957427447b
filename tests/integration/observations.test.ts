import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/observations/route.ts";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/observations/[id]/route.ts";
import { call } from "./support/api.ts";
import { createApiTokenRow, createUser, createWorld, sessionCookie, testDb } from "./support/factories.ts";
import { createProcessWithSteps, newKey } from "./support/observation-factories.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let flow: Awaited<ReturnType<typeof createProcessWithSteps>>;
let otherOrgFlow: Awaited<ReturnType<typeof createProcessWithSteps>>;
let memberCookie: string;
let leadCookie: string;

beforeAll(async () => {
  world = await createWorld();
  flow = await createProcessWithSteps(world.orgA.id, world.teamA1.id);
  otherOrgFlow = await createProcessWithSteps(world.orgB.id, world.teamB1.id);
  memberCookie = await sessionCookie(world.a.member.id);
  leadCookie = await sessionCookie(world.a.lead.id);
});

const post = (cookie: string, body: Record<string, unknown>, key?: string) =>
  call(createRoute, { method: "POST", cookie, body, ...(key ? { headers: { "idempotency-key": key } } : {}) });

describe("POST /api/v1/observations", () => {
  it("records a deviation against the current version and step, as { observation } with 201", async () => {
    const step = flow.steps[1]!;
    const res = await post(memberCookie, { teamId: world.teamA1.id, kind: "deviation", text: "Skipped the check", stepId: step.id, deviationReason: "Patient on anticoagulants", severity: "medium", anonymous: false }, newKey());
    expect(res.status).toBe(201);
    expect(res.body.observation).toMatchObject({
      kind: "deviation",
      status: "new",
      severity: "medium",
      processId: flow.process.id,
      stepId: step.id,
      guidelineVersionId: flow.version.id,
      author: { id: world.a.member.id },
      anonymous: false,
    });
    expect(res.body.receiptCode).toBeUndefined();
  });

  it("answers the create with exactly what a later GET returns (named, anonymous, with and without a step)", async () => {
    const bodies = [
      { kind: "deviation", text: "same shape 1", stepId: flow.steps[0]!.id, deviationReason: "why", severity: "low", anonymous: false },
      { kind: "idea", text: "same shape 2", processId: flow.process.id, anonymous: true },
      { kind: "praise", text: "same shape 3", anonymous: false },
    ];
    for (const body of bodies) {
      const created = await post(memberCookie, { teamId: world.teamA1.id, ...body });
      expect(created.status).toBe(201);
      const fetched = await call(getRoute, { cookie: memberCookie, params: { id: created.body.observation.id } });
      expect(created.body.observation).toEqual(fetched.body.observation);
    }
  });

  it("refuses a deviation without a reason with 400", async () => {
    const res = await post(memberCookie, { teamId: world.teamA1.id, kind: "deviation", text: "Skipped it", anonymous: false });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/deviationReason/);
  });

  it("rejects an unknown kind and a malformed Idempotency-Key with 400", async () => {
    expect((await post(memberCookie, { teamId: world.teamA1.id, kind: "rant", text: "x", anonymous: false })).status).toBe(400);
    expect((await post(memberCookie, { teamId: world.teamA1.id, kind: "idea", text: "x", anonymous: false }, "bad key with spaces")).status).toBe(400);
  });

  it("answers 404 for another organization's team, process and step ids", async () => {
    expect((await post(memberCookie, { teamId: world.teamB1.id, kind: "idea", text: "x", anonymous: false })).status).toBe(404);
    const viaProcess = await post(memberCookie, { teamId: world.teamA1.id, kind: "idea", text: "x", processId: otherOrgFlow.process.id, anonymous: false });
    expect(viaProcess.status).toBe(404);
    const viaStep = await post(memberCookie, { teamId: world.teamA1.id, kind: "deviation", text: "x", deviationReason: "y", stepId: otherOrgFlow.steps[0]!.id, anonymous: false });
    expect(viaStep.status).toBe(404);
    expect(await testDb().observation.count({ where: { organizationId: world.orgA.id, text: "x" } })).toBe(0);
  });

  it("answers 400 when the step belongs to another process", async () => {
    const other = await createProcessWithSteps(world.orgA.id, world.teamA1.id);
    const res = await post(memberCookie, { teamId: world.teamA1.id, kind: "problem", text: "mismatch", processId: other.process.id, stepId: flow.steps[0]!.id, anonymous: false });
    expect(res.status).toBe(400);
  });
});

describe("anonymous observations", () => {
  it("store no author and hour-truncated times, and no response exposes the author", async () => {
    const key = newKey();
    const body = { teamId: world.teamA1.id, kind: "near_miss", text: "Wrong patient almost", anonymous: true, occurredAt: "2026-11-20T14:37:12.345Z" };
    const created = await post(memberCookie, body, key);
    expect(created.status).toBe(201);
    expect(created.body.receiptCode).toMatch(/^LL-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const id = created.body.observation.id as string;

    const row = await testDb().observation.findUniqueOrThrow({ where: { id } });
    expect(row.authorId).toBeNull();
    expect(row.anonymous).toBe(true);
    expect(row.occurredAt.toISOString()).toBe("2026-11-20T14:00:00.000Z");
    expect(row.createdAt.getUTCMinutes() + row.createdAt.getUTCSeconds() + row.createdAt.getUTCMilliseconds()).toBe(0);
    expect(row.receiptCodeHash).not.toContain(created.body.receiptCode);
    expect(JSON.stringify(row)).not.toContain(world.a.member.id);

    const replay = await post(memberCookie, body, key);
    const one = await call(getRoute, { cookie: leadCookie, params: { id } });
    const list = await call(listRoute, { cookie: leadCookie, path: `/api/v1/observations?teamId=${world.teamA1.id}&limit=100` });
    const listed = list.body.observations.find((o: { id: string }) => o.id === id);
    expect(listed).toBeDefined();
    for (const body of [created.body, replay.body, one.body, listed]) {
      const text = JSON.stringify(body);
      expect(text).not.toContain(world.a.member.id);
      expect(text).not.toContain(world.a.member.name);
      expect(text).not.toContain(world.a.member.email);
    }
    expect(one.body.observation.author).toBeNull();
    // The audit trail holds nothing about it.
    expect(await testDb().auditEvent.count({ where: { targetId: id } })).toBe(0);
  });
});

describe("idempotency", () => {
  it("twenty concurrent retries with one key create exactly one row: one 201, the rest 200", async () => {
    const user = await createUser(world.orgA.id, { teams: [{ teamId: world.teamA1.id, role: "MEMBER" }] });
    const cookie = await sessionCookie(user.id);
    const key = newKey();
    const body = { teamId: world.teamA1.id, kind: "problem", text: "Pump alarm silent", anonymous: false };
    const results = await Promise.all(Array.from({ length: 20 }, () => post(cookie, body, key)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    expect(new Set(results.map((r) => r.body.observation.id)).size).toBe(1);
    expect(await testDb().observation.count({ where: { organizationId: world.orgA.id, clientSubmissionId: key } })).toBe(1);
  });

  it("accepts the key in the body as clientSubmissionId too", async () => {
    const key = newKey();
    const body = { teamId: world.teamA1.id, kind: "idea", text: "Label the trolley", anonymous: false, clientSubmissionId: key };
    expect((await post(memberCookie, body)).status).toBe(201);
    expect((await post(memberCookie, body)).status).toBe(200);
  });

  it("answers 422 when a key is reused with a different body, or by another person", async () => {
    const key = newKey();
    expect((await post(memberCookie, { teamId: world.teamA1.id, kind: "idea", text: "A", anonymous: false }, key)).status).toBe(201);
    const changed = await post(memberCookie, { teamId: world.teamA1.id, kind: "idea", text: "B", anonymous: false }, key);
    expect(changed.status).toBe(422);
    expect(changed.body.error.code).toBe("UNPROCESSABLE");
    expect((await post(leadCookie, { teamId: world.teamA1.id, kind: "idea", text: "A", anonymous: false }, key)).status).toBe(422);
  });

  it("replays an anonymous submission with the same receipt code", async () => {
    const key = newKey();
    const body = { teamId: world.teamA1.id, kind: "workaround", text: "Taped the line", anonymous: true };
    const first = await post(memberCookie, body, key);
    const second = await post(memberCookie, body, key);
    expect(second.status).toBe(200);
    expect(second.body.receiptCode).toBe(first.body.receiptCode);
  });
});

describe("rate limits", () => {
  it("answers 429 with Retry-After over the per-person limit", async () => {
    const user = await createUser(world.orgA.id, { teams: [{ teamId: world.teamA1.id, role: "MEMBER" }] });
    const cookie = await sessionCookie(user.id);
    process.env.OBSERVATION_USER_LIMIT_PER_MINUTE = "3";
    try {
      for (let i = 0; i < 3; i++) expect((await post(cookie, { teamId: world.teamA1.id, kind: "idea", text: `n${i}`, anonymous: false })).status).toBe(201);
      const limited = await post(cookie, { teamId: world.teamA1.id, kind: "idea", text: "n4", anonymous: false });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      delete process.env.OBSERVATION_USER_LIMIT_PER_MINUTE;
    }
  });

  it("limits anonymous submissions per team, with keys that name no person", async () => {
    const team = await testDb().team.create({ data: { organizationId: world.orgA.id, name: "Tiny", slug: `tiny-${newKey().slice(0, 8)}` }, select: { id: true } });
    const user = await createUser(world.orgA.id, { teams: [{ teamId: team.id, role: "MEMBER" }] });
    const cookie = await sessionCookie(user.id);
    process.env.OBSERVATION_ANON_LIMIT_PER_HOUR = "2";
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await post(cookie, { teamId: team.id, kind: "problem", text: `a${i}`, anonymous: true })).status);
      expect(statuses).toEqual([201, 201, 429]);
      const keys = (await testDb().rateLimit.findMany({ select: { key: true } })).map((r) => r.key);
      expect(keys.some((k) => k.includes(user.id))).toBe(false);
    } finally {
      delete process.env.OBSERVATION_ANON_LIMIT_PER_HOUR;
    }
  });
});

describe("GET /api/v1/observations", () => {
  it("filters by kind, status and text, and paginates with a cursor", async () => {
    const team = await testDb().team.create({ data: { organizationId: world.orgA.id, name: "List", slug: `list-${newKey().slice(0, 8)}` }, select: { id: true } });
    const user = await createUser(world.orgA.id, { teams: [{ teamId: team.id, role: "LEAD" }] });
    const cookie = await sessionCookie(user.id);
    for (const [kind, text] of [["idea", "alpha"], ["problem", "beta"], ["idea", "gamma"], ["praise", "delta alpha"]] as const) {
      expect((await post(cookie, { teamId: team.id, kind, text, anonymous: false })).status).toBe(201);
    }
    const base = `/api/v1/observations?teamId=${team.id}`;
    const ideas = await call(listRoute, { cookie, path: `${base}&kind=idea` });
    expect(ideas.body.observations.map((o: { text: string }) => o.text).sort()).toEqual(["alpha", "gamma"]);
    const search = await call(listRoute, { cookie, path: `${base}&q=ALPHA` });
    expect(search.body.observations).toHaveLength(2);
    const first = await call(listRoute, { cookie, path: `${base}&limit=3` });
    expect(first.body.observations).toHaveLength(3);
    const second = await call(listRoute, { cookie, path: `${base}&limit=3&cursor=${first.body.nextCursor}` });
    expect(second.body.observations).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expect((await call(listRoute, { cookie, path: `${base}&status=bogus` })).status).toBe(400);
  });

  it("answers 404 for another organization's observation and team filter", async () => {
    const created = await post(memberCookie, { teamId: world.teamA1.id, kind: "idea", text: "private", anonymous: false });
    const outsider = await sessionCookie(world.b.admin.id);
    expect((await call(getRoute, { cookie: outsider, params: { id: created.body.observation.id } })).status).toBe(404);
    expect((await call(listRoute, { cookie: outsider, path: `/api/v1/observations?teamId=${world.teamA1.id}` })).status).toBe(404);
    const { token } = await createApiTokenRow(world.orgB.id, world.teamB1.id);
    expect((await call(getRoute, { bearer: token, params: { id: created.body.observation.id } })).status).toBe(404);
    const all = await call(listRoute, { cookie: outsider, path: "/api/v1/observations?limit=100" });
    expect(all.body.observations.some((o: { id: string }) => o.id === created.body.observation.id)).toBe(false);
  });
});

describe("triage", () => {
  it("moves status, stamps the first response and closedAt; members cannot triage", async () => {
    const created = await post(memberCookie, { teamId: world.teamA1.id, kind: "problem", text: "triage me", anonymous: false });
    const id = created.body.observation.id;
    expect((await call(patchRoute, { method: "PATCH", cookie: memberCookie, params: { id }, body: { status: "acknowledged" } })).status).toBe(403);
    const ack = await call(patchRoute, { method: "PATCH", cookie: leadCookie, params: { id }, body: { status: "acknowledged", stepId: flow.steps[0]!.id } });
    expect(ack.status).toBe(200);
    expect(ack.body.observation).toMatchObject({ status: "acknowledged", stepId: flow.steps[0]!.id, processId: flow.process.id });
    const firstResponseAt = ack.body.observation.firstResponseAt;
    expect(firstResponseAt).toEqual(expect.any(String));
    const closed = await call(patchRoute, { method: "PATCH", cookie: leadCookie, params: { id }, body: { status: "closed" } });
    expect(closed.body.observation.firstResponseAt).toBe(firstResponseAt);
    expect(closed.body.observation.closedAt).toEqual(expect.any(String));
    const foreign = await call(patchRoute, { method: "PATCH", cookie: leadCookie, params: { id }, body: { stepId: otherOrgFlow.steps[0]!.id } });
    expect(foreign.status).toBe(404);
  });

  it("links an observation to an experiment of its team only", async () => {
    const created = await post(memberCookie, { teamId: world.teamA1.id, kind: "idea", text: "try sand timers", anonymous: false });
    const id = created.body.observation.id;
    const experiment = await testDb().experiment.create({ data: { organizationId: world.orgA.id, teamId: world.teamA1.id, title: "Sand timers" }, select: { id: true } });
    const foreign = await testDb().experiment.create({ data: { organizationId: world.orgB.id, teamId: world.teamB1.id, title: "Elsewhere" }, select: { id: true } });
    const linked = await call(patchRoute, { method: "PATCH", cookie: leadCookie, params: { id }, body: { experimentId: experiment.id } });
    expect(linked.body.observation.experimentId).toBe(experiment.id);
    expect((await call(patchRoute, { method: "PATCH", cookie: leadCookie, params: { id }, body: { experimentId: foreign.id } })).status).toBe(404);
    const unlinked = await call(patchRoute, { method: "PATCH", cookie: leadCookie, params: { id }, body: { experimentId: null } });
    expect(unlinked.body.observation.experimentId).toBeNull();
  });

  it("groups an observation under another one of the same team", async () => {
    const a = await post(memberCookie, { teamId: world.teamA1.id, kind: "problem", text: "g1", anonymous: false });
    const b = await post(memberCookie, { teamId: world.teamA1.id, kind: "problem", text: "g2", anonymous: false });
    const grouped = await call(patchRoute, { method: "PATCH", cookie: leadCookie, params: { id: b.body.observation.id }, body: { groupId: a.body.observation.id } });
    expect(grouped.body.observation.groupId).toBe(a.body.observation.id);
    const self = await call(patchRoute, { method: "PATCH", cookie: leadCookie, params: { id: a.body.observation.id }, body: { groupId: a.body.observation.id } });
    expect(self.status).toBe(400);
  });
});
