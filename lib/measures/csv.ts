// CSV parsing and writing for data points (pure: no I/O). Columns, by header name in any order:
// period (or date), value, numerator, denominator, note. Row numbers are the file's line numbers
// (the header is line 1) so people can find a bad row in their spreadsheet.
import Papa from "papaparse";
import type { IncomingPoint, PointError } from "./prepare-points.ts";

export const MAX_CSV_ROWS = 5000;
const KNOWN = ["period", "date", "value", "numerator", "denominator", "note"] as const;

export type ParsedCsv = { points: IncomingPoint[]; lines: number[]; errors: PointError[] };

function parseNumber(text: string | undefined): number | null | "bad" {
  const s = (text ?? "").trim();
  if (s === "") return null;
  // Plain decimals only: "1,5" is ambiguous between locales, so it is refused rather than guessed.
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return "bad";
  return Number(s);
}

export function parseDataPointsCsv(text: string): ParsedCsv {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    // Blank lines are kept (and skipped below) so that row numbers stay the file's line numbers.
    skipEmptyLines: false,
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const headers = result.meta.fields ?? [];
  const errors: PointError[] = [];
  if (!headers.includes("period") && !headers.includes("date")) {
    return { points: [], lines: [], errors: [{ row: 1, reason: `The header needs a "period" (or "date") column; found: ${headers.join(", ") || "nothing"}.` }] };
  }
  const unknown = headers.filter((h) => h && !(KNOWN as readonly string[]).includes(h));
  if (unknown.length) errors.push({ row: 1, reason: `Unknown column${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.` });
  const isBlank = (r: Record<string, string>) => Object.values(r).every((v) => typeof v !== "string" || v.trim() === "");
  if (result.data.filter((r) => !isBlank(r)).length > MAX_CSV_ROWS) {
    return { points: [], lines: [], errors: [{ row: 1, reason: `Too many rows (${result.data.length}); import at most ${MAX_CSV_ROWS} at a time.` }] };
  }
  for (const e of result.errors) {
    // Short rows are fine (trailing empty cells); an undetectable delimiter just means one column.
    if (e.type === "Delimiter" || e.code === "TooFewFields") continue;
    errors.push({ row: (e.row ?? 0) + 2, reason: e.message });
  }

  const points: IncomingPoint[] = [];
  const lines: number[] = [];
  result.data.forEach((r, i) => {
    const line = i + 2;
    if (isBlank(r)) return;
    const period = (r.period ?? r.date ?? "").trim();
    if (!period) return errors.push({ row: line, reason: "The period is empty." });
    const value = parseNumber(r.value);
    const numerator = parseNumber(r.numerator);
    const denominator = parseNumber(r.denominator);
    const bad = [["value", value], ["numerator", numerator], ["denominator", denominator]].filter(([, v]) => v === "bad");
    if (bad.length) return errors.push({ row: line, reason: `Not a number in ${bad.map(([k]) => k).join(", ")}.` });
    const note = (r.note ?? "").trim();
    points.push({
      period,
      value: value as number | null,
      numerator: numerator as number | null,
      denominator: denominator as number | null,
      ...(note ? { note: note.slice(0, 1000) } : {}),
    });
    lines.push(line);
  });
  return { points, lines, errors };
}

// Spreadsheet apps run cells starting with these as formulas (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;
export const safeCell = (s: string) => (FORMULA_START.test(s) ? `'${s}` : s);

export type ExportRow = {
  periodStart: Date;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string;
  source: string;
  updatedAt: Date;
};

export function dataPointsToCsv(rows: readonly ExportRow[]): string {
  return Papa.unparse({
    fields: ["period", "value", "numerator", "denominator", "note", "source", "updated_at"],
    data: rows.map((r) => [
      r.periodStart.toISOString(),
      r.value ?? "",
      r.numerator ?? "",
      r.denominator ?? "",
      safeCell(r.note),
      r.source,
      r.updatedAt.toISOString(),
    ]),
  });
}
