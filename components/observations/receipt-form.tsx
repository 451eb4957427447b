"use client";
import { useState, type FormEvent } from "react";
import { useAction } from "next-safe-action/hooks";
import { lookupReceiptAction } from "@/app/receipt/actions.ts";
import { Thread } from "./thread.tsx";

const KIND_LABELS: Record<string, string> = { deviation: "Deviation", problem: "Problem", near_miss: "Near miss", workaround: "Workaround", idea: "Idea", praise: "Praise" };
const STATUS_LABELS: Record<string, string> = { new: "New: not looked at yet", acknowledged: "Acknowledged", acted: "Acted on", closed: "Closed" };

export function ReceiptForm() {
  const [code, setCode] = useState("");
  const { execute, result, isPending } = useAction(lookupReceiptAction);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    execute({ code });
  };
  const receipt = result.data?.receipt;
  const notFound = result.data && !receipt;
  const error = result.serverError ?? result.validationErrors?.code?._errors?.[0];
  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="space-y-3">
        <label htmlFor="receipt-code" className="block text-base font-semibold text-slate-900">Receipt code</label>
        <input
          id="receipt-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="LL-ABCD-EFGH"
          className="block min-h-12 w-full rounded-lg border border-slate-400 bg-white px-3 font-mono text-lg tracking-wider"
        />
        <button type="submit" disabled={isPending} className="min-h-12 w-full rounded-lg bg-teal-700 px-4 text-base font-bold text-white hover:bg-teal-800 disabled:opacity-60">
          {isPending ? "Looking…" : "Show my report and replies"}
        </button>
      </form>
      <div aria-live="polite">
        {error ? <p className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-red-800">{error}</p> : null}
        {notFound ? <p className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">No report has that code. Check it and try again.</p> : null}
        {receipt ? (
          <article className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <header>
              <p className="text-sm text-slate-600">{KIND_LABELS[receipt.kind] ?? receipt.kind} · {receipt.teamName}</p>
              <p className="mt-1 text-base whitespace-pre-wrap text-slate-900">{receipt.text}</p>
              <p className="mt-2 text-sm font-semibold text-slate-800">Status: {STATUS_LABELS[receipt.status] ?? receipt.status}</p>
            </header>
            <section aria-labelledby="replies-heading">
              <h2 id="replies-heading" className="text-lg font-semibold text-slate-900">Replies</h2>
              {receipt.replies.length ? <Thread comments={receipt.replies} /> : <p className="text-slate-700">No replies yet. Check again later.</p>}
            </section>
          </article>
        ) : null}
      </div>
    </div>
  );
}
