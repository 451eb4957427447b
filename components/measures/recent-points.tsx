"use client";

import { useAction } from "next-safe-action/hooks";
import { useState, type FormEvent } from "react";
import { deletePointAction, editPointAction } from "@/app/(app)/teams/[teamId]/measures/actions.ts";
import type { DataPointDto } from "@/lib/measures/schema.ts";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { formatValue, formatX } from "@/components/charts/chart-format.ts";

type Props = { measureId: string; points: DataPointDto[]; fraction: boolean; canEdit: boolean; suffix: string };

const num = (s: FormDataEntryValue | null) => {
  const t = String(s ?? "").trim();
  return t === "" ? null : Number(t);
};

function shown(p: DataPointDto, fraction: boolean, suffix: string): string {
  if (!fraction) return formatValue(p.value, suffix);
  return `${formatValue(p.numerator, "")} / ${formatValue(p.denominator, "")}`;
}

function EditPoint({ measureId, point, fraction, onDone }: { measureId: string; point: DataPointDto; fraction: boolean; onDone: () => void }) {
  const edit = useAction(editPointAction, { onSuccess: onDone });
  const remove = useAction(deletePointAction, { onSuccess: onDone });
  const [confirming, setConfirming] = useState(false);
  const idp = `edit-${point.id}`;

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const values = fraction ? { numerator: num(f.get("numerator")), denominator: num(f.get("denominator")) } : { value: num(f.get("value")) };
    edit.execute({ measureId, pointId: point.id, ...values, note: String(f.get("note") ?? "") });
  }

  const error = edit.result.serverError ?? remove.result.serverError ?? (edit.result.validationErrors ? "Numbers only, please." : undefined);
  return (
    <form onSubmit={onSubmit} className="mt-2 grid gap-3 rounded-md bg-slate-50 p-3 sm:grid-cols-2" noValidate>
      {fraction ? (
        <>
          <TextField id={`${idp}-num`} name="numerator" label="Numerator" inputMode="decimal" defaultValue={point.numerator ?? ""} />
          <TextField id={`${idp}-den`} name="denominator" label="Denominator" inputMode="decimal" defaultValue={point.denominator ?? ""} />
        </>
      ) : (
        <TextField id={`${idp}-value`} name="value" label="Value" inputMode="decimal" defaultValue={point.value ?? ""} />
      )}
      <TextField id={`${idp}-note`} name="note" label="Annotation" defaultValue={point.note} maxLength={1000} hint="Shown on the chart. Changes are kept in the audit trail." />
      <div className="flex flex-wrap gap-2 sm:col-span-2">
        <Button type="submit" pending={edit.isPending} pendingLabel="Saving…">Save</Button>
        <Button variant="ghost" onClick={onDone}>Cancel</Button>
        {confirming ? (
          <Button variant="danger" onClick={() => remove.execute({ measureId, pointId: point.id })} pending={remove.isPending}>Yes, delete this point</Button>
        ) : (
          <Button variant="danger" onClick={() => setConfirming(true)}>Delete…</Button>
        )}
      </div>
      {error ? <div className="sm:col-span-2"><Alert tone="error">{error}</Alert></div> : null}
    </form>
  );
}

/** The latest points, newest first; leads can correct or annotate each one. */
export function RecentPoints({ measureId, points, fraction, canEdit, suffix }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {points.map((p) => (
        <li key={p.id} className="px-4 py-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div className="min-w-0">
              <p className="font-medium text-slate-900">
                {formatX(Date.parse(p.periodStart))}: {shown(p, fraction, suffix)}
              </p>
              <p className="text-sm text-slate-600">
                {p.source.toLowerCase()}
                {p.note ? ` · ${p.note}` : ""}
              </p>
            </div>
            {canEdit && editing !== p.id ? (
              <Button variant="secondary" onClick={() => setEditing(p.id)} aria-label={`Edit or annotate ${formatX(Date.parse(p.periodStart))}`}>
                Edit
              </Button>
            ) : null}
          </div>
          {editing === p.id ? <EditPoint measureId={measureId} point={p} fraction={fraction} onDone={() => setEditing(null)} /> : null}
        </li>
      ))}
    </ul>
  );
}
