// Finds the periods a daily / weekly / monthly series has no point for, so the chart can show them
// as gaps on a time axis. Display only: the run and SPC rules still see just the real points (a
// missing week is not a value, and qicharts2 drops it too). Pure and UTC-only, so a DST change
// never shifts a period start.
import { normalisePeriod } from "./rules.ts";
import type { MeasureFrequency } from "./schema.ts";

const DAY_MS = 86_400_000;

/**
 * A run of consecutive missing periods: `start` and `last` are the first and last missing period
 * starts, `end` the start of the period after the gap; `before` is the index of the next real point
 * (the series length for a trailing gap).
 */
export type PeriodGap = { start: Date; last: Date; end: Date; periods: number; before: number };

/** The start of the period after the one starting at `start` (UTC calendar arithmetic). */
export function nextPeriod(start: Date, frequency: MeasureFrequency): Date {
  const [y, m, d] = [start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()];
  if (frequency === "MONTHLY") return new Date(Date.UTC(y, m + 1, 1));
  return new Date(Date.UTC(y, m, d + (frequency === "WEEKLY" ? 7 : 1)));
}

/** Whole periods from `a` up to (not including) `b`; both are period starts. */
export function periodsBetween(a: Date, b: Date, frequency: MeasureFrequency): number {
  if (frequency === "MONTHLY") return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  return Math.round((b.getTime() - a.getTime()) / (DAY_MS * (frequency === "WEEKLY" ? 7 : 1)));
}

/** The first period starting on or after `date` (the chart query keeps only periods starting in the window). */
function firstPeriodFrom(date: Date, frequency: MeasureFrequency): Date {
  const p = normalisePeriod(date, frequency);
  return p.getTime() < date.getTime() ? nextPeriod(p, frequency) : p;
}

/**
 * Gaps between the (sorted) period starts of a series, plus a leading gap from `from` and a trailing
 * gap up to the period containing `to`, which is left out: pass "now", and the period still under
 * way is not called missing. Consecutive missing periods come back as one gap, so a long outage
 * costs one row.
 */
export function findPeriodGaps(starts: readonly Date[], frequency: MeasureFrequency, range: { from?: Date | undefined; to?: Date | undefined } = {}): PeriodGap[] {
  const gaps: PeriodGap[] = [];
  const push = (start: Date, end: Date, before: number) => {
    const periods = periodsBetween(start, end, frequency);
    if (periods <= 0) return;
    // `last` by arithmetic, not by walking period by period: a gap may span decades of days.
    const last = frequency === "MONTHLY" ? new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 1, 1)) : new Date(end.getTime() - (frequency === "WEEKLY" ? 7 : 1) * DAY_MS);
    gaps.push({ start, last, end, periods, before });
  };
  const periods = starts.map((s) => normalisePeriod(s, frequency));
  // No points at all is an empty chart, not one long gap.
  if (!periods.length) return gaps;
  if (range.from) push(firstPeriodFrom(range.from, frequency), periods[0]!, 0);
  for (let i = 1; i < periods.length; i++) push(nextPeriod(periods[i - 1]!, frequency), periods[i]!, i);
  if (range.to) push(nextPeriod(periods.at(-1)!, frequency), normalisePeriod(range.to, frequency), periods.length);
  return gaps;
}
