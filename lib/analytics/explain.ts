/**
 * Plain-language explanations of chart signals, e.g.
 *   "Longest run 9 > limit 8 since 3 March: a shift"
 *   "Point above the upper limit on 12 May"
 * Dates are formatted as day + English month name in UTC, so the text does not depend on the
 * server's time zone or locale.
 */

import type {
  ControlChartPoint,
  ControlChartResult,
  PhasedControlChartResult,
  PhasedRunChartResult,
  RunAnalysis,
} from "./types";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

export type ExplainOptions = {
  /** Append the year ("3 March 2025"); off by default. */
  includeYear?: boolean;
};

export type ExplainableResult = RunAnalysis | ControlChartResult | PhasedControlChartResult | PhasedRunChartResult;

/** "3 March" (UTC), or null for a missing / invalid date. */
export function formatDay(date: Date | undefined, options: ExplainOptions = {}): string | null {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) return null;
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
  return options.includeYear ? `${day} ${date.getUTCFullYear()}` : day;
}

type Section = { runs: RunAnalysis | null; points: readonly ControlChartPoint[]; offset: number };

function sections(result: ExplainableResult): Section[] {
  if ("phases" in result) {
    if ("points" in result) {
      return result.phases.map((phase) => ({
        runs: phase.runs,
        points: result.points.slice(phase.start, phase.end),
        offset: phase.start,
      }));
    }
    return result.phases.map((phase) => ({ runs: phase.runs, points: [], offset: phase.start }));
  }
  if ("points" in result) return [{ runs: result.runs, points: result.points, offset: 0 }];
  return [{ runs: result, points: [], offset: 0 }];
}

function runSentences(runs: RunAnalysis, at: (i: number, word: string) => string): string[] {
  if (!runs.signal) return [];
  const out: string[] = [];
  if (runs.longestRun > runs.longestRunMax) {
    const since = runs.longestRunStart === null ? "" : ` ${at(runs.longestRunStart, "since")}`;
    out.push(`Longest run ${runs.longestRun} > limit ${runs.longestRunMax}${since}: a shift`);
  }
  if (runs.crossings < runs.crossingsMin) {
    const s = runs.crossings === 1 ? "" : "s";
    out.push(
      `Only ${runs.crossings} crossing${s} of the centre line < minimum ${runs.crossingsMin}: the data cluster, a shift`,
    );
  }
  return out;
}

/**
 * Sentences for every signal in `result`, in chart order: per phase, the runs signals first, then
 * each point outside the limits. `dates[i]` is the date of input point i. Returns [] when there is
 * nothing to report.
 */
export function explainSignals(
  result: ExplainableResult,
  dates: readonly Date[],
  options: ExplainOptions = {},
): string[] {
  const at = (i: number, word: string): string => {
    const day = formatDay(dates[i], options);
    return day === null ? `${word === "on" ? "at" : word} point ${i + 1}` : `${word} ${day}`;
  };
  const all = sections(result);
  const prefix = (k: number): string => (all.length > 1 ? `Phase ${k + 1}: ` : "");
  const out: string[] = [];

  all.forEach((section, k) => {
    const sentences = section.runs === null ? [] : runSentences(section.runs, at);
    section.points.forEach((p, j) => {
      if (!p.outside || p.value === null) return;
      const i = section.offset + j;
      const where = p.ucl !== null && p.value > p.ucl ? "above the upper" : "below the lower";
      sentences.push(`Point ${where} limit ${at(i, "on")}`);
    });
    for (const s of sentences) out.push(prefix(k) + s);
  });
  return out;
}
