"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { createMeasureAction } from "@/app/(app)/teams/[teamId]/measures/actions.ts";
import { DIRECTIONS, FREQUENCIES, LABELS, MEASURE_TYPES, type CreateMeasureInput } from "@/lib/measures/schema.ts";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { SelectField, TextField } from "@/components/ui/field.tsx";
import { fieldError } from "@/components/forms/field-errors.ts";

const TYPE_LABELS: Record<(typeof MEASURE_TYPES)[number], string> = {
  COUNT: "Count (events per period)",
  PROPORTION: "Proportion (numerator / denominator)",
  RATE: "Rate (count per exposure)",
  CONTINUOUS: "Continuous (a measurement)",
  TIME_BETWEEN: "Time between events",
};
const cap = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();

export function CreateMeasureForm({ teamId, processes }: { teamId: string; processes: { id: string; name: string }[] }) {
  const router = useRouter();
  const { executeAsync, result, isPending } = useAction(createMeasureAction);
  const errors = result.validationErrors;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const text = (k: string) => String(f.get(k) ?? "").trim();
    const target = text("target");
    const input = {
      teamId,
      name: text("name"),
      definition: text("definition"),
      type: text("type") as CreateMeasureInput["type"],
      frequency: text("frequency") as CreateMeasureInput["frequency"],
      direction: text("direction") as CreateMeasureInput["direction"],
      unit: text("unit"),
      target: target === "" ? null : Number(target),
      label: (text("label") || null) as CreateMeasureInput["label"],
      processId: text("processId") || null,
      ownerId: null,
    };
    const outcome = await executeAsync(input);
    if (outcome?.data) router.push(`/teams/${outcome.data.teamId}/measures/${outcome.data.id}`);
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
      <TextField id="measure-name" name="name" label="Name" required error={fieldError(errors, "name")} />
      <SelectField id="measure-type" name="type" label="Type" options={MEASURE_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))} />
      <div className="space-y-1 sm:col-span-2">
        <label htmlFor="measure-definition" className="block text-sm font-medium text-slate-800">Operational definition</label>
        <textarea id="measure-definition" name="definition" rows={3} maxLength={4000} className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base sm:text-sm" aria-describedby="measure-definition-hint" />
        <p id="measure-definition-hint" className="text-sm text-slate-600">What is counted, how, and when, so that two people would count the same thing.</p>
      </div>
      <SelectField id="measure-frequency" name="frequency" label="Frequency" defaultValue="WEEKLY" options={FREQUENCIES.map((f) => ({ value: f, label: cap(f) }))} />
      <SelectField id="measure-direction" name="direction" label="Better is" options={DIRECTIONS.map((d) => ({ value: d, label: d === "UP" ? "Higher" : "Lower" }))} />
      <TextField id="measure-unit" name="unit" label="Unit" hint={'e.g. "%", "per 1,000 line days", "min"'} error={fieldError(errors, "unit")} />
      <TextField id="measure-target" name="target" label="Target (optional)" inputMode="decimal" hint="Proportions as a fraction: 0.95 for 95%." error={fieldError(errors, "target")} />
      <SelectField id="measure-label" name="label" label="Kind (optional)" options={[{ value: "", label: "—" }, ...LABELS.map((l) => ({ value: l, label: `${cap(l)} measure` }))]} />
      <SelectField id="measure-process" name="processId" label="Process (optional)" hint="Guideline changes of this process mark new phases on the chart." options={[{ value: "", label: "—" }, ...processes.map((p) => ({ value: p.id, label: p.name }))]} />
      <div className="sm:col-span-2">
        <Button type="submit" pending={isPending} pendingLabel="Creating…">Create measure</Button>
      </div>
      {result.serverError ? <div className="sm:col-span-2"><Alert tone="error">{result.serverError}</Alert></div> : null}
    </form>
  );
}
