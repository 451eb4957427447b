// GET /admin/audit/export — the organization's audit trail as CSV, under the page's filters (org admins; audited)
import { withApi } from "@/lib/api/handler.ts";
import { exportAuditCsv } from "@/lib/audit/export-audit-csv.ts";

export const GET = withApi(async ({ request, caller }) => {
  const query = new URL(request.url).searchParams;
  const filters = {
    action: query.get("action") ?? undefined,
    actor: query.get("actor") ?? undefined,
    from: query.get("from") ?? undefined,
    to: query.get("to") ?? undefined,
    targetType: query.get("targetType") ?? undefined,
  };
  const origin = { ip: request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || null, userAgent: request.headers.get("user-agent") };
  const { csv } = await exportAuditCsv(caller, filters, origin);
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
