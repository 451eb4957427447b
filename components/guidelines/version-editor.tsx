"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useAction } from "next-safe-action/hooks";
import { updateDraftAction } from "@/app/(app)/teams/[teamId]/guidelines/actions.ts";
import { Button } from "@/components/ui/button.tsx";
import { SelectField, TextField } from "@/components/ui/field.tsx";

type Step = { key?: string; title: string; detail: string };
type Draft = {
  title: string;
  body: string;
  evidence: string;
  rationale: string;
  changeSummary: string;
  reviewBy: string;
  steps: Step[];
  promptedByObservationIds: string[];
  sourceExperimentId: string;
  sourceRetrospectiveId: string;
};
type Sources = { experiments: { id: string; title: string }[]; retrospectives: { id: string; title: string }[] };
type Candidate = { id: string; kind: string; text: string };

const area = "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base sm:text-sm";

function Area({ id, label, hint, value, onChange, rows = 5 }: { id: string; label: string; hint?: string; value: string; onChange: (v: string) => void; rows?: number }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-sm text-slate-600">{hint}</p> : null}
      <textarea id={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} className={area} aria-describedby={hint ? `${id}-hint` : undefined} />
    </div>
  );
}

/** Draft editor. Steps keep their keys when edited or moved, so deviations stay comparable. */
export function VersionEditor({ versionId, backHref, initial, candidates, sources }: { versionId: string; backHref: string; initial: Draft; candidates: Candidate[]; sources: Sources }) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(initial);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setStep = (i: number, patch: Partial<Step>) => set("steps", draft.steps.map((s, j) => (i === j ? { ...s, ...patch } : s)));
  const move = (i: number, by: number) => {
    const steps = [...draft.steps];
    const [s] = steps.splice(i, 1);
    steps.splice(i + by, 0, s!);
    set("steps", steps);
  };
  const { execute, isPending, result } = useAction(updateDraftAction, { onSuccess: () => router.push(backHref) });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    execute({
      versionId,
      ...draft,
      reviewBy: draft.reviewBy || null,
      sourceExperimentId: draft.sourceExperimentId || null,
      sourceRetrospectiveId: draft.sourceRetrospectiveId || null,
      steps: draft.steps.filter((s) => s.title.trim()),
    });
  };
  const fieldError = result.validationErrors ? "Check the highlighted fields: every step needs a title, and the version a title." : null;

  return (
    <form onSubmit={onSubmit} className="space-y-5">
      <TextField id="v-title" label="Title" value={draft.title} onChange={(e) => set("title", e.target.value)} required />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Steps</legend>
        <ol className="space-y-2">
          {draft.steps.map((s, i) => (
            <li key={s.key ?? `new-${i}`} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
              <div className="flex flex-wrap items-end gap-2">
                <div className="min-w-48 flex-1">
                  <TextField id={`step-${i}-title`} label={`Step ${i + 1}`} value={s.title} onChange={(e) => setStep(i, { title: e.target.value })} />
                </div>
                <Button variant="ghost" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move step ${i + 1} up`}>↑</Button>
                <Button variant="ghost" disabled={i === draft.steps.length - 1} onClick={() => move(i, 1)} aria-label={`Move step ${i + 1} down`}>↓</Button>
                <Button variant="danger" onClick={() => set("steps", draft.steps.filter((_, j) => j !== i))} aria-label={`Remove step ${i + 1}`}>Remove</Button>
              </div>
              <Area id={`step-${i}-detail`} label="Detail" rows={2} value={s.detail} onChange={(v) => setStep(i, { detail: v })} />
            </li>
          ))}
        </ol>
        <Button variant="secondary" onClick={() => set("steps", [...draft.steps, { title: "", detail: "" }])}>Add a step</Button>
      </fieldset>
      <Area id="v-body" label="Guideline text (Markdown)" hint="Headings, lists and links work; HTML is not shown." value={draft.body} onChange={(v) => set("body", v)} rows={8} />
      <Area id="v-evidence" label="Evidence and sources" value={draft.evidence} onChange={(v) => set("evidence", v)} />
      <Area id="v-rationale" label="Rationale" value={draft.rationale} onChange={(v) => set("rationale", v)} rows={3} />
      <Area id="v-change" label="What changed and why" value={draft.changeSummary} onChange={(v) => set("changeSummary", v)} rows={3} />
      <TextField id="v-review" type="date" label="Review by" value={draft.reviewBy} onChange={(e) => set("reviewBy", e.target.value)} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          id="v-experiment"
          label="Prompted by experiment"
          value={draft.sourceExperimentId}
          onChange={(e) => set("sourceExperimentId", e.target.value)}
          options={[{ value: "", label: "None" }, ...sources.experiments.map((x) => ({ value: x.id, label: x.title }))]}
        />
        <SelectField
          id="v-retro"
          label="Prompted by retrospective"
          value={draft.sourceRetrospectiveId}
          onChange={(e) => set("sourceRetrospectiveId", e.target.value)}
          options={[{ value: "", label: "None" }, ...sources.retrospectives.map((x) => ({ value: x.id, label: x.title }))]}
        />
      </div>
      {candidates.length ? (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-800">Observations that prompted this version</legend>
          <ul className="max-h-64 space-y-1 overflow-y-auto rounded-md border border-slate-200 bg-white p-2">
            {candidates.map((c) => (
              <li key={c.id}>
                <label className="flex min-h-11 items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="mt-1 h-5 w-5 accent-teal-700"
                    checked={draft.promptedByObservationIds.includes(c.id)}
                    onChange={(e) => set("promptedByObservationIds", e.target.checked ? [...draft.promptedByObservationIds, c.id] : draft.promptedByObservationIds.filter((x) => x !== c.id))}
                  />
                  <span><span className="font-medium">{c.kind.replace("_", " ").toLowerCase()}:</span> {c.text.length > 120 ? `${c.text.slice(0, 117)}…` : c.text}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      {result.serverError || fieldError ? <p role="alert" className="text-sm font-medium text-red-700">{result.serverError ?? fieldError}</p> : null}
      <div className="flex gap-2">
        <Button type="submit" pending={isPending} pendingLabel="Saving…">Save draft</Button>
        <Button variant="ghost" onClick={() => router.push(backHref)}>Cancel</Button>
      </div>
    </form>
  );
}
