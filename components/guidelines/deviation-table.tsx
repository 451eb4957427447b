import type { VersionDeviations } from "@/lib/guidelines/deviation-analysis.ts";

/** Deviations per version and step, with reasons grouped; the current version first and open. */
export function DeviationTables({ versions, currentId }: { versions: VersionDeviations[]; currentId: string | null }) {
  const withData = versions.filter((v) => v.total > 0);
  if (!withData.length) return <p className="text-sm text-slate-600">No deviations recorded against this guideline yet.</p>;
  const ordered = [...withData].sort((a, b) => Number(b.versionId === currentId) - Number(a.versionId === currentId) || b.number - a.number);
  return (
    <div className="space-y-3">
      {ordered.map((v) => (
        <details key={v.versionId} open={v.versionId === currentId} className="rounded-lg border border-slate-200 bg-white p-3">
          <summary className="cursor-pointer font-semibold text-slate-900">
            Version {v.number}: {v.total} {v.total === 1 ? "deviation" : "deviations"}
            {v.withoutStep ? ` (${v.withoutStep} not tied to a step)` : ""}
          </summary>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200 text-slate-700">
                  <th scope="col" className="py-1 pr-3">Step</th>
                  <th scope="col" className="py-1 pr-3 text-right">Deviations</th>
                  <th scope="col" className="py-1">Reasons given</th>
                </tr>
              </thead>
              <tbody>
                {v.steps.map((s) => (
                  <tr key={s.stepId} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-1 pr-3 font-normal">{s.position}. {s.title}</th>
                    <td className="py-1 pr-3 text-right tabular-nums">{s.count}</td>
                    <td className="py-1">{s.reasons.length ? s.reasons.map((r) => `${r.reason} (${r.count})`).join("; ") : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ))}
    </div>
  );
}
