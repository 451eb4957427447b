import type { RevisionQueueItem } from "@/lib/guidelines/deviation-analysis.ts";

/** The steps of the version in use that drew the most deviations lately, with their top reasons. */
export function RevisionQueue({ items, sinceDays }: { items: RevisionQueueItem[]; sinceDays: number }) {
  if (!items.length) return <p className="text-sm text-slate-600">No deviations recorded in the last {sinceDays} days.</p>;
  return (
    <ol className="space-y-3">
      {items.map((item) => (
        <li key={item.key} className="rounded-lg border border-amber-200 bg-amber-50 p-3">
          <p className="font-semibold text-slate-900">Step {item.position}: {item.title}</p>
          <p className="text-sm text-amber-900">{item.count} {item.count === 1 ? "deviation" : "deviations"}</p>
          {item.reasons.length ? (
            <ul className="mt-1 list-disc pl-5 text-sm text-slate-800">
              {item.reasons.map((r) => <li key={r.reason}>{r.reason} ({r.count})</li>)}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
