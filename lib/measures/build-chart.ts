// Turns a bucketed series into the chart the app draws: the lib/analytics result on the full
// series, phases at guideline adoptions and experiment starts, plain-language explanations, and an
// LTTB-downsampled set of indices for display. Pure, so it is unit-tested without a database.
import {
  controlChart,
  explainSignals,
  lttb,
  phasedControlChart,
  phasedRunChart,
  runChart,
  type ControlChartDatum,
  type ControlChartResult,
  type PhasedControlChartResult,
  type PhasedRunChartResult,
  type RunAnalysis,
} from "@/lib/analytics/index.ts";
import { chartKindsFor, displayMultiplier, startOfUtcDay, targetInChartUnits, usesFraction } from "./rules.ts";
import type { ChartKind, MeasureType } from "./schema.ts";

export type Bucket = { start: Date; valueSum: number | null; valueAvg: number | null; num: number | null; den: number | null; count: number; note: string | null };
export type ChartEvent = { date: Date; kind: "guideline" | "experiment"; label: string };
export type ChartLibraryResult = RunAnalysis | PhasedRunChartResult | ControlChartResult | PhasedControlChartResult;

export type ChartResponse = {
  kind: ChartKind;
  availableKinds: ChartKind[];
  /** Plotted values × multiplier = the numbers people read (e.g. 100 for %, 1000 for "per 1,000"). */
  multiplier: number;
  direction: "UP" | "DOWN";
  /** In plotted (unmultiplied) units. */
  target: number | null;
  /** One per bucket, aligned with `values` and the library result's points. */
  dates: string[];
  values: (number | null)[];
  denominators: (number | null)[] | null;
  annotations: { index: number; note: string }[];
  chart: ChartLibraryResult;
  /** Phase start indices (also in the library result); [0] when not phased. */
  phaseStarts: number[];
  events: { date: string; kind: ChartEvent["kind"]; label: string; index: number }[];
  explanations: string[];
  /** Indices to draw: LTTB over the values, plus every signal point so none disappears. */
  display: number[];
};

export type BuildChartInput = {
  type: MeasureType;
  unit: string;
  direction: "UP" | "DOWN";
  target: number | null;
  kind: ChartKind;
  buckets: readonly Bucket[];
  events: readonly ChartEvent[];
  phases: boolean;
  maxPoints: number;
};

function datum(type: MeasureType, kind: ChartKind, b: Bucket): ControlChartDatum {
  if (usesFraction(type)) {
    if (kind === "p" || kind === "pp" || kind === "u" || kind === "up") return { y: b.num ?? NaN, n: b.den };
    return { y: b.num !== null && b.den ? b.num / b.den : NaN };
  }
  // Counts add up within a bucket; measurements and times between events are averaged.
  const y = type === "COUNT" ? b.valueSum : b.valueAvg;
  return { y: y ?? NaN };
}

/** Index where each event's phase begins: the first bucket starting on or after the event's day. */
function eventIndex(buckets: readonly Bucket[], date: Date): number {
  const day = startOfUtcDay(date).getTime();
  return buckets.findIndex((b) => b.start.getTime() >= day);
}

export function buildChart(input: BuildChartInput): ChartResponse {
  const { buckets, kind, type } = input;
  const data = buckets.map((b) => datum(type, kind, b));
  const values = buckets.map((b) => {
    const v = usesFraction(type) ? (b.num !== null && b.den ? b.num / b.den : null) : type === "COUNT" ? b.valueSum : b.valueAvg;
    return v !== null && Number.isFinite(v) ? v : null;
  });
  const events = input.events
    .map((e) => ({ date: e.date.toISOString(), kind: e.kind, label: e.label, index: eventIndex(buckets, e.date) }))
    .filter((e) => e.index > 0)
    .sort((a, b) => a.index - b.index);
  const breaks = input.phases ? [...new Set(events.map((e) => e.index))] : [];

  let chart: ChartLibraryResult;
  if (kind === "run") {
    const series = values.map((v) => v ?? NaN);
    chart = breaks.length ? phasedRunChart(series, breaks) : runChart(series);
  } else {
    chart = breaks.length ? phasedControlChart(kind, data, breaks) : controlChart(kind, data);
  }
  const phaseStarts = "phases" in chart ? chart.phases.map((p) => p.start) : [0];

  const dates = buckets.map((b) => b.start);
  const spansYears = dates.length > 0 && dates[0]!.getUTCFullYear() !== dates.at(-1)!.getUTCFullYear();
  const explanations = explainSignals(chart, dates, { includeYear: spansYears });

  return {
    kind,
    availableKinds: chartKindsFor(type),
    multiplier: displayMultiplier(type, input.unit),
    direction: input.direction,
    target: targetInChartUnits(type, input.unit, input.target),
    dates: dates.map((d) => d.toISOString()),
    values,
    denominators: usesFraction(type) ? buckets.map((b) => b.den) : null,
    annotations: buckets.flatMap((b, index) => (b.note ? [{ index, note: b.note }] : [])),
    chart,
    phaseStarts,
    events,
    explanations,
    display: displayIndices(values, signalIndices(chart), outsideIndices(chart), input.maxPoints),
  };
}

/** Points that carry a signal: outside the limits, or inside a too-long run (per phase). */
export function signalIndices(chart: ChartLibraryResult): Set<number> {
  const out = new Set<number>();
  const runsList: RunAnalysis[] = "phases" in chart ? chart.phases.map((p) => p.runs) : "runs" in chart ? [chart.runs] : [chart as RunAnalysis];
  for (const r of runsList) {
    if (r.longestRun > r.longestRunMax && r.longestRunStart !== null && r.longestRunEnd !== null) {
      for (let i = r.longestRunStart; i <= r.longestRunEnd; i++) out.add(i);
    }
  }
  return out;
}

export function outsideIndices(chart: ChartLibraryResult): number[] {
  return "points" in chart ? chart.points.flatMap((p, i) => (p.outside ? [i] : [])) : [];
}

function displayIndices(values: readonly (number | null)[], runSignals: Set<number>, outside: number[], maxPoints: number): number[] {
  if (values.length <= maxPoints) return values.map((_, i) => i);
  const xy = values.flatMap((v, i) => (v === null ? [] : [{ x: i, y: v }]));
  const kept = new Set(lttb(xy, maxPoints).map((p) => p.x));
  // Run signals are long stretches: keep their ends so the highlighted run stays visible.
  for (const i of runSignals) if (!runSignals.has(i - 1) || !runSignals.has(i + 1)) kept.add(i);
  for (const i of outside) kept.add(i);
  return [...kept].sort((a, b) => a - b);
}
