"use client";

import { useAction } from "next-safe-action/hooks";
import { useState, type ChangeEvent } from "react";
import { importCsvAction } from "@/app/(app)/teams/[teamId]/measures/actions.ts";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { formatValue, formatX } from "@/components/charts/chart-format.ts";

/** CSV import in two steps: preview (every row checked, bad rows named), then import all or nothing. */
export function CsvImport({ measureId, fraction }: { measureId: string; fraction: boolean }) {
  const [csv, setCsv] = useState("");
  const { executeAsync, result, isPending, reset } = useAction(importCsvAction);
  const data = result.data;

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setCsv(await file.text());
    reset();
  }

  const example = fraction ? "period,numerator,denominator,note\n2026-03-02,61,70,\n2026-03-09,58,66,new auditor" : "period,value,note\n2026-03-02,4,\n2026-03-03,2,short-staffed";
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        Columns: <code>period</code> (or <code>date</code>, like 2026-03-02), {fraction ? <><code>numerator</code>, <code>denominator</code></> : <code>value</code>} and an optional <code>note</code>. A period that already has a point is updated.
      </p>
      <div className="space-y-1">
        <label htmlFor="csv-file" className="block text-sm font-medium text-slate-800">CSV file</label>
        <input id="csv-file" type="file" accept=".csv,text/csv" onChange={onFile} className="block min-h-11 w-full text-sm" />
      </div>
      <div className="space-y-1">
        <label htmlFor="csv-text" className="block text-sm font-medium text-slate-800">…or paste the rows</label>
        <textarea
          id="csv-text"
          rows={5}
          value={csv}
          placeholder={example}
          onChange={(e) => {
            setCsv(e.target.value);
            reset();
          }}
          className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm"
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => executeAsync({ measureId, csv, preview: true })} pending={isPending} disabled={!csv.trim()}>
          Check and preview
        </Button>
        {data?.ok && data.preview ? (
          <Button onClick={() => executeAsync({ measureId, csv, preview: false })} pending={isPending} pendingLabel="Importing…">
            Import {data.rows.length} rows
          </Button>
        ) : null}
      </div>

      {result.serverError ? <Alert tone="error">{result.serverError}</Alert> : null}
      {result.validationErrors ? <Alert tone="error">Choose a CSV file or paste its contents.</Alert> : null}
      {data && !data.ok ? (
        <Alert tone="error" title={`Nothing was imported: ${data.errors.length} ${data.errors.length === 1 ? "row needs" : "rows need"} fixing.`}>
          <ul className="list-disc space-y-0.5 pl-5">
            {data.errors.map((e, i) => (
              <li key={i}>
                Line {e.row}: {e.reason}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {data?.ok && !data.preview ? <Alert tone="success">Imported: {data.created} new, {data.updated} updated.</Alert> : null}
      {data?.ok && data.preview ? (
        <div className="max-h-72 overflow-auto rounded-md border border-slate-200 bg-white" tabIndex={0} role="region" aria-label="Import preview">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Rows that will be imported</caption>
            <thead className="sticky top-0 bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">Line</th>
                <th scope="col" className="px-3 py-2">Period</th>
                <th scope="col" className="px-3 py-2">{fraction ? "Numerator / denominator" : "Value"}</th>
                <th scope="col" className="px-3 py-2">Note</th>
                <th scope="col" className="px-3 py-2">Action</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {data.rows.map((r) => (
                <tr key={r.row}>
                  <td className="px-3 py-1.5">{r.row}</td>
                  <td className="px-3 py-1.5">{formatX(Date.parse(r.periodStart))}</td>
                  <td className="px-3 py-1.5">{fraction ? `${formatValue(r.numerator, "")} / ${formatValue(r.denominator, "")}` : formatValue(r.value, "")}</td>
                  <td className="px-3 py-1.5">{r.note ?? ""}</td>
                  <td className="px-3 py-1.5">{r.action === "create" ? "New" : "Replaces existing"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
