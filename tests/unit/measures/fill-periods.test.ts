import { describe, expect, it } from "vitest";
import { findPeriodGaps, nextPeriod, periodsBetween } from "@/lib/measures/fill-periods.ts";
import { buildChart, type Bucket } from "@/lib/measures/build-chart.ts";
import { toChartView } from "@/lib/measures/display-series.ts";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (x: Date) => x.toISOString().slice(0, 10);

describe("nextPeriod / periodsBetween", () => {
  it("steps whole UTC days, weeks and months, across DST changes and year ends", () => {
    // Europe's clocks change on 29 Mar and 25 Oct 2026; UTC arithmetic must not notice.
    expect(iso(nextPeriod(d("2026-03-28"), "DAILY"))).toBe("2026-03-29");
    expect(iso(nextPeriod(d("2026-03-23"), "WEEKLY"))).toBe("2026-03-30");
    expect(iso(nextPeriod(d("2026-10-19"), "WEEKLY"))).toBe("2026-10-26");
    expect(iso(nextPeriod(d("2026-12-01"), "MONTHLY"))).toBe("2027-01-01");
    expect(periodsBetween(d("2026-03-23"), d("2026-04-06"), "WEEKLY")).toBe(2);
    expect(periodsBetween(d("2026-11-01"), d("2027-02-01"), "MONTHLY")).toBe(3);
    expect(periodsBetween(d("2026-03-28"), d("2026-04-01"), "DAILY")).toBe(4);
  });
});

describe("findPeriodGaps", () => {
  it("finds a weekly gap of three weeks as one run", () => {
    const starts = [d("2026-03-02"), d("2026-03-09"), d("2026-04-06"), d("2026-04-13")];
    const gaps = findPeriodGaps(starts, "WEEKLY");
    expect(gaps.map((g) => ({ start: iso(g.start), last: iso(g.last), end: iso(g.end), periods: g.periods, before: g.before }))).toEqual([
      { start: "2026-03-16", last: "2026-03-30", end: "2026-04-06", periods: 3, before: 2 },
    ]);
  });

  it("finds no gap in a complete series", () => {
    expect(findPeriodGaps([d("2026-01-01"), d("2026-02-01"), d("2026-03-01")], "MONTHLY")).toEqual([]);
    expect(findPeriodGaps([], "WEEKLY", { from: d("2026-01-01"), to: d("2026-06-01") })).toEqual([]);
  });

  it("adds leading and trailing monthly gaps within the window, leaving out the month under way", () => {
    const starts = [d("2026-03-01"), d("2026-05-01")];
    const gaps = findPeriodGaps(starts, "MONTHLY", { from: new Date("2026-01-15T10:00:00Z"), to: new Date("2026-08-20T12:00:00Z") });
    expect(gaps.map((g) => [iso(g.start), iso(g.last), g.periods, g.before])).toEqual([
      // January started before the window, so the window's first month is February.
      ["2026-02-01", "2026-02-01", 1, 0],
      ["2026-04-01", "2026-04-01", 1, 1],
      // June and July are missing; August is still under way.
      ["2026-06-01", "2026-07-01", 2, 2],
    ]);
  });

  it("treats a weekly window that starts mid-week from the next Monday, and the current week as not missing", () => {
    const starts = [d("2026-03-16"), d("2026-03-23")];
    // Wed 4 Mar: the first whole week in the window starts Mon 9 Mar. Now is Thu 2 Apr: week of 30 Mar is under way.
    const gaps = findPeriodGaps(starts, "WEEKLY", { from: d("2026-03-04"), to: new Date("2026-04-02T08:00:00Z") });
    expect(gaps.map((g) => [iso(g.start), g.periods])).toEqual([["2026-03-09", 1]]);
    const later = findPeriodGaps(starts, "WEEKLY", { to: new Date("2026-04-15T08:00:00Z") });
    expect(later.map((g) => [iso(g.start), iso(g.last), g.periods, g.before])).toEqual([["2026-03-30", "2026-04-06", 2, 2]]);
  });

  it("counts a decades-long daily gap without walking it", () => {
    const gaps = findPeriodGaps([d("1990-01-01"), d("2026-01-01")], "DAILY");
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.periods).toBe(13148); // 36 years of days (9 leap days), less the first one, which has data
    expect(iso(gaps[0]!.last)).toBe("2025-12-31");
  });
});

describe("toChartView with a period axis", () => {
  const weekly = (weeks: number[]): Bucket[] =>
    weeks.map((w, i) => ({ start: new Date(Date.UTC(2026, 0, 5 + 7 * w)), valueSum: 10 + (i % 3), valueAvg: null, num: null, den: null, count: 1, note: null }));

  it("adds a null row per gap for display while the analysis sees only the real points", () => {
    const buckets = weekly([0, 1, 2, 6, 7, 8]);
    const chart = buildChart({ type: "COUNT", unit: "", direction: "DOWN", target: null, kind: "c", buckets, events: [], phases: false, maxPoints: 1000 });
    const plain = toChartView(chart);
    const view = toChartView(chart, { frequency: "WEEKLY" });
    expect(chart.values).toHaveLength(6);
    expect(view.totalPoints).toBe(6);
    expect(view.missingPeriods).toBe(3);
    expect(view.periodUnit).toBe("week");
    expect(view.rows).toHaveLength(7);
    const gap = view.rows[3]!;
    expect(gap.gap).toEqual({ last: Date.UTC(2026, 0, 5 + 7 * 5), end: Date.UTC(2026, 0, 5 + 7 * 6), periods: 3 });
    expect(gap.value).toBeNull();
    expect(gap.x).toBe(Date.UTC(2026, 0, 5 + 7 * 3));
    // The centre line and limits run on through the gap, unchanged.
    expect([gap.cl, gap.lcl, gap.ucl]).toEqual([view.rows[2]!.cl, view.rows[2]!.lcl, view.rows[2]!.ucl]);
    expect(view.rows.filter((r) => !r.gap)).toEqual(plain.rows);
  });

  it("leaves leading and trailing gaps without lines, in time order", () => {
    const buckets = weekly([2, 3]);
    const chart = buildChart({ type: "COUNT", unit: "", direction: "DOWN", target: null, kind: "run", buckets, events: [], phases: false, maxPoints: 1000 });
    const view = toChartView(chart, { frequency: "WEEKLY", from: d("2026-01-05"), to: d("2026-02-11") });
    expect(view.rows.map((r) => (r.gap ? `gap ${r.gap.periods}` : "point"))).toEqual(["gap 2", "point", "point", "gap 1"]);
    expect(view.rows[0]!.cl).toBeNull();
    expect(view.rows[3]!.cl).toBeNull();
    expect(view.rows.map((r) => r.x)).toEqual([...view.rows.map((r) => r.x)].sort((a, b) => a - b));
  });
});
