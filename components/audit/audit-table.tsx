import { formatDateTime } from "@/lib/format/dates.ts";
import type { AuditEventRow } from "@/lib/audit/schema.ts";

/** What the table shows of an event (the list query returns more). */
export type AuditTableRow = Omit<AuditEventRow, "userAgent" | "actor"> & { actor: { name: string; email: string } | null };

function details(metadata: unknown): string {
  if (!metadata || typeof metadata !== "object" || Object.keys(metadata).length === 0) return "";
  return Object.entries(metadata as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" · ");
}

/** The audit events as a table; on a phone the region scrolls sideways rather than squeezing columns. */
export function AuditTable({ events }: { events: AuditTableRow[] }) {
  return (
    <div role="region" aria-labelledby="audit-table-caption" tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-[56rem] w-full text-left text-sm">
        <caption id="audit-table-caption" className="sr-only">
          Audit events, newest first
        </caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">When (UTC)</th>
            <th scope="col" className="px-3 py-2 font-semibold">Who</th>
            <th scope="col" className="px-3 py-2 font-semibold">Action</th>
            <th scope="col" className="px-3 py-2 font-semibold">Target</th>
            <th scope="col" className="px-3 py-2 font-semibold">From where</th>
            <th scope="col" className="px-3 py-2 font-semibold">Details</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {events.map((e) => (
            <tr key={e.id} className="align-top">
              <td className="whitespace-nowrap px-3 py-2 text-slate-700">
                <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt)}</time>
              </td>
              <td className="px-3 py-2">
                {e.actor ? (
                  <>
                    <span className="font-medium text-slate-900">{e.actor.name}</span>
                    <br />
                    <span className="break-all text-slate-600">{e.actor.email}</span>
                  </>
                ) : (
                  <span className="text-slate-600">System or API token</span>
                )}
              </td>
              <td className="px-3 py-2">
                <code className="rounded bg-slate-100 px-1 font-mono text-xs text-slate-900">{e.action}</code>
              </td>
              <td className="px-3 py-2 text-slate-700">
                {e.targetType ? (
                  <>
                    {e.targetType}
                    {e.targetId ? <span className="block break-all font-mono text-xs text-slate-600">{e.targetId}</span> : null}
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td className="whitespace-nowrap px-3 py-2 font-mono text-xs text-slate-700">{e.ip ?? "—"}</td>
              <td className="max-w-xs break-words px-3 py-2 text-slate-700">{details(e.metadata) || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
