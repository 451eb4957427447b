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
    // Higher is better here (base.direction UP), so a point above the limit is good news.
    expect(chart.tones[chart.explanations.findIndex((e) => e.startsWith("Point above"))]).toBe("better");
  });

  it("handles an empty series and a single point for every kind a type offers", () => {
    const types = ["COUNT", "PROPORTION", "RATE", "CONTINUOUS", "TIME_BETWEEN"] as const;
    for (const type of types) {
      for (const buckets of [[], [bucket(0, { valueSum: 2, valueAvg: 2, num: 1, den: 2 })]]) {
        const kinds = buildChart({ ...base, type, kind: "run", buckets }).availableKinds;
        for (const kind of kinds) {
          const chart = buildChart({ ...base, type, kind, buckets });
          expect(chart.values).toHaveLength(buckets.length);
          expect(chart.explanations).toEqual([]);
          expect(JSON.parse(JSON.stringify(chart))).toBeTruthy();
        }
      }
    }
  });

  it("says whether each signal goes the desired way, in explanation order", () => {
    const values = [2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 40];
    const buckets = values.map((v, i) => bucket(i, { valueSum: v }));
    const down = buildChart({ ...base, direction: "DOWN", type: "COUNT", kind: "c", buckets });
    expect(down.explanations.length).toBeGreaterThan(1);
    expect(down.tones).toHaveLength(down.explanations.length);
    expect(down.tones.every((t) => t === "worse" || t === null)).toBe(true);
    const runIdx = down.explanations.findIndex((e) => e.startsWith("Longest run"));
    const chart = down.chart as { runs: { longestRunStart: number; centerLine: number } };
    expect(down.signalPoints[runIdx]).toBe(chart.runs.longestRunStart);
    expect(down.signalPoints.at(-1)).toBe(20);
    expect(down.tones[runIdx]).toBe(values[chart.runs.longestRunStart]! > chart.runs.centerLine ? "worse" : "better");
  });
});
