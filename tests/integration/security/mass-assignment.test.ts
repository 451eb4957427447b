// Mass assignment (issue 5, item 2): bodies carrying fields the input does not own — tenant, team,
// author, role, id, status — are ignored or rejected, and the stored rows prove nothing was applied.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createMeasure } from "@/app/api/v1/measures/route.ts";
import { PATCH as updateMeasure } from "@/app/api/v1/measures/[id]/route.ts";
import { POST as recordPoints } from "@/app/api/v1/measures/[id]/data-points/route.ts";
import { PATCH as editPoint } from "@/app/api/v1/measures/[id]/data-points/[pointId]/route.ts";
import { POST as createObservation } from "@/app/api/v1/observations/route.ts";
import { PATCH as triageObservation } from "@/app/api/v1/observations/[id]/route.ts";
import { POST as replyToObservation } from "@/app/api/v1/observations/[id]/comments/route.ts";
import { createWorld, sessionCookie, testDb } from "../support/factories.ts";
import { createFixtures, invoke, type RouteFn, type World } from "./harness.ts";

let world: World;
let lead: string;
let member: string;
let hostile: Record<string, unknown>;

beforeAll(async () => {
  world = await createWorld();
  lead = await sessionCookie(world.a.lead.id);
  member = await sessionCookie(world.a.member.id);
  // Values pointing at the other tenant (or at someone else) wherever a field could be abused.
  hostile = {
    organizationId: world.orgB.id,
    role: "ADMIN",
    orgRole: "ADMIN",
    authorId: world.b.admin.id,
    createdById: world.b.admin.id,
    userId: world.b.admin.id,
    id: "attacker-chosen-id",
    createdAt: "2001-01-01T00:00:00.000Z",
    updatedAt: "2001-01-01T00:00:00.000Z",
  };
});

const ok = (status: number) => status >= 200 && status < 300;
const as = (fn: unknown) => fn as RouteFn;

describe("measures", () => {
  it("POST /measures ignores or rejects tenant, id, author and role fields", async () => {
    const res = await invoke(as(createMeasure), {
      method: "POST",
      cookie: lead,
      body: { ...hostile, teamId: world.teamA1.id, name: "Mass assignment probe", type: "COUNT", direction: "DOWN", frequency: "WEEKLY", archivedAt: null },
    });
    expect([201, 400]).toContain(res.status);
    const rows = await testDb().measure.findMany({ where: { name: "Mass assignment probe" }, select: { id: true, organizationId: true, teamId: true } });
    if (res.status === 201) {
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ organizationId: world.orgA.id, teamId: world.teamA1.id });
      expect(rows[0]!.id).not.toBe("attacker-chosen-id");
    } else {
      expect(rows).toHaveLength(0);
    }
    expect(await testDb().measure.count({ where: { organizationId: world.orgB.id } })).toBe(0);
  });

  it("a MEMBER cannot create a measure by claiming a role in the body", async () => {
    const res = await invoke(as(createMeasure), {
      method: "POST",
      cookie: member,
      body: { ...hostile, teamId: world.teamA1.id, name: "Role claim probe", type: "COUNT", direction: "DOWN", frequency: "WEEKLY" },
    });
    expect([400, 403]).toContain(res.status);
    expect(await testDb().measure.count({ where: { name: "Role claim probe" } })).toBe(0);
  });

  it("PATCH /measures/{id} never moves a measure to another team or organization, nor changes its type", async () => {
    const f = await createFixtures(world);
    const before = await testDb().measure.findUniqueOrThrow({ where: { id: f.measureId } });
    for (const extra of [{ teamId: world.teamA2.id }, { teamId: world.teamB1.id }, { organizationId: world.orgB.id }, { type: "RATE" }, { frequency: "DAILY" }, { id: "x" }, hostile]) {
      const res = await invoke(as(updateMeasure), { method: "PATCH", cookie: lead, params: { id: f.measureId }, body: { name: "Renamed by probe", ...extra } });
      expect([200, 400]).toContain(res.status);
      const after = await testDb().measure.findUniqueOrThrow({ where: { id: f.measureId } });
      expect(after).toMatchObject({ organizationId: before.organizationId, teamId: before.teamId, type: before.type, frequency: before.frequency, createdAt: before.createdAt });
    }
  });
});

