"use client";

import { useAction } from "next-safe-action/hooks";
import { useState, type FormEvent } from "react";
import { recordPointAction } from "@/app/(app)/teams/[teamId]/measures/actions.ts";
import { normalisePeriod, parsePeriod, usesFraction } from "@/lib/measures/rules.ts";
import type { MeasureFrequency, MeasureType } from "@/lib/measures/schema.ts";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { formatX } from "@/components/charts/chart-format.ts";
import { Tally } from "./tally.tsx";

type Props = {
  measureId: string;
  type: MeasureType;
  frequency: MeasureFrequency;
  unit: string;
  currentPeriod: string;
  /** The server's clock (ISO), so the first render matches on server and client. */
  now: string;
  current: { value: number | null; numerator: number | null; denominator: number | null } | null;
};

const PERIOD_WORD: Record<MeasureFrequency, string> = { DAILY: "day", WEEKLY: "week starting", MONTHLY: "month starting" };
const big = "min-h-14 text-lg";

function periodLabel(date: string, frequency: MeasureFrequency, type: MeasureType): string {
  if (type === "TIME_BETWEEN") return "Time in UTC.";
  const d = parsePeriod(date);
  if (Number.isNaN(d.getTime())) return "";
  return `Counts for the ${PERIOD_WORD[frequency]} ${formatX(normalisePeriod(d, frequency, type).getTime())}.`;
}

const toNumber = (s: FormDataEntryValue | null): number | null => {
  const t = String(s ?? "").trim();
  return t === "" ? null : Number(t);
};

/** Quick entry for one period, big enough for a phone; counts also get a tally with +1 / −1 buttons. */
export function DataEntry({ measureId, type, frequency, unit, currentPeriod, now, current }: Props) {
  const today = currentPeriod.slice(0, 10);
  const tallyKind = type === "COUNT" ? "count" : type === "PROPORTION" ? "proportion" : null;
  const [mode, setMode] = useState<"form" | "tally">(tallyKind ? "tally" : "form");
  // Time between events records each event's moment, so it asks for a time as well.
  const events = type === "TIME_BETWEEN";
  const [period, setPeriod] = useState(now.slice(0, events ? 16 : 10));
  const { executeAsync, result, isPending, reset } = useAction(recordPointAction);
  const fraction = usesFraction(type);
  const saved = result.data;

  async function submitForm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const note = String(form.get("note") ?? "").trim();
    const values = fraction
      ? { numerator: toNumber(form.get("numerator")), denominator: toNumber(form.get("denominator")) }
      : { value: toNumber(form.get("value")) };
    // The app shows every time in UTC, so the event time is read as UTC too.
    const when = events && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(period) ? `${period}:00Z` : period;
    const outcome = await executeAsync({ measureId, source: "MANUAL", point: { period: when, ...values, ...(note ? { note } : {}) } });
    if (outcome?.data) element.reset();
  }

  const submitTally = (values: { value?: number; numerator?: number; denominator?: number }) =>
    executeAsync({ measureId, source: "TALLY", point: { period: today, ...values } });

  return (
    <div className="space-y-4">
      {tallyKind ? (
        <div role="group" aria-label="Entry mode" className="inline-flex rounded-md border border-slate-300 bg-white p-1">
          {(["tally", "form"] as const).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={mode === m}
              onClick={() => {
                setMode(m);
                reset();
              }}
              className={`min-h-11 rounded px-4 text-sm font-semibold ${mode === m ? "bg-teal-700 text-white" : "text-slate-800 hover:bg-slate-100"}`}
            >
              {m === "tally" ? "Tally" : "Enter a value"}
            </button>
          ))}
        </div>
      ) : null}

      {mode === "tally" ? (
        <div className="space-y-3">
          <p className="text-sm text-slate-700">{periodLabel(today, frequency, type)} {tallyKind === "proportion" ? "Tap +1 for each one you observe, then save." : "Tap +1 each time it happens, then save."}</p>
          <Tally kind={tallyKind ?? "count"} current={current} unit={unit} pending={isPending} onSubmit={submitTally} storageKey={`tally:${measureId}:${today}`} />
        </div>
      ) : (
        <form onSubmit={submitForm} className="grid gap-4" noValidate>
          <TextField id="point-period" name="period" type={events ? "datetime-local" : "date"} label={events ? "When it happened" : "Date"} required value={period} onChange={(e) => setPeriod(e.target.value)} hint={periodLabel(period, frequency, type)} className={big} />
          {fraction ? (
            <>
              <TextField id="point-numerator" name="numerator" label={type === "PROPORTION" ? "Numerator (e.g. done correctly)" : "Count (numerator)"} inputMode="decimal" required className={big} />
              <TextField id="point-denominator" name="denominator" label={type === "PROPORTION" ? "Denominator (all observed)" : "Exposure (denominator)"} inputMode="decimal" required className={big} />
            </>
          ) : (
            <TextField id="point-value" name="value" label={`Value${unit ? ` (${unit})` : ""}`} inputMode="decimal" required className={big} />
          )}
          <TextField id="point-note" name="note" label="Note (optional)" maxLength={1000} className={big} />
          <Button type="submit" className={big} pending={isPending} pendingLabel="Saving…">
            Save point
          </Button>
        </form>
      )}

      {result.serverError ? <Alert tone="error">{result.serverError}</Alert> : null}
      {result.validationErrors ? <Alert tone="error">Check the values: numbers only, and a valid date.</Alert> : null}
      {saved ? (
        <Alert tone="success">
          {saved.status === "created" ? "Saved" : "Updated the existing point"} for {formatX(Date.parse(saved.periodStart))}. The chart below is up to date.
        </Alert>
      ) : null}
    </div>
  );
}
