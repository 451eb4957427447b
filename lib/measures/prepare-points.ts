// Validates a batch of incoming points against a measure before anything is written, so a batch
// (API or CSV) is stored whole or not at all. Pure: shared by the API, the forms and CSV import.
import { checkPointValues, normalisePeriod, parsePeriod, type PointValues } from "./rules.ts";
import type { MeasureFrequency, MeasureType } from "./schema.ts";

export type IncomingPoint = {
  period: string;
  value?: number | null | undefined;
  numerator?: number | null | undefined;
  denominator?: number | null | undefined;
  note?: string | undefined;
};
export type PreparedPoint = PointValues & { periodStart: Date; note: string | null };
/** `row` is 1-based in the order received (CSV import adds its header line itself). */
export type PointError = { row: number; reason: string };

// A point may be for today's period but not for a period that has not begun (a day of clock skew allowed).
const FUTURE_SLACK_MS = 86_400_000;

export function preparePoints(
  measure: { type: MeasureType; frequency: MeasureFrequency },
  points: readonly IncomingPoint[],
  now: Date = new Date(),
): { points: PreparedPoint[]; errors: PointError[] } {
  const out: PreparedPoint[] = [];
  const errors: PointError[] = [];
  const seen = new Map<number, number>();
  points.forEach((p, i) => {
    const row = i + 1;
    const date = parsePeriod(p.period);
    if (Number.isNaN(date.getTime())) return errors.push({ row, reason: `"${p.period}" is not a date.` });
    const periodStart = normalisePeriod(date, measure.frequency, measure.type);
    if (periodStart.getTime() > now.getTime() + FUTURE_SLACK_MS) return errors.push({ row, reason: "The period has not started yet." });
    if (periodStart.getUTCFullYear() < 1900) return errors.push({ row, reason: "The date is too far in the past." });
    const values = checkPointValues(measure.type, p);
    if ("error" in values) return errors.push({ row, reason: values.error });
    const first = seen.get(periodStart.getTime());
    if (first !== undefined) return errors.push({ row, reason: `Same period as row ${first} (${periodStart.toISOString().slice(0, 10)}).` });
    seen.set(periodStart.getTime(), row);
    out.push({ ...values, periodStart, note: p.note ?? null });
  });
  return { points: errors.length ? [] : out, errors };
}
