import { describe, expect, it } from "vitest";
import { buildChart, type Bucket } from "@/lib/measures/build-chart.ts";
import { toChartView } from "@/lib/measures/display-series.ts";

const weeks = (values: number[]): Bucket[] =>
  values.map((v, i) => ({ start: new Date(Date.UTC(2026, 0, 5 + 7 * i)), valueSum: null, valueAvg: null, num: v, den: 100, count: 1, note: i === 2 ? "audit" : null }));

describe("toChartView", () => {
  it("scales proportions to %, marks signals by side and keeps notes and phases", () => {
    const values = [90, 91, 89, 90, 92, 90, 91, 60, 90, 91, 90, 89];
    const c = buildChart({
      type: "PROPORTION",
      unit: "%",
      direction: "UP",
      target: 0.95,
      kind: "p",
      buckets: weeks(values),
      events: [{ date: new Date("2026-03-02T00:00:00Z"), kind: "guideline", label: "v2" }],
      phases: false,
      maxPoints: 1000,
    });
    const view = toChartView(c);
    expect(view.rows).toHaveLength(12);
    expect(view.rows[0]!.value).toBeCloseTo(90, 10);
    expect(view.target).toBeCloseTo(95, 10);
    expect(view.rows[7]!.signal).toBe("below");
    expect(view.rows[2]!.note).toBe("audit");
    expect(view.hasLimits).toBe(true);
    expect(view.phases).toHaveLength(1);
    expect(view.events).toEqual([{ x: Date.parse("2026-03-02T00:00:00Z"), kind: "guideline", label: "v2" }]);
  });

  it("gives a run chart its median per phase and flags the points of a long run", () => {
    const values = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9];
    const buckets = values.map((v, i) => ({ start: new Date(Date.UTC(2026, 0, 1 + i)), valueSum: v, valueAvg: v, num: null, den: null, count: 1, note: null }));
    const view = toChartView(buildChart({ type: "COUNT", unit: "", direction: "DOWN", target: null, kind: "run", buckets, events: [], phases: true, maxPoints: 1000 }));
    expect(view.hasLimits).toBe(false);
    expect(view.rows.every((r) => r.cl === 5.5)).toBe(true);
    expect(view.rows.filter((r) => r.signal === "run").map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
