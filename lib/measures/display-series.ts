// Flattens a ChartResponse into the rows the chart component draws (only the display indices),
// in display units. Pure: used by the page on the server so the client gets small props.
import type { ChartResponse } from "./build-chart.ts";
import { signalIndices } from "./build-chart.ts";

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
};

export type ChartView = {
  rows: ChartRow[];
  phases: { start: number; end: number; index: number }[];
  events: { x: number; kind: "guideline" | "experiment"; label: string }[];
  target: number | null;
  hasLimits: boolean;
  totalPoints: number;
};

const scale = (v: number | null | undefined, m: number) => (v === null || v === undefined || !Number.isFinite(v) ? null : v * m);

export function toChartView(c: ChartResponse): ChartView {
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
    };
  });
  const lastX = n ? Date.parse(c.dates[n - 1]!) : 0;
  const phases = c.phaseStarts.map((s, k) => ({ start: Date.parse(c.dates[s] ?? c.dates[0] ?? "0"), end: c.phaseStarts[k + 1] !== undefined ? Date.parse(c.dates[c.phaseStarts[k + 1]!]!) : lastX, index: k }));
  return {
    rows,
    phases: n ? phases : [],
    events: c.events.map((e) => ({ x: Date.parse(c.dates[e.index]!), kind: e.kind, label: e.label })),
    target: scale(c.target, m),
    hasLimits: "points" in chart,
    totalPoints: n,
  };
}
