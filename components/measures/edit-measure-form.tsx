"use client";

import { useAction } from "next-safe-action/hooks";
import type { FormEvent } from "react";
import { updateMeasureAction } from "@/app/(app)/teams/[teamId]/measures/actions.ts";
import { LABELS, type MeasureDto, type UpdateMeasureInput } from "@/lib/measures/schema.ts";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { SelectField, TextField } from "@/components/ui/field.tsx";

const cap = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();

/** Edits what a measure means and aims for. Type and frequency stay fixed: they give the points their meaning. */
export function EditMeasureForm({ measure }: { measure: MeasureDto }) {
  const { execute, result, isPending } = useAction(updateMeasureAction);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const text = (k: string) => String(f.get(k) ?? "").trim();
    const target = text("target");
    const changes: UpdateMeasureInput = {
      name: text("name"),
      definition: text("definition"),
      unit: text("unit"),
      direction: text("direction") === "DOWN" ? "DOWN" : "UP",
      target: target === "" ? null : Number(target),
      label: (text("label") || null) as UpdateMeasureInput["label"],
    };
    execute({ measureId: measure.id, changes });
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
      <TextField id="edit-name" name="name" label="Name" defaultValue={measure.name} required />
      <TextField id="edit-unit" name="unit" label="Unit" defaultValue={measure.unit} />
      <div className="space-y-1 sm:col-span-2">
        <label htmlFor="edit-definition" className="block text-sm font-medium text-slate-800">Operational definition</label>
        <textarea id="edit-definition" name="definition" rows={4} maxLength={4000} defaultValue={measure.definition} className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base sm:text-sm" />
      </div>
      <SelectField id="edit-direction" name="direction" label="Better is" defaultValue={measure.direction} options={[{ value: "UP", label: "Higher" }, { value: "DOWN", label: "Lower" }]} />
      <TextField id="edit-target" name="target" label="Target (optional)" inputMode="decimal" defaultValue={measure.target ?? ""} hint={measure.type === "PROPORTION" ? "As a fraction: 0.95 for 95%." : undefined} />
      <SelectField id="edit-label" name="label" label="Kind (optional)" defaultValue={measure.label ?? ""} options={[{ value: "", label: "—" }, ...LABELS.map((l) => ({ value: l, label: `${cap(l)} measure` }))]} />
      <div className="sm:col-span-2">
        <Button type="submit" pending={isPending} pendingLabel="Saving…">Save changes</Button>
      </div>
      {result.serverError ? <div className="sm:col-span-2"><Alert tone="error">{result.serverError}</Alert></div> : null}
      {result.validationErrors ? <div className="sm:col-span-2"><Alert tone="error">Check the fields: the name needs 2 characters and the target must be a number.</Alert></div> : null}
      {result.data ? <div className="sm:col-span-2"><Alert tone="success">Saved.</Alert></div> : null}
    </form>
  );
}
