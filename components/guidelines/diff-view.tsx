import type { LineDiff, StepDiff } from "@/lib/guidelines/diff.ts";
import { Badge } from "@/components/ui/badge.tsx";

const tones = { added: "green", removed: "red", changed: "amber", unchanged: "neutral" } as const;
const labels = { added: "Added", removed: "Removed", changed: "Changed", unchanged: "Unchanged" } as const;

/** Step-by-step diff: each step (by its stable key) with what happened to it between the two versions. */
export function StepDiffView({ diff }: { diff: StepDiff[] }) {
  return (
    <ol className="space-y-2">
      {diff.map((d) => (
        <li key={d.key} className={`rounded-lg border p-3 ${d.change === "added" ? "border-emerald-300 bg-emerald-50" : d.change === "removed" ? "border-red-300 bg-red-50" : d.change === "changed" ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`}>
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={tones[d.change]}>{labels[d.change]}</Badge>
            <span className="font-semibold text-slate-900">{(d.after ?? d.before)!.title}</span>
            {d.fields.includes("position") ? <span className="text-xs text-slate-700">moved from step {d.before!.position} to {d.after!.position}</span> : null}
          </div>
          {d.fields.includes("title") ? <p className="mt-1 text-sm"><del className="text-red-800">{d.before!.title}</del> → <ins className="text-emerald-900 no-underline">{d.after!.title}</ins></p> : null}
          {d.fields.includes("detail") ? (
            <div className="mt-1 space-y-1 text-sm">
              <p><span className="font-medium">Before: </span><del className="text-red-800">{d.before!.detail || "(none)"}</del></p>
              <p><span className="font-medium">After: </span><ins className="text-emerald-900 no-underline">{d.after!.detail || "(none)"}</ins></p>
            </div>
          ) : d.change !== "changed" && (d.after ?? d.before)!.detail ? (
            <p className="mt-1 text-sm text-slate-700">{(d.after ?? d.before)!.detail}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** A line diff of guideline text (shown as Markdown source, so nothing is rendered as HTML). */
export function LineDiffView({ diff }: { diff: LineDiff }) {
  if (diff.every((l) => l.op === "same")) return <p className="text-sm text-slate-600">No changes.</p>;
  return (
    <pre className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-3 text-sm whitespace-pre-wrap">
      {diff.map((l, i) => (
        <div key={i} className={l.op === "add" ? "bg-emerald-50 text-emerald-900" : l.op === "del" ? "bg-red-50 text-red-800 line-through" : "text-slate-700"}>
          <span aria-hidden="true">{l.op === "add" ? "+ " : l.op === "del" ? "− " : "  "}</span>
          <span className="sr-only">{l.op === "add" ? "Added: " : l.op === "del" ? "Removed: " : ""}</span>
          {l.text || " "}
        </div>
      ))}
    </pre>
  );
}
