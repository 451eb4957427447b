import { beforeAll, describe, expect, it } from "vitest";
import { GET as listMeasures, POST as createMeasure } from "@/app/api/v1/measures/route.ts";
import { GET as getMeasure, PATCH as patchMeasure } from "@/app/api/v1/measures/[id]/route.ts";
import { GET as listPoints, POST as postPoints } from "@/app/api/v1/measures/[id]/data-points/route.ts";
import { DELETE as deletePoint, PATCH as patchPoint } from "@/app/api/v1/measures/[id]/data-points/[pointId]/route.ts";
import { POST as importCsv } from "@/app/api/v1/measures/[id]/data-points/import/route.ts";
import { GET as exportCsv } from "@/app/api/v1/measures/[id]/data-points.csv/route.ts";
import { GET as getChart } from "@/app/api/v1/measures/[id]/chart/route.ts";
import { call } from "./support/api.ts";
import { createApiTokenRow, createWorld, sessionCookie, testDb } from "./support/factories.ts";
import { createMeasureRow } from "./support/measure-factories.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let lead: string;
let member: string;
beforeAll(async () => {
  world = await createWorld();
  lead = await sessionCookie(world.a.lead.id);
  member = await sessionCookie(world.a.member.id);
});

const newMeasure = (overrides: Record<string, unknown> = {}) => ({
  teamId: world.teamA1.id,
  name: "Falls per week",
  type: "COUNT",
  direction: "DOWN",
  frequency: "WEEKLY",
  ...overrides,
});

