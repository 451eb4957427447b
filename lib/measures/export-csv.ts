import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { recordAuditEvent } from "@/lib/audit/record-audit-event.ts";
import { dataPointsToCsv } from "./csv.ts";
import { measureForCaller } from "./get-measure.ts";

/** Every point of a measure as CSV (oldest first), audited because the data leaves the app. */
export async function exportDataPointsCsv(caller: Caller, measureId: string): Promise<{ filename: string; csv: string }> {
  const { measure, ctx } = await measureForCaller(caller, measureId, "read:measure");
  const rows = await getDb().dataPoint.findMany({
    where: { organizationId: ctx.orgId, measureId: measure.id },
    select: { periodStart: true, value: true, numerator: true, denominator: true, note: true, source: true, updatedAt: true },
    orderBy: { periodStart: "asc" },
  });
  await recordAuditEvent({
    orgId: ctx.orgId,
    actorId: ctx.userId,
    action: "data-point.exported",
    targetType: "Measure",
    targetId: measure.id,
    metadata: { rows: rows.length, tokenId: ctx.tokenId },
  });
  const slug = measure.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "measure";
  return { filename: `${slug}-data-points.csv`, csv: dataPointsToCsv(rows) };
}
