import Link from "next/link";
import { formatDate } from "@/lib/format/dates.ts";
import { GuidelineStatusBadge, OverdueBadge } from "./status-badge.tsx";

type VersionSummary = { id: string; number: number; status: string; title: string; changeSummary: string; createdAt: Date; adoptedAt: Date | null; overdue: boolean; current: boolean; author: { name: string } | null };

/** Version history plus a compare form (any two versions, step by step). */
export function VersionHistory({ base, versions }: { base: string; versions: VersionSummary[] }) {
  const [newest, previous] = versions;
  return (
    <div className="space-y-4">
      <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {versions.map((v) => (
          <li key={v.id} className="px-3 py-3">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`${base}/versions/${v.number}`} className="font-semibold text-teal-800 underline">Version {v.number}</Link>
              <GuidelineStatusBadge status={v.status} />
              {v.current ? <span className="text-sm font-medium text-teal-800">Current</span> : null}
              {v.overdue ? <OverdueBadge /> : null}
              <span className="text-sm text-slate-600">{v.author ? `${v.author.name} · ` : ""}{formatDate(v.adoptedAt ?? v.createdAt)}</span>
            </div>
            {v.changeSummary ? <p className="mt-1 text-sm text-slate-700">{v.changeSummary}</p> : null}
          </li>
        ))}
      </ol>
      {versions.length > 1 ? (
        <form method="get" action={`${base}/compare`} className="flex flex-wrap items-end gap-2" aria-label="Compare versions">
          {(["a", "b"] as const).map((name, i) => (
            <div key={name}>
              <label htmlFor={`compare-${name}`} className="block text-sm font-medium text-slate-800">{i === 0 ? "Compare" : "with"}</label>
              <select id={`compare-${name}`} name={name} defaultValue={String(i === 0 ? previous!.number : newest!.number)} className="min-h-11 rounded-md border border-slate-400 bg-white px-2">
                {versions.map((v) => <option key={v.id} value={v.number}>Version {v.number}</option>)}
              </select>
            </div>
          ))}
          <button type="submit" className="min-h-11 rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold hover:bg-slate-100">Show differences</button>
        </form>
      ) : null}
    </div>
  );
}
