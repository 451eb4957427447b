"use client";

import { useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button.tsx";

type Current = { value: number | null; numerator: number | null; denominator: number | null } | null;
type Submit = (values: { value?: number; numerator?: number; denominator?: number }) => Promise<unknown>;
type Counts = { count: number; done: number; missed: number };

const CHANGED = "learning-loop:tally";
function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

/**
 * Unsaved taps live in localStorage (per measure and period) until a save succeeds, so a reload
 * or a dropped connection mid-shift loses nothing. The server render has no storage: it shows the
 * recorded values, and the phone's own counts take over after hydration.
 */
function useStoredCounts(key: string, recorded: Counts): [Counts, (next: Counts) => void, () => void] {
  const raw = useSyncExternalStore(subscribe, () => localStorage.getItem(key), () => null);
  let counts = recorded;
  try {
    const parsed = raw ? (JSON.parse(raw) as Partial<Counts>) : null;
    if (parsed && [parsed.count, parsed.done, parsed.missed].every((n) => Number.isInteger(n) && (n as number) >= 0)) counts = parsed as Counts;
  } catch {
    // unreadable: fall back to the recorded values
  }
  const notify = () => window.dispatchEvent(new Event(CHANGED));
  const set = (next: Counts) => {
    localStorage.setItem(key, JSON.stringify(next));
    notify();
  };
  const clear = () => {
    localStorage.removeItem(key);
    notify();
  };
  return [counts, set, clear];
}

const bigButton = "h-20 w-24 rounded-lg text-3xl font-bold";

function Counter({ label, count, onChange, testId }: { label: string; count: number; onChange: (n: number) => void; testId: string }) {
  return (
    <div className="space-y-1">
      <p className="text-sm font-semibold text-slate-800">{label}</p>
      <div className="flex items-center justify-between gap-3">
        <button type="button" onClick={() => onChange(Math.max(0, count - 1))} aria-label={`${label}: minus one`} className={`${bigButton} border-2 border-slate-400 bg-white text-slate-800 active:bg-slate-100`}>
          −1
        </button>
        <output aria-live="polite" aria-label={`${label} so far`} className="min-w-16 text-center text-5xl font-bold tabular-nums text-slate-900" data-testid={testId}>
          {count}
        </output>
        <button type="button" onClick={() => onChange(count + 1)} aria-label={`${label}: plus one`} className={`${bigButton} bg-teal-700 text-white active:bg-teal-800`}>
          +1
        </button>
      </div>
    </div>
  );
}

/** Counting during a shift with big buttons; counts start from what is already recorded for the period. */
export function Tally({ kind, current, unit, pending, onSubmit, storageKey }: { kind: "count" | "proportion"; current: Current; unit: string; pending: boolean; onSubmit: Submit; storageKey: string }) {
  const recorded: Counts = {
    count: current?.value ?? 0,
    done: current?.numerator ?? 0,
    missed: current?.numerator != null && current.denominator != null ? current.denominator - current.numerator : 0,
  };
  const [counts, setCounts, clear] = useStoredCounts(storageKey, recorded);
  const save = async (values: Parameters<Submit>[0]) => {
    const outcome = (await onSubmit(values)) as { data?: unknown } | undefined;
    if (outcome?.data) clear();
  };

  if (kind === "count") {
    return (
      <div className="space-y-3">
        <Counter label="Count" count={counts.count} onChange={(count) => setCounts({ ...counts, count })} testId="tally-count" />
        <Button className="min-h-14 w-full text-lg" onClick={() => save({ value: counts.count })} pending={pending} pendingLabel="Saving…">
          Save count ({counts.count}{unit ? ` ${unit}` : ""})
        </Button>
      </div>
    );
  }
  const total = counts.done + counts.missed;
  return (
    <div className="space-y-4">
      <Counter label="Done as intended" count={counts.done} onChange={(done) => setCounts({ ...counts, done })} testId="tally-done" />
      <Counter label="Missed" count={counts.missed} onChange={(missed) => setCounts({ ...counts, missed })} testId="tally-missed" />
      <Button className="min-h-14 w-full text-lg" onClick={() => save({ numerator: counts.done, denominator: total })} pending={pending} pendingLabel="Saving…" disabled={total === 0}>
        Save {counts.done} of {total}
        {total ? ` (${Math.round((100 * counts.done) / total)}%)` : ""}
      </Button>
    </div>
  );
}
