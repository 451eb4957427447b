// GET /api/v1/measures/{id}/data-points.csv — every point as CSV (audited export)
import { withApi } from "@/lib/api/handler.ts";
import { exportDataPointsCsv } from "@/lib/measures/export-csv.ts";

export const GET = withApi<{ id: string }>(async ({ caller, params }) => {
  const { filename, csv } = await exportDataPointsCsv(caller, params.id);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
});
