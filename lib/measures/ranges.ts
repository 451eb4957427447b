// Time windows offered above a chart. Signals are computed within the window shown, so a short
// window answers "what changed lately" and "All" the long view.
export const CHART_RANGES = [
  { key: "13w", label: "13 weeks", days: 91 },
  { key: "1y", label: "1 year", days: 365 },
  { key: "all", label: "All", days: null },
] as const;
export type ChartRange = (typeof CHART_RANGES)[number];
export type ChartRangeKey = ChartRange["key"];

export const chartRange = (key: string | undefined): ChartRange => CHART_RANGES.find((r) => r.key === key) ?? CHART_RANGES[2];

/** The window's start, or undefined for all data. */
export function chartRangeFrom(range: ChartRange, now: Date = new Date()): Date | undefined {
  return range.days === null ? undefined : new Date(now.getTime() - range.days * 86_400_000);
}
