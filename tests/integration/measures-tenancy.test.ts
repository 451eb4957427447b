// Another organization's (or another team's) measure answers 404 on every endpoint: ids reveal nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listMeasures } from "@/app/api/v1/measures/route.ts";
import { GET as getMeasure, PATCH as patchMeasure } from "@/app/api/v1/measures/[id]/route.ts";
import { GET as listPoints, POST as postPoints } from "@/app/api/v1/measures/[id]/data-points/route.ts";
import { DELETE as deletePoint, PATCH as patchPoint } from "@/app/api/v1/measures/[id]/data-points/[pointId]/route.ts";
import { POST as importCsv } from "@/app/api/v1/measures/[id]/data-points/import/route.ts";
import { GET as exportCsv } from "@/app/api/v1/measures/[id]/data-points.csv/route.ts";
import { GET as getChart } from "@/app/api/v1/measures/[id]/chart/route.ts";
import { POST as createMeasure } from "@/app/api/v1/measures/route.ts";
import { call } from "./support/api.ts";
import { createApiTokenRow, createWorld, sessionCookie, testDb } from "./support/factories.ts";
import { createMeasureRow, createPointRows } from "./support/measure-factories.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let measureB: string;
let pointB: string;
let measureA2: string;
let pointA2: string;

beforeAll(async () => {
  world = await createWorld();
  measureB = (await createMeasureRow(world.orgB.id, world.teamB1.id)).id;
  await createPointRows(world.orgB.id, measureB, new Date("2026-01-05T00:00:00Z"), 7, [{ value: 1 }]);
  pointB = (await testDb().dataPoint.findFirstOrThrow({ where: { measureId: measureB }, select: { id: true } })).id;
  measureA2 = (await createMeasureRow(world.orgA.id, world.teamA2.id)).id;
  await createPointRows(world.orgA.id, measureA2, new Date("2026-01-05T00:00:00Z"), 7, [{ value: 2 }]);
  pointA2 = (await testDb().dataPoint.findFirstOrThrow({ where: { measureId: measureA2 }, select: { id: true } })).id;
});

async function everyEndpoint(auth: { cookie?: string; bearer?: string }, id: string, pointId: string) {
  const params = { id };
  return [
    await call(getMeasure, { ...auth, params }),
    await call(patchMeasure, { ...auth, method: "PATCH", params, body: { name: "Stolen" } }),
    await call(listPoints, { ...auth, params }),
    await call(postPoints, { ...auth, method: "POST", params, body: { period: "2026-01-05", value: 9 } }),
    await call(patchPoint, { ...auth, method: "PATCH", params: { id, pointId }, body: { note: "x" } }),
    await call(deletePoint, { ...auth, method: "DELETE", params: { id, pointId } }),
    await call(importCsv, { ...auth, method: "POST", params, body: { csv: "period,value\n2026-01-05,9\n" } }),
    await call(getChart, { ...auth, params }),
    await (async () => {
      const headers: Record<string, string> = auth.cookie ? { cookie: auth.cookie } : { authorization: `Bearer ${auth.bearer}` };
      const res = await exportCsv(new Request("http://localhost/x", { headers }), { params: Promise.resolve(params) });
      return { status: res.status };
    })(),
  ];
}

describe("measure tenancy", () => {
  it("answers 404 to an org admin of another organization on every endpoint, and changes nothing", async () => {
    const results = await everyEndpoint({ cookie: await sessionCookie(world.a.admin.id) }, measureB, pointB);
    expect(results.map((r) => r.status)).toEqual(Array(results.length).fill(404));
    const point = await testDb().dataPoint.findFirstOrThrow({ where: { id: pointB }, select: { value: true, note: true } });
    expect(point).toEqual({ value: 1, note: "" });
    expect((await testDb().measure.findFirstOrThrow({ where: { id: measureB }, select: { name: true } })).name).not.toBe("Stolen");
  });

  it("answers 404 for a measure of a team in the same organization the caller is not in", async () => {
    const results = await everyEndpoint({ cookie: await sessionCookie(world.a.lead.id) }, measureA2, pointA2);
    expect(results.map((r) => r.status)).toEqual(Array(results.length).fill(404));
  });

  it("answers 404 to a team API token for another team's measure", async () => {
    const { token } = await createApiTokenRow(world.orgA.id, world.teamA1.id);
    const results = await everyEndpoint({ bearer: token }, measureA2, pointA2);
    expect(results.map((r) => r.status)).toEqual(Array(results.length).fill(404));
  });

  it("answers 404 for a point id of another measure under a visible measure", async () => {
    const own = await createMeasureRow(world.orgA.id, world.teamA1.id);
    const res = await call(patchPoint, { method: "PATCH", cookie: await sessionCookie(world.a.lead.id), params: { id: own.id, pointId: pointB }, body: { note: "x" } });
    expect(res.status).toBe(404);
  });

  it("does not list or create measures in another organization's team", async () => {
    const cookie = await sessionCookie(world.a.admin.id);
    expect((await call(listMeasures, { cookie, path: `/x?teamId=${world.teamB1.id}` })).status).toBe(404);
    const all = await call(listMeasures, { cookie, path: "/x?limit=100" });
    expect(all.body.measures.map((m: { id: string }) => m.id)).not.toContain(measureB);
    const res = await call(createMeasure, { method: "POST", cookie, body: { teamId: world.teamB1.id, name: "Sneaky", type: "COUNT", direction: "UP", frequency: "DAILY" } });
    expect(res.status).toBe(404);
  });

  it("refuses a process or owner from another organization when creating a measure (422)", async () => {
    const procB = await testDb().process.create({ data: { organizationId: world.orgB.id, teamId: world.teamB1.id, name: "B process", slug: "b-process" }, select: { id: true } });
    const cookie = await sessionCookie(world.a.lead.id);
    const base = { teamId: world.teamA1.id, name: "Linked", type: "COUNT", direction: "UP", frequency: "DAILY" };
    expect((await call(createMeasure, { method: "POST", cookie, body: { ...base, processId: procB.id } })).status).toBe(422);
    expect((await call(createMeasure, { method: "POST", cookie, body: { ...base, ownerId: world.b.lead.id } })).status).toBe(422);
  });
});