describe("data points", () => {
  it("POST data-points keeps the route's measure and tenant, and sets the source itself", async () => {
    const f = await createFixtures(world);
    const other = await createFixtures(world);
    const res = await invoke(as(recordPoints), {
      method: "POST",
      cookie: member,
      params: { id: f.measureId },
      body: { ...hostile, measureId: other.measureId, source: "SEED", period: "2026-05-04", value: 11 },
    });
    expect([200, 400]).toContain(res.status);
    const rows = await testDb().dataPoint.findMany({ where: { value: 11, periodStart: { gte: new Date("2026-05-01") } }, select: { id: true, organizationId: true, measureId: true, source: true } });
    if (ok(res.status)) {
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ organizationId: world.orgA.id, measureId: f.measureId, source: "MANUAL" });
      expect(rows[0]!.id).not.toBe("attacker-chosen-id");
    } else {
      expect(rows).toHaveLength(0);
    }
    expect(await testDb().dataPoint.count({ where: { measureId: other.measureId } })).toBe(3);
  });

  it("PATCH a data point cannot move it to another measure or period, or change its source", async () => {
    const f = await createFixtures(world);
    const other = await createFixtures(world);
    const before = await testDb().dataPoint.findUniqueOrThrow({ where: { id: f.pointId } });
    const res = await invoke(as(editPoint), {
      method: "PATCH",
      cookie: lead,
      params: { id: f.measureId, pointId: f.pointId },
      body: { ...hostile, measureId: other.measureId, periodStart: "2030-01-06", period: "2030-01-06", source: "SEED", note: "probe" },
    });
    expect([200, 400]).toContain(res.status);
    const after = await testDb().dataPoint.findUniqueOrThrow({ where: { id: f.pointId } });
    expect(after).toMatchObject({ organizationId: before.organizationId, measureId: before.measureId, periodStart: before.periodStart, source: before.source, createdAt: before.createdAt });
  });
});

describe("observations", () => {
  it("POST /observations stores the caller as author, in the caller's organization, with status NEW", async () => {
    const res = await invoke(as(createObservation), {
      method: "POST",
      cookie: member,
      body: { ...hostile, status: "closed", receiptCodeHash: "x", requestHash: "x", teamId: world.teamA1.id, kind: "idea", text: "Mass assignment observation probe" },
    });
    expect([201, 400]).toContain(res.status);
    const rows = await testDb().observation.findMany({
      where: { text: "Mass assignment observation probe" },
      select: { id: true, organizationId: true, teamId: true, authorId: true, status: true, createdAt: true, receiptCodeHash: true },
    });
    if (res.status === 201) {
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ organizationId: world.orgA.id, teamId: world.teamA1.id, authorId: world.a.member.id, status: "NEW", receiptCodeHash: null });
      expect(rows[0]!.id).not.toBe("attacker-chosen-id");
      expect(rows[0]!.createdAt.getUTCFullYear()).not.toBe(2001);
    } else {
      expect(rows).toHaveLength(0);
    }
  });

  it("POST /observations into another organization's team is not found, and nothing is stored", async () => {
    const res = await invoke(as(createObservation), {
      method: "POST",
      cookie: member,
      body: { teamId: world.teamB1.id, organizationId: world.orgB.id, kind: "idea", text: "Cross-tenant observation probe" },
    });
    expect(res.status).toBe(404);
    expect(await testDb().observation.count({ where: { text: "Cross-tenant observation probe" } })).toBe(0);
  });

  it("PATCH /observations/{id} (triage) applies the status but never tenant, team, author or text", async () => {
    const f = await createFixtures(world);
    const before = await testDb().observation.findUniqueOrThrow({ where: { id: f.observationId } });
    const res = await invoke(as(triageObservation), {
      method: "PATCH",
      cookie: lead,
      params: { id: f.observationId },
      body: { ...hostile, status: "acknowledged", teamId: world.teamA2.id, text: "rewritten", kind: "praise", anonymous: true },
    });
    expect([200, 400]).toContain(res.status);
    const after = await testDb().observation.findUniqueOrThrow({ where: { id: f.observationId } });
    expect(after).toMatchObject({
      id: before.id,
      organizationId: before.organizationId,
      teamId: before.teamId,
      authorId: before.authorId,
      text: before.text,
      kind: before.kind,
      anonymous: before.anonymous,
      createdAt: before.createdAt,
    });
    if (res.status === 200) expect(after.status).toBe("ACKNOWLEDGED");
  });

  it("a MEMBER cannot change an observation's status through extra fields", async () => {
    const f = await createFixtures(world);
    const res = await invoke(as(triageObservation), { method: "PATCH", cookie: member, params: { id: f.observationId }, body: { ...hostile, status: "closed" } });
    expect([400, 403]).toContain(res.status);
    expect((await testDb().observation.findUniqueOrThrow({ where: { id: f.observationId } })).status).toBe("NEW");
  });

  it("POST comments stores the caller as author, on the route's observation, in the caller's organization", async () => {
    const f = await createFixtures(world);
    const other = await createFixtures(world);
    const res = await invoke(as(replyToObservation), {
      method: "POST",
      cookie: member,
      params: { id: f.observationId },
      body: { ...hostile, observationId: other.observationId, teamId: world.teamA2.id, body: "Mass assignment comment probe" },
    });
    expect([201, 400]).toContain(res.status);
    const rows = await testDb().comment.findMany({
      where: { body: "Mass assignment comment probe" },
      select: { id: true, organizationId: true, teamId: true, authorId: true, observationId: true },
    });
    if (res.status === 201) {
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ organizationId: world.orgA.id, teamId: world.teamA1.id, authorId: world.a.member.id, observationId: f.observationId });
      expect(rows[0]!.id).not.toBe("attacker-chosen-id");
    } else {
      expect(rows).toHaveLength(0);
    }
  });
});
