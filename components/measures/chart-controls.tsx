// Chart options as plain links and a GET form: they work without JavaScript and keep the state in
// the URL, so a chart can be shared exactly as seen.
import Link from "next/link";
import { CHART_KIND_LABELS } from "@/lib/measures/rules.ts";
import { CHART_RANGES, type ChartRangeKey } from "@/lib/measures/ranges.ts";
import type { ChartKind } from "@/lib/measures/schema.ts";

export type ChartState = { kind: ChartKind; phases: boolean; range: ChartRangeKey; baseline: number | null };

export function chartHref(base: string, s: ChartState): string {
  const q = new URLSearchParams({ kind: s.kind });
  if (!s.phases) q.set("phases", "false");
  if (s.range !== "all") q.set("range", s.range);
  if (s.baseline !== null) q.set("baseline", String(s.baseline));
  return `${base}?${q.toString()}`;
}

const pill = (on: boolean) =>
  `inline-flex min-h-11 items-center rounded-md border px-3 text-sm font-semibold ${on ? "border-teal-700 bg-teal-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"}`;

export function ChartControls({ base, kinds, state }: { base: string; kinds: ChartKind[]; state: ChartState }) {
  const href = (change: Partial<ChartState>) => chartHref(base, { ...state, ...change });
  return (
    <div className="space-y-2">
      <nav aria-label="Chart type" className="flex flex-wrap gap-2">
        {kinds.map((k) => (
          <Link key={k} href={href({ kind: k })} aria-current={k === state.kind ? "page" : undefined} className={pill(k === state.kind)}>
            {CHART_KIND_LABELS[k]}
          </Link>
        ))}
        <Link href={href({ phases: !state.phases })} className="inline-flex min-h-11 items-center rounded-md px-3 text-sm font-semibold text-teal-800 underline">
          {state.phases ? "One phase (ignore changes)" : "Split into phases at changes"}
        </Link>
      </nav>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <nav aria-label="Time range" className="flex flex-wrap items-center gap-1">
          <span className="mr-1 text-slate-700">Show:</span>
          {CHART_RANGES.map((r) => (
            <Link key={r.key} href={href({ range: r.key })} aria-current={r.key === state.range ? "page" : undefined} className={`inline-flex min-h-11 items-center rounded-md px-3 font-semibold ${r.key === state.range ? "bg-slate-800 text-white" : "text-teal-800 underline"}`}>
              {r.label}
            </Link>
          ))}
        </nav>
        <form action={base} className="flex items-center gap-2">
          <input type="hidden" name="kind" value={state.kind} />
          {state.phases ? null : <input type="hidden" name="phases" value="false" />}
          {state.range !== "all" ? <input type="hidden" name="range" value={state.range} /> : null}
          <label htmlFor="chart-baseline" className="text-slate-700">Freeze limits to the first</label>
          <input id="chart-baseline" name="baseline" type="number" min={2} inputMode="numeric" defaultValue={state.baseline ?? ""} className="min-h-11 w-20 rounded-md border border-slate-400 bg-white px-2" />
          <span className="text-slate-700">points</span>
          <button type="submit" className="min-h-11 rounded-md border border-slate-300 bg-white px-3 font-semibold text-slate-800 hover:bg-slate-100">Apply</button>
          {state.baseline !== null ? (
            <Link href={href({ baseline: null })} className="font-semibold text-teal-800 underline">Unfreeze</Link>
          ) : null}
        </form>
      </div>
    </div>
  );
}
