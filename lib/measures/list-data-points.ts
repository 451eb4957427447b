import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { measureForCaller } from "./get-measure.ts";
import { dataPointSelect, toDataPointDto } from "./queries.ts";
import type { DataPointDto } from "./schema.ts";

/** The most recent points (newest first) within an optional [from, to) window. */
export async function listDataPoints(
  caller: Caller,
  measureId: string,
  query: { from?: Date | undefined; to?: Date | undefined; limit: number },
): Promise<{ dataPoints: DataPointDto[] }> {
  const { measure, ctx } = await measureForCaller(caller, measureId, "read:measure");
  const periodStart = { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lt: query.to } : {}) };
  const rows = await getDb().dataPoint.findMany({
    where: { organizationId: ctx.orgId, measureId: measure.id, ...(query.from || query.to ? { periodStart } : {}) },
    select: dataPointSelect,
    orderBy: { periodStart: "desc" },
    take: query.limit,
  });
  return { dataPoints: rows.map(toDataPointDto) };
}
