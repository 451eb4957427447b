// Formatting shared by the chart and its table: fixed locale and UTC, as in lib/format.
const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const shortDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const number = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

export const formatX = (ms: number) => day.format(new Date(ms));
export const formatTick = (ms: number) => shortDay.format(new Date(ms));

/** "92.5%" for percentages, "3 omissions" for counts with a unit. */
export function formatValue(value: number | null, suffix: string): string {
  if (value === null || !Number.isFinite(value)) return "—";
  return `${number.format(value)}${suffix}`;
}

export const SIGNAL_TEXT = {
  above: "above the upper limit",
  below: "below the lower limit",
  run: "part of a long run (shift)",
} as const;

/** "No data for 3 weeks" (or "for 1 week"); the unit is the measure's period. */
export function formatMissing(periods: number, unit: string | null): string {
  return unit ? `No data for ${periods} ${unit}${periods === 1 ? "" : "s"}` : "No data";
}

/** The period a row stands for: one date, or the first and last period of a gap. */
export function formatPeriod(row: { x: number; gap: { last: number } | null }): string {
  return row.gap && row.gap.last !== row.x ? `${formatX(row.x)} – ${formatX(row.gap.last)}` : formatX(row.x);
}
