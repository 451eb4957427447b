// The chart endpoint: SQL bucketing, signals on the full series, phases at guideline adoptions and
// experiment starts, and plain-language explanations.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getChart } from "@/app/api/v1/measures/[id]/chart/route.ts";
import { call } from "./support/api.ts";
import { createWorld, sessionCookie, testDb } from "./support/factories.ts";
import { createMeasureRow, createPointRows } from "./support/measure-factories.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;
beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookie(world.a.member.id);
});

const MONDAY = new Date("2025-01-06T00:00:00Z");

describe("GET /api/v1/measures/{id}/chart", () => {
  it("defaults to a run chart and explains a shift with its date", async () => {
    const m = await createMeasureRow(world.orgA.id, world.teamA1.id, { type: "CONTINUOUS", frequency: "WEEKLY" });
    const values = [5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9];
    await createPointRows(world.orgA.id, m.id, MONDAY, 7, values.map((value) => ({ value })));
    const res = await call(getChart, { cookie, params: { id: m.id } });
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe("run");
    expect(res.body.availableKinds[0]).toBe("run");
    expect(res.body.values).toEqual(values);
    expect(res.body.dates[0]).toBe("2025-01-06T00:00:00.000Z");
    expect(res.body.chart).toMatchObject({ nUseful: 20, longestRun: 10, longestRunMax: 7, signal: true });
    // The first of two equally long runs is reported: the ten low weeks from 6 January.
    expect(res.body.explanations[0]).toBe("Longest run 10 > limit 7 since 6 January: a shift");
    expect(res.body.display).toHaveLength(20);
  });

  it("sums counts per bucket in SQL and draws a C chart with a point above the limit", async () => {
    const m = await createMeasureRow(world.orgA.id, world.teamA1.id, { type: "COUNT", frequency: "DAILY" });
    const values = [2, 3, 1, 2, 2, 3, 2, 1, 2, 3, 2, 2, 14, 2, 1, 3, 2, 2, 1, 2];
    await createPointRows(world.orgA.id, m.id, MONDAY, 1, values.map((value) => ({ value })));
    const res = await call(getChart, { cookie, params: { id: m.id }, path: `/x?kind=c&from=2025-01-06&to=2025-01-26` });
    expect(res.status).toBe(200);
    expect(res.body.chart.kind).toBe("c");
    expect(res.body.chart.sigmaSignals).toBe(1);
    expect(res.body.chart.points[12].outside).toBe(true);
    expect(res.body.explanations).toContain("Point above the upper limit on 18 January");
    expect(res.body.measure.id).toBe(m.id);
  });

  it("uses per-point limits for proportions (P chart) and scales % for display", async () => {
    const m = await createMeasureRow(world.orgA.id, world.teamA1.id, { type: "PROPORTION", frequency: "MONTHLY", unit: "%", target: 0.9 });
    const start = new Date("2025-01-01T00:00:00Z");
    for (let i = 0; i < 6; i++) {
      await createPointRows(world.orgA.id, m.id, new Date(Date.UTC(2025, i, 1)), 1, [{ numerator: 40 + i, denominator: 50 + 10 * i }]);
    }
    const res = await call(getChart, { cookie, params: { id: m.id }, path: "/x?kind=p" });
    expect(res.body.multiplier).toBe(100);
    expect(res.body.target).toBe(0.9);
    expect(res.body.denominators).toEqual([50, 60, 70, 80, 90, 100]);
    const ucls = res.body.chart.points.map((p: { ucl: number }) => p.ucl);
    expect(new Set(ucls).size).toBe(6);
    expect(res.body.dates[0]).toBe(start.toISOString());
  });

  it("starts a new phase where a guideline version was adopted and an experiment started, and can turn phases off", async () => {
    const proc = await testDb().process.create({ data: { organizationId: world.orgA.id, teamId: world.teamA1.id, name: "Rounds", slug: `rounds-${Date.now()}` }, select: { id: true } });
    const m = await createMeasureRow(world.orgA.id, world.teamA1.id, { type: "CONTINUOUS", frequency: "WEEKLY", processId: proc.id });
    const values = Array.from({ length: 30 }, (_, i) => (i < 10 ? 10 : i < 20 ? 20 : 30) + (i % 3));
    await createPointRows(world.orgA.id, m.id, MONDAY, 7, values.map((value) => ({ value })));
    // Adopted on the Wednesday of week 10 (index 9): the phase starts with the next week (index 10).
    await testDb().guidelineVersion.create({
      data: { organizationId: world.orgA.id, processId: proc.id, number: 2, title: "Rounds v2", status: "ADOPTED", adoptedAt: new Date("2025-03-12T10:00:00Z") },
      select: { id: true },
    });
    const exp = await testDb().experiment.create({
      data: { organizationId: world.orgA.id, teamId: world.teamA1.id, title: "Bedside rounds", startDate: new Date("2025-05-26T00:00:00Z") },
      select: { id: true },
    });
    await testDb().experimentMeasure.create({ data: { organizationId: world.orgA.id, experimentId: exp.id, measureId: m.id } });

    const res = await call(getChart, { cookie, params: { id: m.id }, path: "/x?kind=i" });
    expect(res.body.phaseStarts).toEqual([0, 10, 20]);
    expect(res.body.events).toEqual([
      { date: "2025-03-12T10:00:00.000Z", kind: "guideline", label: "Guideline v2 adopted: Rounds v2", index: 10 },
      { date: "2025-05-26T00:00:00.000Z", kind: "experiment", label: "Experiment started: Bedside rounds", index: 20 },
    ]);
    expect(res.body.chart.phases.map((p: { centerLine: number }) => p.centerLine)).toEqual([10.9, 21, 31.1].map((x) => expect.closeTo(x, 6)));
    expect(res.body.chart.sigmaSignals).toBe(0);

    const flat = await call(getChart, { cookie, params: { id: m.id }, path: "/x?kind=i&phases=false" });
    expect(flat.body.phaseStarts).toEqual([0]);
    expect(flat.body.chart.sigmaSignals).toBeGreaterThan(0);
    expect(flat.body.explanations.length).toBeGreaterThan(0);
  });

  it("downsamples for display but computes signals on the full series", async () => {
    const m = await createMeasureRow(world.orgA.id, world.teamA1.id, { type: "CONTINUOUS", frequency: "DAILY" });
    let seed = 7;
    const noise = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 4;
    const values = Array.from({ length: 400 }, (_, i) => 50 + noise() + (i === 300 ? 40 : 0));
    await createPointRows(world.orgA.id, m.id, new Date("2024-01-01T00:00:00Z"), 1, values.map((value) => ({ value })));
    const res = await call(getChart, { cookie, params: { id: m.id }, path: "/x?kind=i&maxPoints=50" });
    expect(res.body.values).toHaveLength(400);
    expect(res.body.display.length).toBeLessThanOrEqual(50 + res.body.chart.sigmaSignals);
    expect(res.body.display).toContain(300);
    expect(res.body.chart.points[300].outside).toBe(true);
  });

  it("keeps each event of a time-between measure as its own point (T chart)", async () => {
    const m = await createMeasureRow(world.orgA.id, world.teamA1.id, { type: "TIME_BETWEEN", frequency: "DAILY" });
    const lead = await sessionCookie(world.a.lead.id);
    const { POST } = await import("@/app/api/v1/measures/[id]/data-points/route.ts");
    const points = [3, 5, 4, 6, 2, 40].map((value, i) => ({ period: `2025-02-0${i + 1}T0${i}:30:00Z`, value }));
    points.push({ period: "2025-02-06T18:00:00Z", value: 1 });
    const posted = await call(POST, { method: "POST", cookie: lead, params: { id: m.id }, body: { points } });
    expect(posted.body.created).toBe(7);
    const res = await call(getChart, { cookie, params: { id: m.id }, path: "/x?kind=t" });
    expect(res.status).toBe(200);
    expect(res.body.dates).toHaveLength(7);
    expect(res.body.dates[5]).toBe("2025-02-06T05:30:00.000Z");
    expect(res.body.values).toEqual([3, 5, 4, 6, 2, 40, 1]);
    expect(res.body.chart.kind).toBe("t");
  });

  it("draws a U chart for rates, shown per the unit's multiplier", async () => {
    const m = await createMeasureRow(world.orgA.id, world.teamA1.id, { type: "RATE", frequency: "MONTHLY", unit: "per 1,000 line days", target: 1 });
    for (let i = 0; i < 8; i++) {
      await createPointRows(world.orgA.id, m.id, new Date(Date.UTC(2025, i, 1)), 1, [{ numerator: i === 5 ? 9 : 1, denominator: 200 + i }]);
    }
    const res = await call(getChart, { cookie, params: { id: m.id }, path: "/x?kind=u" });
    expect(res.body.multiplier).toBe(1000);
    expect(res.body.target).toBeCloseTo(0.001, 10);
    expect(res.body.chart.points[5].outside).toBe(true);
    expect(res.body.explanations).toContain("Point above the upper limit on 1 June");
  });

  it("freezes the centre line and limits to a baseline, judging later points against it", async () => {
    const m = await createMeasureRow(world.orgA.id, world.teamA1.id, { type: "CONTINUOUS", frequency: "WEEKLY" });
    const values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 14, 14, 14, 14, 14];
    await createPointRows(world.orgA.id, m.id, MONDAY, 7, values.map((value) => ({ value })));
    const res = await call(getChart, { cookie, params: { id: m.id }, path: "/x?kind=i&baseline=10" });
    expect(res.status).toBe(200);
    expect(res.body.baseline).toBe(10);
    expect(res.body.chart.centerLine).toBeCloseTo(10.5, 10);
    expect(res.body.chart.sigmaSignals).toBe(5);
    expect((await call(getChart, { cookie, params: { id: m.id }, path: "/x?baseline=1" })).status).toBe(400);
  });
});
