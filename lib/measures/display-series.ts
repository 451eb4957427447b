// Flattens a ChartResponse into the rows the chart component draws (only the display indices),
// in display units. Pure: used by the page on the server so the client gets small props.
import type { ChartResponse } from "./build-chart.ts";
import { signalIndices } from "./build-chart.ts";
import { findPeriodGaps, type PeriodGap } from "./fill-periods.ts";
import type { MeasureFrequency } from "./schema.ts";

export type ChartRow = {
  index: number;
  /** Bucket start, epoch milliseconds (numeric x axis, so phases and events line up by time). */
  x: number;
  value: number | null;
  cl: number | null;
  lcl: number | null;
  ucl: number | null;
  phase: number;
  signal: "above" | "below" | "run" | null;
  note: string | null;
  denominator: number | null;
  /** Set on the row standing for a run of periods without data (value null, so the line breaks there). */
  gap: { last: number; end: number; periods: number } | null;
};

export type ChartView = {
  rows: ChartRow[];
  phases: { start: number; end: number; index: number }[];
  events: { x: number; kind: "guideline" | "experiment"; label: string }[];
  target: number | null;
  hasLimits: boolean;
  totalPoints: number;
  /** Periods without data inside the charted window, and what a period is ("week"); null for event series. */
  missingPeriods: number;
  periodUnit: "day" | "week" | "month" | null;
};

/** How to lay the rows on the calendar: the measure's frequency and the charted window. */
export type PeriodAxis = { frequency: MeasureFrequency; from?: Date | undefined; to?: Date | undefined };

const UNIT: Record<MeasureFrequency, "day" | "week" | "month"> = { DAILY: "day", WEEKLY: "week", MONTHLY: "month" };

const scale = (v: number | null | undefined, m: number) => (v === null || v === undefined || !Number.isFinite(v) ? null : v * m);

/**
 * `axis` (omit it for time-between measures, which record events, not periods) adds one row per
 * run of missing periods, for display only: the analysis above ran on the real points alone.
 */
export function toChartView(c: ChartResponse, axis?: PeriodAxis): ChartView {
  const m = c.multiplier;
  const chart = c.chart;
  const n = c.values.length;
  const phaseOf = (i: number) => {
    let k = 0;
    c.phaseStarts.forEach((s, j) => {
      if (i >= s) k = j;
    });
    return k;
  };
  // Centre line per index: the control chart's (per phase), else the run chart's median per phase.
  const centre = (i: number): number | null => {
    if ("points" in chart) {
      const p = chart.points[i];
      return p && "centerLine" in p ? (p as { centerLine: number }).centerLine : (chart as { centerLine: number }).centerLine;
    }
    if ("phases" in chart) return chart.phases[phaseOf(i)]?.runs.centerLine ?? null;
    return chart.centerLine;
  };
  const runs = signalIndices(chart);
  const notes = new Map(c.annotations.map((a) => [a.index, a.note]));
  const rows: ChartRow[] = c.display.map((i) => {
    const p = "points" in chart ? chart.points[i] : undefined;
    const value = (p ? p.value : c.values[i]) ?? null;
    const signal = p?.outside ? (p.ucl !== null && value !== null && value > p.ucl ? "above" : "below") : runs.has(i) ? "run" : null;
    return {
      index: i,
      x: Date.parse(c.dates[i]!),
      value: scale(value, m),
      cl: scale(centre(i), m),
      lcl: scale(p?.lcl, m),
      ucl: scale(p?.ucl, m),
      phase: phaseOf(i),
      signal,
      note: notes.get(i) ?? null,
      denominator: c.denominators?.[i] ?? null,
      gap: null,
    };
  });
  const gaps = axis ? findPeriodGaps(c.dates.map((d) => new Date(d)), axis.frequency, { from: axis.from, to: axis.to }) : [];
  const lastX = n ? Date.parse(c.dates[n - 1]!) : 0;
  const phases = c.phaseStarts.map((s, k) => ({ start: Date.parse(c.dates[s] ?? c.dates[0] ?? "0"), end: c.phaseStarts[k + 1] !== undefined ? Date.parse(c.dates[c.phaseStarts[k + 1]!]!) : lastX, index: k }));
  return {
    rows: gaps.length ? withGapRows(rows, gaps, n) : rows,
    phases: n ? phases : [],
    events: c.events.map((e) => ({ x: Date.parse(c.dates[e.index]!), kind: e.kind, label: e.label })),
    target: scale(c.target, m),
    hasLimits: "points" in chart,
    totalPoints: n,
    missingPeriods: gaps.reduce((sum, g) => sum + g.periods, 0),
    periodUnit: axis ? UNIT[axis.frequency] : null,
  };
}

/**
 * Merges gap rows into the drawn rows by time. A gap inside the series carries the centre line and
 * limits of the row before it, so those step lines run on unbroken, exactly as without the gap; a
 * leading or trailing gap has none, so no line is drawn where there is no data at all.
 */
function withGapRows(rows: ChartRow[], gaps: readonly PeriodGap[], n: number): ChartRow[] {
  const out: ChartRow[] = [];
  let g = 0;
  const flush = (beforeIndex: number) => {
    while (g < gaps.length && gaps[g]!.before <= beforeIndex) {
      const gap = gaps[g++]!;
      const prev = gap.before > 0 && gap.before < n ? out.at(-1) : undefined;
      out.push({
        index: -1,
        x: gap.start.getTime(),
        value: null,
        cl: prev?.cl ?? null,
        lcl: prev?.lcl ?? null,
        ucl: prev?.ucl ?? null,
        phase: prev?.phase ?? 0,
        signal: null,
        note: null,
        denominator: null,
        gap: { last: gap.last.getTime(), end: gap.end.getTime(), periods: gap.periods },
      });
    }
  };
  for (const row of rows) {
    flush(row.index);
    out.push(row);
  }
  flush(n);
  return out;
}
