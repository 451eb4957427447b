"use client";

import { useState, type KeyboardEvent } from "react";
import { CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartRow, ChartView } from "@/lib/measures/display-series.ts";
import { formatMissing, formatPeriod, formatTick, formatValue, formatX, SIGNAL_TEXT } from "./chart-format.ts";
import { ChartLegend, ChartTable } from "./chart-table.tsx";
import { COLORS, SignalDot } from "./signal-dot.tsx";

type Props = {
  view: ChartView;
  title: string;
  kindLabel: string;
  /** Appended to values: "%" or " omissions". */
  suffix: string;
  direction: "UP" | "DOWN";
};

function describe(row: ChartRow, suffix: string, hasLimits: boolean, unit: ChartView["periodUnit"]): string {
  if (row.gap) return `${formatPeriod(row)}: ${formatMissing(row.gap.periods, unit).toLowerCase()}`;
  const parts = [`${formatX(row.x)}: ${formatValue(row.value, suffix)}`];
  if (row.cl !== null) parts.push(`centre ${formatValue(row.cl, suffix)}`);
  if (hasLimits && (row.lcl !== null || row.ucl !== null)) parts.push(`limits ${formatValue(row.lcl, suffix)} to ${formatValue(row.ucl, suffix)}`);
  if (row.signal) parts.push(`signal: ${SIGNAL_TEXT[row.signal]}`);
  if (row.note) parts.push(`note: ${row.note}`);
  return parts.join(", ");
}

function EventMarker({ viewBox, kind, label }: { viewBox?: { x?: number; y?: number }; kind: "guideline" | "experiment"; label: string }) {
  const x = viewBox?.x ?? 0;
  const y = (viewBox?.y ?? 0) + 2;
  // Guideline versions are squares marked G, experiments circles marked E; <title> shows on hover.
  return (
    <g role="img" aria-label={label}>
      <title>{label}</title>
      {kind === "guideline" ? <rect x={x - 8} y={y} width={16} height={16} rx={2} fill="#0f766e" /> : <circle cx={x} cy={y + 8} r={8.5} fill="#7c3aed" />}
      <text x={x} y={y + 12} textAnchor="middle" fontSize={11} fontWeight={700} fill="#fff">
        {kind === "guideline" ? "G" : "E"}
      </text>
    </g>
  );
}

