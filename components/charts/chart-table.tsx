import type { ChartRow, ChartView } from "@/lib/measures/display-series.ts";
import { formatMissing, formatPeriod, formatValue, formatX, SIGNAL_TEXT } from "./chart-format.ts";
import { LegendShape } from "./signal-dot.tsx";

/** The chart as a table: every drawn point, reachable by keyboard and screen reader. */
export function ChartTable({ rows, suffix, hasLimits, unit, caption }: { rows: ChartRow[]; suffix: string; hasLimits: boolean; unit: ChartView["periodUnit"]; caption: string }) {
  return (
    <div className="max-h-[28rem] overflow-auto rounded-md border border-slate-200 bg-white" tabIndex={0} role="region" aria-label={`${caption} as a table`}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-slate-100 text-slate-800">
          <tr>
            <th scope="col" className="px-3 py-2">Period</th>
            <th scope="col" className="px-3 py-2">Value</th>
            <th scope="col" className="px-3 py-2">{hasLimits ? "Centre" : "Median"}</th>
            {hasLimits ? <th scope="col" className="px-3 py-2">Limits</th> : null}
            <th scope="col" className="px-3 py-2">Signal</th>
            <th scope="col" className="px-3 py-2">Note</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((r) =>
            r.gap ? (
              <tr key={`gap-${r.x}`} className="bg-amber-50 text-slate-700" data-testid="chart-gap-row">
                <th scope="row" className="whitespace-nowrap px-3 py-2 font-medium">{formatPeriod(r)}</th>
                <td colSpan={hasLimits ? 5 : 4} className="px-3 py-2 italic">{formatMissing(r.gap.periods, unit)}</td>
              </tr>
            ) : (
              <tr key={r.index} className={r.signal ? "bg-red-50/50" : ""}>
                <th scope="row" className="whitespace-nowrap px-3 py-2 font-medium">{formatX(r.x)}</th>
                <td className="px-3 py-2">{formatValue(r.value, suffix)}</td>
                <td className="px-3 py-2">{formatValue(r.cl, suffix)}</td>
                {hasLimits ? <td className="whitespace-nowrap px-3 py-2">{r.lcl === null && r.ucl === null ? "—" : `${formatValue(r.lcl, suffix)} – ${formatValue(r.ucl, suffix)}`}</td> : null}
                <td className="px-3 py-2">{r.signal ? SIGNAL_TEXT[r.signal] : ""}</td>
                <td className="px-3 py-2 text-slate-700">{r.note ?? ""}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

export function ChartLegend({ hasLimits, hasTarget, hasGaps = false, events }: { hasLimits: boolean; hasTarget: boolean; hasGaps?: boolean; events: ChartView["events"] }) {
  const item = "flex items-center gap-1.5";
  return (
    <div className="space-y-2 text-sm text-slate-700">
      <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label="Legend">
        <li className={item}><LegendShape kind="data" /> Data</li>
        <li className={item}><LegendShape kind="centre" /> {hasLimits ? "Centre line" : "Median"}</li>
        {hasLimits ? <li className={item}><LegendShape kind="limit" /> Control limits</li> : null}
        {hasLimits ? <li className={item}><LegendShape kind="above" /> Outside the limits</li> : null}
        <li className={item}><LegendShape kind="run" /> Part of a long run</li>
        {hasTarget ? <li className={item}><LegendShape kind="target" /> Target</li> : null}
        {hasGaps ? <li className={item}><span aria-hidden="true" className="inline-block h-3.5 w-[22px] shrink-0 border border-amber-300 bg-amber-100" /> No data</li> : null}
      </ul>
      {events.length ? (
        <ul className="space-y-1" aria-label="Phase changes">
          {events.map((e, i) => (
            <li key={i} className={item}>
              <span aria-hidden="true" className={`inline-flex h-4 w-4 items-center justify-center text-[10px] font-bold text-white ${e.kind === "guideline" ? "rounded-sm bg-teal-700" : "rounded-full bg-violet-600"}`}>
                {e.kind === "guideline" ? "G" : "E"}
              </span>
              <span>
                {formatX(e.x)}: {e.label}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
