"use client";
import type { OutboxItem } from "./outbox.ts";

type Choice = { readonly value: string; readonly label: string };

/** Radio buttons drawn as big toggle buttons (≥ 48 px), still native radios for keyboards and screen readers. */
export function ChoiceGroup({ id, name, legend, options, value, onChange, error, columns }: {
  id: string;
  name: string;
  legend: string;
  options: readonly Choice[];
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  columns: 2 | 3;
}) {
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={error ? `${id}-error` : undefined} className="space-y-2">
      <legend className="text-base font-semibold text-slate-900">{legend}</legend>
      <div className={`grid gap-2 ${columns === 2 ? "grid-cols-2" : "grid-cols-3"}`}>
        {options.map((o) => (
          <label key={o.value} className="relative">
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} className="peer sr-only" />
            <span className="flex min-h-12 cursor-pointer items-center justify-center rounded-lg border-2 border-slate-300 bg-white px-2 py-2 text-center text-base font-semibold text-slate-800 peer-checked:border-teal-700 peer-checked:bg-teal-700 peer-checked:text-white peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-teal-700">
              {o.label}
            </span>
          </label>
        ))}
      </div>
      {error ? <p id={`${id}-error`} className="text-sm font-semibold text-red-700">{error}</p> : null}
    </fieldset>
  );
}

/** What waits on this phone: queued reports, ones the server refused, and receipt codes from replays. */
export function OutboxStatus({ queued, failed, needsSignIn, receipts, onRetry, onDiscard }: {
  queued: number;
  failed: OutboxItem[];
  needsSignIn: boolean;
  receipts: string[];
  onRetry: () => void;
  onDiscard: (id: string) => void;
}) {
  if (!queued && !failed.length && !receipts.length) return null;
  return (
    <div className="space-y-2" data-testid="outbox">
      {queued > 0 ? (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          {needsSignIn ? (
            <p>
              <a className="font-semibold underline" href="/sign-in?callbackUrl=%2Fcapture">Sign in to send {queued} queued {queued === 1 ? "report" : "reports"}</a>
            </p>
          ) : (
            <p><strong>{queued}</strong> {queued === 1 ? "report" : "reports"} queued on this phone</p>
          )}
          <button type="button" onClick={onRetry} className="min-h-12 rounded-lg border border-amber-400 bg-white px-3 font-semibold">Send now</button>
        </div>
      ) : null}
      {failed.map((item) => (
        <div key={item.clientSubmissionId} className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          <p>Not sent: “{String(item.body.text ?? "").slice(0, 60)}”. {item.error}</p>
          <button type="button" onClick={() => onDiscard(item.clientSubmissionId)} className="mt-1 min-h-12 rounded-lg border border-red-300 bg-white px-3 font-semibold">Discard</button>
        </div>
      ))}
      {receipts.map((code) => (
        <p key={code} className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900">
          A queued anonymous report was sent. Receipt code: <strong className="font-mono">{code}</strong>
        </p>
      ))}
    </div>
  );
}