export function SpcChart({ view, title, kindLabel, suffix, direction }: Props) {
  const [showTable, setShowTable] = useState(false);
  const [active, setActive] = useState<number | null>(null);
  const rows = view.rows;
  const activeRow = active === null ? null : rows[active];
  // Gap rows only break the line; the counts are of real points.
  const points = rows.filter((r) => !r.gap).length;
  // Dense series: plain dots become noise, so only signal points (and the focused one) get markers.
  const plainDots = points <= 120;

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (!rows.length) return;
    const last = rows.length - 1;
    const moves: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    let next: number | null = null;
    if (e.key in moves) next = active === null ? (moves[e.key]! > 0 ? 0 : last) : Math.min(last, Math.max(0, active + moves[e.key]!));
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = last;
    else if (e.key === "Escape") next = null;
    else return;
    e.preventDefault();
    setActive(next);
  }

  if (!rows.length) {
    return <p className="rounded-md border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">No data in this range yet. Add a point to start the chart.</p>;
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-700">
          {view.totalPoints > points ? `Showing ${points} of ${view.totalPoints} points (signals are computed on all of them).` : `${points} points.`}{" "}
          {view.missingPeriods ? <span data-testid="chart-gaps">{formatMissing(view.missingPeriods, view.periodUnit)}, shown as gaps in the line. </span> : null}
          {direction === "UP" ? "Higher is better." : "Lower is better."}
        </p>
        <button
          type="button"
          aria-pressed={showTable}
          onClick={() => setShowTable((s) => !s)}
          className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-semibold text-slate-800 hover:bg-slate-100"
        >
          {showTable ? "Show chart" : "Show data table"}
        </button>
      </div>

      {showTable ? (
        <ChartTable rows={rows} suffix={suffix} hasLimits={view.hasLimits} unit={view.periodUnit} caption={`${title}: ${kindLabel}`} />
      ) : (
        <>
          <div
            tabIndex={0}
            role="group"
            aria-roledescription="chart"
            aria-label={`${title}: ${kindLabel}. Use the arrow keys to move between points, Home and End for the first and last.`}
            onKeyDown={onKeyDown}
            onBlur={() => setActive(null)}
            className="h-72 w-full rounded-md bg-white sm:h-96"
            data-testid="spc-chart"
          >
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart data={rows} margin={{ top: 24, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
                <CartesianGrid stroke="#e2e8f0" vertical={false} />
                {view.phases.map((p) =>
                  p.index % 2 === 1 ? <ReferenceArea key={`phase-${p.index}`} x1={p.start} x2={p.end} fill="#f1f5f9" fillOpacity={1} ifOverflow="extendDomain" /> : null,
                )}
                {rows.map((r) =>
                  r.gap ? <ReferenceArea key={`gap-${r.x}`} x1={r.x} x2={r.gap.end} fill={COLORS.gap} fillOpacity={0.6} ifOverflow="extendDomain" /> : null,
                )}
                <XAxis dataKey="x" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={formatTick} tick={{ fontSize: 12, fill: "#334155" }} minTickGap={24} />
                <YAxis tick={{ fontSize: 12, fill: "#334155" }} width={56} tickFormatter={(v: number) => formatValue(v, suffix.trim() === "%" ? "%" : "")} domain={["auto", "auto"]} />
                <Tooltip
                  labelFormatter={(x) => formatX(Number(x))}
                  formatter={(v, name) => [formatValue(typeof v === "number" ? v : null, suffix), String(name)]}
                  contentStyle={{ fontSize: 13 }}
                />
                {view.hasLimits ? (
                  <>
                    <Line dataKey="ucl" name="Upper limit" type="step" stroke={COLORS.limit} strokeDasharray="5 4" dot={false} activeDot={false} isAnimationActive={false} connectNulls={false} />
                    <Line dataKey="lcl" name="Lower limit" type="step" stroke={COLORS.limit} strokeDasharray="5 4" dot={false} activeDot={false} isAnimationActive={false} connectNulls={false} />
                  </>
                ) : null}
                <Line dataKey="cl" name={view.hasLimits ? "Centre line" : "Median"} type="step" stroke={COLORS.centre} strokeWidth={2} dot={false} activeDot={false} isAnimationActive={false} />
                {view.target !== null ? (
                  <ReferenceLine y={view.target} stroke={COLORS.target} strokeDasharray="1 4" strokeWidth={2} ifOverflow="extendDomain" label={{ value: `Target ${formatValue(view.target, suffix)}`, position: "insideTopRight", fill: COLORS.target, fontSize: 12 }} />
                ) : null}
                <Line
                  dataKey="value"
                  name="Value"
                  stroke={COLORS.data}
                  strokeWidth={plainDots ? 1.5 : 1}
                  isAnimationActive={false}
                  connectNulls={false}
                  dot={(props) => <SignalDot key={`dot-${props.index}`} cx={props.cx} cy={props.cy} signal={(props.payload as ChartRow).signal} active={props.index === active} plain={plainDots} />}
                />
                {view.events.map((e, i) => (
                  <ReferenceLine key={`event-${i}`} x={e.x} stroke={e.kind === "guideline" ? "#0f766e" : "#7c3aed"} strokeDasharray="2 3" label={<EventMarker kind={e.kind} label={e.label} />} />
                ))}
                {activeRow && activeRow.value !== null ? <ReferenceDot x={activeRow.x} y={activeRow.value} r={10} fill="none" stroke={COLORS.active} strokeWidth={2} /> : null}
              </ComposedChart>
            </ResponsiveContainer>
          </div>
          <p aria-live="polite" className="min-h-6 text-sm text-slate-800" data-testid="chart-focus">
            {activeRow ? describe(activeRow, suffix, view.hasLimits, view.periodUnit) : ""}
          </p>
          <ChartLegend hasLimits={view.hasLimits} hasTarget={view.target !== null} hasGaps={view.missingPeriods > 0} events={view.events} />
        </>
      )}
    </div>
  );
}
