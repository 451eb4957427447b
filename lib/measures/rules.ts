// Pure rules for measures (no I/O, safe in client components): period normalisation, which values a
// point of each measure type needs, chart kinds per type and display scaling.
import type { ChartKind, MeasureFrequency, MeasureType } from "./schema.ts";

const DAY_MS = 86_400_000;

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/**
 * The start of the period a date falls in: the UTC day, the ISO week's Monday or the month's first
 * day. Time-between measures record events, so they keep the timestamp (to the millisecond).
 */
export function normalisePeriod(date: Date, frequency: MeasureFrequency, type?: MeasureType): Date {
  if (type === "TIME_BETWEEN") return new Date(date.getTime());
  const day = startOfUtcDay(date);
  if (frequency === "DAILY") return day;
  if (frequency === "WEEKLY") return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

/**
 * Parses "2026-03-02" as UTC midnight (not local time), and ISO timestamps as written. Impossible
 * dates such as 2026-02-30 are invalid (JavaScript would quietly roll them into March).
 */
export function parsePeriod(text: string): Date {
  const s = text.trim();
  const ymd = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (ymd) {
    const [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
    if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return new Date(NaN);
  }
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s);
}

export type PointValues = { value: number | null; numerator: number | null; denominator: number | null };
type RawValues = { value?: number | null | undefined; numerator?: number | null | undefined; denominator?: number | null | undefined };

export const usesFraction = (type: MeasureType): boolean => type === "PROPORTION" || type === "RATE";

/**
 * Checks a point's values against the measure type. Returns the values to store, or a reason the
 * person entering them can act on.
 */
/**
 * No ward measure comes near a trillion; the bound keeps absurd input (1e308, found by the fuzzer)
 * a clear 422 instead of a database range error, and keeps chart arithmetic far from overflow.
 */
export const MAX_MAGNITUDE = 1e12;

export function checkPointValues(type: MeasureType, raw: RawValues): PointValues | { error: string } {
  const value = raw.value ?? null;
  const numerator = raw.numerator ?? null;
  const denominator = raw.denominator ?? null;
  if ([value, numerator, denominator].some((v) => v !== null && Math.abs(v) > MAX_MAGNITUDE)) {
    return { error: "Values must lie between -1,000,000,000,000 and 1,000,000,000,000." };
  }
  if (usesFraction(type)) {
    const what = type === "PROPORTION" ? "numerator and denominator" : "count (numerator) and exposure (denominator)";
    if (numerator === null || denominator === null) return { error: `A ${type.toLowerCase()} needs a ${what}.` };
    if (numerator < 0) return { error: "The numerator cannot be negative." };
    if (denominator <= 0) return { error: "The denominator must be greater than 0." };
    if (type === "PROPORTION" && numerator > denominator) return { error: "The numerator cannot be larger than the denominator." };
    return { value: null, numerator, denominator };
  }
  if (value === null) return { error: "A value is needed." };
  if (type === "COUNT" && (value < 0 || !Number.isInteger(value))) return { error: "A count must be a whole number, 0 or more." };
  if (type === "TIME_BETWEEN" && value < 0) return { error: "Time between events cannot be negative." };
  return { value, numerator: null, denominator: null };
}

/** The chart picked from the measure type (qicharts2's advice: always offer the run chart first). */
export function defaultControlKind(type: MeasureType): ChartKind {
  switch (type) {
    case "PROPORTION":
      return "p";
    case "RATE":
      return "u";
    case "COUNT":
      return "c";
    case "CONTINUOUS":
      return "i";
    case "TIME_BETWEEN":
      return "t";
  }
}

const KINDS_BY_TYPE: Record<MeasureType, ChartKind[]> = {
  PROPORTION: ["run", "p", "pp", "i"],
  RATE: ["run", "u", "up", "i"],
  COUNT: ["run", "c", "i", "mr"],
  CONTINUOUS: ["run", "i", "mr"],
  TIME_BETWEEN: ["run", "t", "g", "i", "mr"],
};

export const chartKindsFor = (type: MeasureType): ChartKind[] => KINDS_BY_TYPE[type];

export const CHART_KIND_LABELS: Record<ChartKind, string> = {
  run: "Run chart",
  i: "I chart",
  mr: "MR chart",
  p: "P chart",
  pp: "P′ chart (Laney)",
  u: "U chart",
  up: "U′ chart (Laney)",
  c: "C chart",
  t: "T chart",
  g: "G chart",
};

/** The multiplier written in a rate's unit: "per 1,000 line days" → 1000; 1 when there is none. */
export function rateMultiplier(unit: string): number {
  const match = /per\s+([\d][\d,. ]*)/i.exec(unit);
  if (!match?.[1]) return 1;
  const n = Number(match[1].replace(/[, ]/g, ""));
  return Number.isFinite(n) && n > 0 ? n : 1;
}

/**
 * Factor from stored/plotted values to the numbers people read. Proportions in "%" show ×100;
 * rates show per their unit's multiplier (for p / u style charts where the plotted value is y/n).
 */
export function displayMultiplier(type: MeasureType, unit: string): number {
  if (type === "PROPORTION") return unit.trim() === "%" ? 100 : 1;
  if (type === "RATE") return rateMultiplier(unit);
  return 1;
}

/**
 * The target in plotted (unscaled) units. Proportion targets are stored as fractions like the data;
 * rate targets are written in the unit ("1 per 1,000 line days"), so they are divided back.
 */
export function targetInChartUnits(type: MeasureType, unit: string, target: number | null): number | null {
  if (target === null) return null;
  return type === "RATE" ? target / rateMultiplier(unit) : target;
}

/** The plotted value of a point: y/n for proportions and rates, the value otherwise. */
export function pointValue(type: MeasureType, p: PointValues): number | null {
  if (usesFraction(type)) return p.numerator !== null && p.denominator ? p.numerator / p.denominator : null;
  return p.value;
}
