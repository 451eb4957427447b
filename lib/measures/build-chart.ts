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
  /** Points the centre line and limits are frozen to (per phase), or null for all. */
  baseline: number | null;
  explanations: string[];
  /** Per explanation: whether the signal points the desired way ("better"), the other ("worse"), or neither. */
  tones: ("better" | "worse" | null)[];
  /** Per explanation: the point it is about (a run's first point), to show that point's note. */
  signalPoints: (number | null)[];
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
  /** Freeze the centre line and limits to the first N points (of each phase), as qicharts2's `freeze`. */
  baseline?: number | undefined;
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

  const base = input.baseline;
  let chart: ChartLibraryResult;
  if (kind === "run") {
    const series = values.map((v) => v ?? NaN);
    chart = breaks.length ? phasedRunChart(series, breaks, { freezeAt: base }) : runChart(series, { baseline: base });
  } else {
    chart = breaks.length ? phasedControlChart(kind, data, breaks, { freezeAt: base }) : controlChart(kind, data, { baseline: base });
  }
  const phaseStarts = "phases" in chart ? chart.phases.map((p) => p.start) : [0];

  const dates = buckets.map((b) => b.start);
  const spansYears = dates.length > 0 && dates[0]!.getUTCFullYear() !== dates.at(-1)!.getUTCFullYear();
  const explanations = explainSignals(chart, dates, { includeYear: spansYears });
  const refs = signalRefs(chart, values, input.direction, explanations.length);

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
    baseline: base ?? null,
    explanations,
    tones: refs.map((r) => r.tone),
    signalPoints: refs.map((r) => r.index),
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

export type SignalRef = { index: number | null; tone: "better" | "worse" | null };

/**
 * Mirrors the order in which explainSignals writes its sentences (per phase: the long run, the
 * crossings, then each point outside the limits) to tie each sentence to a point (where the run
 * starts, or the point outside) and to say whether it is good news. A crossings signal has neither.
 * If the counts ever disagree, nothing is claimed.
 */
export function signalRefs(chart: ChartLibraryResult, values: readonly (number | null)[], direction: "UP" | "DOWN", count: number): SignalRef[] {
  const tone = (up: boolean) => ((up === (direction === "UP")) ? "better" : "worse") as "better" | "worse";
  const sections: { runs: RunAnalysis; start: number; end: number }[] =
    "phases" in chart ? chart.phases : [{ runs: "runs" in chart ? chart.runs : (chart as RunAnalysis), start: 0, end: values.length }];
  const out: SignalRef[] = [];
  for (const { runs, start, end } of sections) {
    if (runs.signal && runs.longestRun > runs.longestRunMax && runs.longestRunStart !== null) {
      const v = values[runs.longestRunStart];
      out.push({ index: runs.longestRunStart, tone: v === null || v === undefined ? null : tone(v > runs.centerLine) });
    }
    if (runs.signal && runs.crossings < runs.crossingsMin) out.push({ index: null, tone: null });
    if ("points" in chart) {
      chart.points.slice(start, end).forEach((p, j) => {
        if (p.outside && p.value !== null) out.push({ index: start + j, tone: tone(p.ucl !== null && p.value > p.ucl) });
      });
    }
  }
  return out.length === count ? out : Array.from({ length: count }, () => ({ index: null, tone: null }));
}
