import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { requireOrgAdmin, requireUser } from "@/lib/auth/guard.ts";
import { recordAuditEvent } from "./record-audit-event.ts";
import { auditEventSelect, auditWhere } from "./queries.ts";
import { auditFilters, type AuditFilters } from "./schema.ts";

/** Upper bound on one export; narrow the filters for more. */
export const AUDIT_EXPORT_LIMIT = 10_000;

const HEADER = ["created_at_utc", "actor_id", "actor_name", "actor_email", "action", "target_type", "target_id", "ip", "user_agent", "metadata"];

/** One CSV cell: quoted, and defused so that spreadsheets do not run it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The audit trail under the given filters as CSV (org admins only). The export is itself audited. */
export async function exportAuditCsv(
  caller: Caller,
  rawFilters: Partial<Record<keyof AuditFilters, unknown>> = {},
  origin: { ip?: string | null; userAgent?: string | null } = {},
): Promise<{ csv: string; rows: number; truncated: boolean }> {
  requireOrgAdmin(caller);
  const actorId = requireUser(caller);
  const filters = auditFilters.parse(rawFilters);
  const rows = await getDb().auditEvent.findMany({
    where: auditWhere(caller.orgId, filters),
    select: auditEventSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_EXPORT_LIMIT + 1,
  });
  const truncated = rows.length > AUDIT_EXPORT_LIMIT;
  const kept = rows.slice(0, AUDIT_EXPORT_LIMIT);
  const lines = [HEADER.join(",")];
  for (const r of kept) {
    lines.push(
      [
        r.createdAt.toISOString(),
        r.actor?.id ?? "",
        r.actor?.name ?? "",
        r.actor?.email ?? "",
        r.action,
        r.targetType,
        r.targetId,
        r.ip ?? "",
        r.userAgent ?? "",
        JSON.stringify(r.metadata ?? {}),
      ]
        .map(csvCell)
        .join(","),
    );
  }
  await recordAuditEvent({
    orgId: caller.orgId,
    actorId,
    action: "audit.exported",
    targetType: "audit",
    ip: origin.ip ?? null,
    userAgent: origin.userAgent ?? null,
    metadata: { filters: JSON.parse(JSON.stringify(filters)) as Record<string, string>, rows: kept.length, truncated },
  });
  return { csv: `${lines.join("\r\n")}\r\n`, rows: kept.length, truncated };
}
