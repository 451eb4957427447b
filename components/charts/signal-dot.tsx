// Point markers: signals differ by shape as well as colour, so they stay distinct without colour vision.
export const COLORS = {
  data: "#334155", // slate-700
  centre: "#0f766e", // teal-700
  limit: "#64748b", // slate-500
  outside: "#b91c1c", // red-700
  run: "#b45309", // amber-700
  target: "#1d4ed8", // blue-700
  active: "#0f172a",
  gap: "#fef3c7", // amber-100: periods without data
} as const;

type Props = { cx?: number | undefined; cy?: number | undefined; signal: "above" | "below" | "run" | null; active?: boolean; plain?: boolean };

export function SignalDot({ cx, cy, signal, active, plain = true }: Props) {
  if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return null;
  const ring = active ? <circle cx={cx} cy={cy} r={9} fill="none" stroke={COLORS.active} strokeWidth={2} /> : null;
  if (signal === "above" || signal === "below") {
    const r = 6;
    return (
      <g>
        <path d={`M${cx},${cy - r}L${cx + r},${cy}L${cx},${cy + r}L${cx - r},${cy}Z`} fill={COLORS.outside} stroke="#fff" strokeWidth={1} />
        {ring}
      </g>
    );
  }
  if (signal === "run") {
    const r = 5.5;
    return (
      <g>
        <path d={`M${cx},${cy - r}L${cx + r},${cy + r * 0.8}L${cx - r},${cy + r * 0.8}Z`} fill={COLORS.run} stroke="#fff" strokeWidth={1} />
        {ring}
      </g>
    );
  }
  if (!plain && !active) return null;
  return (
    <g>
      <circle cx={cx} cy={cy} r={3} fill={COLORS.data} />
      {ring}
    </g>
  );
}

/** Legend swatches drawn with the same shapes as the chart. */
export function LegendShape({ kind }: { kind: "data" | "above" | "run" | "centre" | "limit" | "target" }) {
  return (
    <svg width="22" height="14" aria-hidden="true" className="inline-block shrink-0 align-middle">
      {kind === "data" ? <><line x1="0" y1="7" x2="22" y2="7" stroke={COLORS.data} strokeWidth="2" /><circle cx="11" cy="7" r="3" fill={COLORS.data} /></> : null}
      {kind === "above" ? <path d="M11,1L17,7L11,13L5,7Z" fill={COLORS.outside} /> : null}
      {kind === "run" ? <path d="M11,1.5L16.5,12L5.5,12Z" fill={COLORS.run} /> : null}
      {kind === "centre" ? <line x1="0" y1="7" x2="22" y2="7" stroke={COLORS.centre} strokeWidth="2" /> : null}
      {kind === "limit" ? <line x1="0" y1="7" x2="22" y2="7" stroke={COLORS.limit} strokeWidth="1.5" strokeDasharray="4 3" /> : null}
      {kind === "target" ? <line x1="0" y1="7" x2="22" y2="7" stroke={COLORS.target} strokeWidth="2" strokeDasharray="1 3" /> : null}
    </svg>
  );
}