describe("measures: create, read, list, edit", () => {
  it("lets a lead create a measure (201) that members can then read and list", async () => {
    const res = await call(createMeasure, { method: "POST", cookie: lead, body: newMeasure({ unit: "falls", target: 2 }) });
    expect(res.status).toBe(201);
    expect(res.body.measure).toMatchObject({ name: "Falls per week", type: "COUNT", target: 2, owner: { id: world.a.lead.id } });
    const id = res.body.measure.id;
    expect((await call(getMeasure, { cookie: member, params: { id } })).body.measure.id).toBe(id);
    const list = await call(listMeasures, { cookie: member, path: `/api/v1/measures?teamId=${world.teamA1.id}` });
    expect(list.status).toBe(200);
    expect(list.body.measures.map((m: { id: string }) => m.id)).toContain(id);
  });

  it("refuses a MEMBER creating or editing a measure with 403, but lets them add points", async () => {
    expect((await call(createMeasure, { method: "POST", cookie: member, body: newMeasure() })).status).toBe(403);
    const m = await createMeasureRow(world.orgA.id, world.teamA1.id);
    expect((await call(patchMeasure, { method: "PATCH", cookie: member, params: { id: m.id }, body: { name: "Renamed" } })).status).toBe(403);
    const res = await call(postPoints, { method: "POST", cookie: member, params: { id: m.id }, body: { period: "2026-03-04", value: 3 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 1, updated: 0 });
    // Wednesday 4 March 2026 belongs to the ISO week starting Monday 2 March.
    expect(res.body.dataPoints[0].periodStart).toBe("2026-03-02T00:00:00.000Z");
  });

  it("edits, archives and restores a measure; archived measures take no new data", async () => {
    const m = await createMeasureRow(world.orgA.id, world.teamA1.id);
    const edited = await call(patchMeasure, { method: "PATCH", cookie: lead, params: { id: m.id }, body: { name: "Renamed measure", target: null } });
    expect(edited.body.measure).toMatchObject({ name: "Renamed measure", target: null });
    const archived = await call(patchMeasure, { method: "PATCH", cookie: lead, params: { id: m.id }, body: { archived: true } });
    expect(archived.body.measure.archivedAt).toEqual(expect.any(String));
    const list = await call(listMeasures, { cookie: lead, path: `/api/v1/measures?teamId=${world.teamA1.id}&limit=100` });
    expect(list.body.measures.map((x: { id: string }) => x.id)).not.toContain(m.id);
    expect((await call(postPoints, { method: "POST", cookie: lead, params: { id: m.id }, body: { period: "2026-01-05", value: 1 } })).status).toBe(422);
    const restored = await call(patchMeasure, { method: "PATCH", cookie: lead, params: { id: m.id }, body: { archived: false } });
    expect(restored.body.measure.archivedAt).toBeNull();
  });

  it("paginates the list with a cursor", async () => {
    for (let i = 0; i < 3; i++) await createMeasureRow(world.orgA.id, world.teamA2.id);
    const cookie = await sessionCookie(world.a.manager.id);
    const first = await call(listMeasures, { cookie, path: `/api/v1/measures?teamId=${world.teamA2.id}&limit=2` });
    expect(first.body.measures).toHaveLength(2);
    const second = await call(listMeasures, { cookie, path: `/api/v1/measures?teamId=${world.teamA2.id}&limit=2&cursor=${first.body.nextCursor}` });
    expect(second.body.measures).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
  });
});

describe("data points: idempotent by period", () => {
  it("a resent batch creates no duplicates and reports the points as updated", async () => {
    const m = await createMeasureRow(world.orgA.id, world.teamA1.id, { type: "PROPORTION", frequency: "DAILY" });
    const { token } = await createApiTokenRow(world.orgA.id, world.teamA1.id);
    const batch = {
      points: [
        { period: "2026-02-01", numerator: 40, denominator: 50 },
        { period: "2026-02-02T15:30:00Z", numerator: 45, denominator: 50, note: "night shift audited" },
      ],
    };
    const first = await call(postPoints, { method: "POST", bearer: token, params: { id: m.id }, body: batch });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 2, updated: 0 });
    expect(first.body.dataPoints.map((p: { status: string }) => p.status)).toEqual(["created", "created"]);
    expect(first.body.dataPoints[1]).toMatchObject({ periodStart: "2026-02-02T00:00:00.000Z", source: "API", note: "night shift audited" });

    const again = await call(postPoints, { method: "POST", bearer: token, params: { id: m.id }, body: { points: [{ ...batch.points[0], numerator: 41 }, { ...batch.points[1], note: undefined }] } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: 0, updated: 2 });
    expect(again.body.dataPoints[0].numerator).toBe(41);
    expect(again.body.dataPoints[1].note).toBe("night shift audited");
    expect(await testDb().dataPoint.count({ where: { measureId: m.id } })).toBe(2);
    const audit = await testDb().auditEvent.findFirst({ where: { action: "data-point.overwritten", targetId: m.id }, select: { metadata: true } });
    expect(audit?.metadata).toMatchObject({ count: 2, source: "API" });
  });

  it("survives two feeds sending the same batch at the same time: no duplicates, no errors", async () => {
    const m = await createMeasureRow(world.orgA.id, world.teamA1.id, { type: "COUNT", frequency: "DAILY" });
    const { token } = await createApiTokenRow(world.orgA.id, world.teamA1.id);
    const points = Array.from({ length: 50 }, (_, i) => ({ period: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(), value: i % 7 }));
    const results = await Promise.all([1, 2, 3].map(() => call(postPoints, { method: "POST", bearer: token, params: { id: m.id }, body: { points } })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.reduce((sum, r) => sum + r.body.created, 0)).toBe(50);
    expect(await testDb().dataPoint.count({ where: { measureId: m.id } })).toBe(50);
  });

  it("rejects a batch with any invalid point and saves none of it, naming each bad point (422)", async () => {
    const m = await createMeasureRow(world.orgA.id, world.teamA1.id, { type: "PROPORTION", frequency: "WEEKLY" });
    const res = await call(postPoints, {
      method: "POST",
      cookie: lead,
      params: { id: m.id },
      body: { points: [{ period: "2026-01-05", numerator: 5, denominator: 10 }, { period: "2026-01-12", numerator: 11, denominator: 10 }, { period: "2026-01-07", numerator: 1, denominator: 2 }] },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details.rows).toEqual([
      { row: 2, reason: "The numerator cannot be larger than the denominator." },
      { row: 3, reason: "Same period as row 1 (2026-01-05)." },
    ]);
    expect(await testDb().dataPoint.count({ where: { measureId: m.id } })).toBe(0);
  });

  it("answers malformed input with 400 or 422, never 500", async () => {
    const m = await createMeasureRow(world.orgA.id, world.teamA1.id);
    const bodies: unknown[] = ["not json", {}, { points: [] }, { period: "yesterday", value: 1 }, { period: "2026-01-01", value: "1" }, { period: "2026-01-01" }, { period: "2026-01-01", value: -1 }, { period: "2999-01-01", value: 1 }, { period: "2026-01-01", value: 1.5 }];
    for (const body of bodies) {
      const res = await call(postPoints, { method: "POST", cookie: lead, params: { id: m.id }, body });
      expect([400, 422], JSON.stringify(body)).toContain(res.status);
    }
    expect((await call(createMeasure, { method: "POST", cookie: lead, body: { ...newMeasure(), type: "BOGUS" } })).status).toBe(400);
    expect((await call(patchMeasure, { method: "PATCH", cookie: lead, params: { id: m.id }, body: { type: "RATE" } })).status).toBe(400);
    expect((await call(getChart, { cookie: lead, params: { id: m.id }, path: "/x?kind=p" })).status).toBe(422);
    expect((await call(getChart, { cookie: lead, params: { id: m.id }, path: "/x?kind=zzz" })).status).toBe(400);
    expect((await call(getChart, { cookie: lead, params: { id: m.id }, path: "/x?from=soon" })).status).toBe(400);
    expect((await call(listMeasures, { cookie: lead, path: "/x?limit=0" })).status).toBe(400);
    expect((await call(listMeasures, { cookie: lead, path: "/x?cursor=no-such-id" })).status).toBe(200);
    expect((await call(listPoints, { cookie: lead, params: { id: m.id }, path: "/x?from=someday" })).status).toBe(400);
    expect((await call(patchMeasure, { method: "PATCH", cookie: lead, params: { id: m.id }, body: { processId: "no-such-process" } })).status).toBe(422);
    expect((await call(patchMeasure, { method: "PATCH", cookie: lead, params: { id: m.id }, body: { ownerId: "no-such-user" } })).status).toBe(422);
    expect((await call(postPoints, { method: "POST", cookie: lead, params: { id: m.id }, body: { period: "2026-02-30", value: 1 } })).status).toBe(400);
    expect((await call(postPoints, { method: "POST", cookie: lead, params: { id: m.id }, body: { points: Array(1001).fill({ period: "2026-01-01", value: 1 }) } })).status).toBe(400);
  });
});

describe("editing and annotating points", () => {
  it("lets a lead correct and annotate a point, keeping before and after in the audit trail; members get 403", async () => {
    const m = await createMeasureRow(world.orgA.id, world.teamA1.id);
    const posted = await call(postPoints, { method: "POST", cookie: lead, params: { id: m.id }, body: { period: "2026-02-09", value: 4 } });
    const pointId = posted.body.dataPoints[0].id;
    expect((await call(patchPoint, { method: "PATCH", cookie: member, params: { id: m.id, pointId }, body: { value: 5 } })).status).toBe(403);
    const res = await call(patchPoint, { method: "PATCH", cookie: lead, params: { id: m.id, pointId }, body: { value: 5, note: "recount" } });
    expect(res.status).toBe(200);
    expect(res.body.dataPoint).toMatchObject({ value: 5, note: "recount" });
    const audit = await testDb().auditEvent.findFirst({ where: { action: "data-point.edited", targetId: pointId }, select: { actorId: true, metadata: true } });
    expect(audit).toMatchObject({ actorId: world.a.lead.id, metadata: { before: { value: 4, note: "" }, after: { value: 5, note: "recount" } } });
    expect((await call(patchPoint, { method: "PATCH", cookie: lead, params: { id: m.id, pointId }, body: { value: -2 } })).status).toBe(422);
    expect((await call(deletePoint, { method: "DELETE", cookie: lead, params: { id: m.id, pointId } })).status).toBe(204);
    expect((await call(listPoints, { cookie: lead, params: { id: m.id } })).body.dataPoints).toEqual([]);
  });
});

describe("CSV import and export", () => {
  it("imports nothing when any row is bad, and names each bad row by its line number", async () => {
    const m = await createMeasureRow(world.orgA.id, world.teamA1.id, { type: "PROPORTION", frequency: "WEEKLY" });
    const csv = ["period,numerator,denominator,note", "2026-01-05,40,50,", "2026-01-12,abc,50,", "2026-01-19,60,50,", "2026-01-26,45,50,ok", ",1,2,"].join("\n");
    const res = await call(importCsv, { method: "POST", cookie: member, params: { id: m.id }, body: { csv } });
    expect(res.status).toBe(422);
    expect(res.body.error.details.rows).toEqual([
      { row: 3, reason: "Not a number in numerator." },
      { row: 4, reason: "The numerator cannot be larger than the denominator." },
      { row: 6, reason: "The period is empty." },
    ]);
    expect(await testDb().dataPoint.count({ where: { measureId: m.id } })).toBe(0);
  });

  it("previews without writing, then imports, then exports the same points", async () => {
    const m = await createMeasureRow(world.orgA.id, world.teamA1.id, { type: "COUNT", frequency: "MONTHLY" });
    await call(postPoints, { method: "POST", cookie: lead, params: { id: m.id }, body: { period: "2026-01-01", value: 9 } });
    const csv = "date,value,note\n2026-01-15,3,\n2026-02-01,4,=HYPERLINK(\"x\")\n";
    const preview = await call(importCsv, { method: "POST", cookie: lead, params: { id: m.id }, body: { csv, preview: true } });
    expect(preview.status).toBe(200);
    expect(preview.body.rows.map((r: { row: number; action: string; periodStart: string }) => [r.row, r.action, r.periodStart])).toEqual([
      [2, "update", "2026-01-01T00:00:00.000Z"],
      [3, "create", "2026-02-01T00:00:00.000Z"],
    ]);
    expect(await testDb().dataPoint.count({ where: { measureId: m.id } })).toBe(1);
    const done = await call(importCsv, { method: "POST", cookie: lead, params: { id: m.id }, body: { csv } });
    expect(done.body).toMatchObject({ ok: true, created: 1, updated: 1 });

    const request = new Request("http://localhost/x", { headers: { cookie: lead } });
    const response = await exportCsv(request, { params: Promise.resolve({ id: m.id }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe("period,value,numerator,denominator,note,source,updated_at");
    expect(lines[1]).toMatch(/^2026-01-01T00:00:00.000Z,3,,,,CSV,/);
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(await testDb().auditEvent.count({ where: { action: "data-point.exported", targetId: m.id } })).toBe(1);
  });
});
