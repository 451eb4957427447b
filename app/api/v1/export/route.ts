// GET /api/v1/export — the caller's whole organization as a zip of JSON + CSV (org admins only; audited)
import { withApi } from "@/lib/api/handler.ts";
import { exportOrganization } from "@/lib/export/export-organization.ts";

export const GET = withApi(async ({ request, caller }) => {
  const origin = { ip: request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || null, userAgent: request.headers.get("user-agent") };
  const { filename, bytes } = await exportOrganization(caller, { origin });
  return new Response(bytes, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "no-store",
    },
  });
});
