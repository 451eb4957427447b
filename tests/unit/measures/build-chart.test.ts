import { describe, expect, it } from "vitest";
import { buildChart, type Bucket } from "@/lib/measures/build-chart.ts";

const bucket = (i: number, b: Partial<Bucket>): Bucket => ({
  start: new Date(Date.UTC(2026, 0, 1 + i)),
  valueSum: null,
  valueAvg: null,
  num: null,
  den: null,
  count: 1,
  note: null,
  ...b,
});
const base = { unit: "", direction: "UP" as const, target: null, events: [], phases: true, maxPoints: 1000 };

describe("buildChart", () => {
  it("sums counts and averages measurements per bucket", () => {
    const buckets = [bucket(0, { valueSum: 6, valueAvg: 2, count: 3 }), bucket(1, { valueSum: 4, valueAvg: 4 })];
    expect(buildChart({ ...base, type: "COUNT", kind: "c", buckets }).values).toEqual([6, 4]);
    expect(buildChart({ ...base, type: "CONTINUOUS", kind: "i", buckets }).values).toEqual([2, 4]);
  });

  it("ignores events before the first or after the last bucket, and events on the same bucket twice", () => {
    const buckets = Array.from({ length: 6 }, (_, i) => bucket(i, { valueAvg: i }));
    const events = [
      { date: new Date("2025-12-01T00:00:00Z"), kind: "guideline" as const, label: "old" },
      { date: new Date("2026-01-03T09:00:00Z"), kind: "guideline" as const, label: "v2" },
      { date: new Date("2026-01-03T12:00:00Z"), kind: "experiment" as const, label: "pilot" },
      { date: new Date("2026-02-01T00:00:00Z"), kind: "experiment" as const, label: "later" },
    ];
    const chart = buildChart({ ...base, type: "CONTINUOUS", kind: "run", buckets, events });
    expect(chart.events.map((e) => [e.label, e.index])).toEqual([["v2", 2], ["pilot", 2]]);
    expect(chart.phaseStarts).toEqual([0, 2]);
    expect(buildChart({ ...base, type: "CONTINUOUS", kind: "run", buckets, events, phases: false }).phaseStarts).toEqual([0]);
  });

  it("keeps every point outside the limits when downsampling", () => {
    const buckets = Array.from({ length: 300 }, (_, i) => bucket(i, { valueAvg: 10 + ((i * 7) % 5) / 10 + (i === 123 ? 50 : 0) }));
    const chart = buildChart({ ...base, type: "CONTINUOUS", kind: "i", buckets, maxPoints: 30 });
    expect(chart.display).toContain(123);
    expect(chart.display.length).toBeLessThanOrEqual(30 + ("sigmaSignals" in chart.chart ? chart.chart.sigmaSignals : 0));
    expect(chart.explanations.some((e) => e.startsWith("Point above the upper limit"))).toBe(true);
  });
});
