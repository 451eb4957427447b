import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { AppError } from "@/lib/errors.ts";
import { parseDataPointsCsv } from "./csv.ts";
import { measureForCaller } from "./get-measure.ts";
import { preparePoints, type PointError } from "./prepare-points.ts";
import { upsertPoints } from "./record-data-points.ts";
import { recordAuditEvent } from "@/lib/audit/record-audit-event.ts";

export type ImportPreviewRow = {
  row: number;
  periodStart: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  action: "create" | "update";
};
export type ImportResult =
  | { ok: false; errors: PointError[] }
  | { ok: true; preview: true; rows: ImportPreviewRow[] }
  | { ok: true; preview: false; created: number; updated: number };

/**
 * Imports a CSV of points: every row is checked first, and if any row is bad nothing is imported
 * and each bad row is named. `preview` parses and checks without writing.
 */
export async function importDataPointsCsv(caller: Caller, measureId: string, csv: string, options: { preview: boolean }): Promise<ImportResult> {
  const { measure, ctx } = await measureForCaller(caller, measureId, "create:data-point");
  if (measure.archivedAt) throw new AppError("UNPROCESSABLE", "This measure is archived: restore it before adding data.");
  const parsed = parseDataPointsCsv(csv);
  const prepared = preparePoints(measure, parsed.points);
  const errors = [...parsed.errors, ...prepared.errors.map((e) => ({ row: parsed.lines[e.row - 1] ?? e.row, reason: e.reason }))];
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  if (prepared.points.length === 0) return { ok: false, errors: [{ row: 1, reason: "The file has no data rows." }] };

  if (options.preview) {
    const existing = await getDb().dataPoint.findMany({
      where: { organizationId: ctx.orgId, measureId: measure.id, periodStart: { in: prepared.points.map((p) => p.periodStart) } },
      select: { periodStart: true },
    });
    const taken = new Set(existing.map((e) => e.periodStart.getTime()));
    return {
      ok: true,
      preview: true,
      rows: prepared.points.map((p, i) => ({
        row: parsed.lines[i] ?? i + 2,
        periodStart: p.periodStart.toISOString(),
        value: p.value,
        numerator: p.numerator,
        denominator: p.denominator,
        note: p.note,
        action: taken.has(p.periodStart.getTime()) ? "update" : "create",
      })),
    };
  }
  const rows = await upsertPoints({ orgId: ctx.orgId, measureId: measure.id, userId: ctx.userId, source: "CSV" }, prepared.points);
  const created = rows.filter((r) => r.inserted).length;
  await recordAuditEvent({
    orgId: ctx.orgId,
    actorId: ctx.userId,
    action: "data-point.imported",
    targetType: "Measure",
    targetId: measure.id,
    metadata: { created, updated: rows.length - created },
  });
  return { ok: true, preview: false, created, updated: rows.length - created };
}
