import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { roleInTeam, teamContext } from "@/lib/auth/guard.ts";
import { can } from "@/lib/auth/permissions.ts";
import { notFound } from "@/lib/errors.ts";
import { measureForCaller } from "./get-measure.ts";
import { dataPointSelect, measureSelect, toDataPointDto, toMeasureDto } from "./queries.ts";
import { normalisePeriod } from "./rules.ts";
import type { DataPointDto, MeasureDto } from "./schema.ts";

export type MeasureSummary = MeasureDto & { pointCount: number; latest: DataPointDto | null };

/** The measures page: a team's measures (optionally filtered by name) with their latest point. */
export async function listMeasureSummaries(caller: Caller, teamId: string, q: string): Promise<MeasureSummary[]> {
  const ctx = teamContext(caller, teamId, "read:measure");
  const rows = await getDb().measure.findMany({
    where: { organizationId: ctx.orgId, teamId: ctx.teamId, archivedAt: null, ...(q ? { name: { contains: q, mode: "insensitive" as const } } : {}) },
    select: {
      ...measureSelect,
      _count: { select: { dataPoints: true } },
      dataPoints: { where: { organizationId: ctx.orgId }, select: dataPointSelect, orderBy: { periodStart: "desc" }, take: 1 },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 200,
  });
  return rows.map((row) => ({
    ...toMeasureDto(row),
    pointCount: row._count.dataPoints,
    latest: row.dataPoints[0] ? toDataPointDto(row.dataPoints[0]) : null,
  }));
}

export type MeasurePage = {
  measure: MeasureDto;
  recent: DataPointDto[];
  /** The point already recorded for the current period, if any (the tally starts from it). */
  current: DataPointDto | null;
  currentPeriod: string;
  may: { editMeasure: boolean; addPoints: boolean; editPoints: boolean };
};

/** Everything the measure page shows besides the chart. 404 when the measure is not in this team. */
export async function getMeasurePage(caller: Caller, teamId: string, measureId: string, now = new Date()): Promise<MeasurePage> {
  const { measure, ctx } = await measureForCaller(caller, measureId, "read:measure");
  if (measure.teamId !== teamId) throw notFound("Measure not found.");
  const currentPeriod = normalisePeriod(now, measure.frequency, measure.type);
  const [recent, current] = await Promise.all([
    getDb().dataPoint.findMany({
      where: { organizationId: ctx.orgId, measureId: measure.id },
      select: dataPointSelect,
      orderBy: { periodStart: "desc" },
      take: 10,
    }),
    getDb().dataPoint.findFirst({ where: { organizationId: ctx.orgId, measureId: measure.id, periodStart: currentPeriod }, select: dataPointSelect }),
  ]);
  const role = roleInTeam(caller, teamId);
  const allowed = (p: Parameters<typeof can>[1]) => Boolean(role && can(role, p));
  return {
    measure: toMeasureDto(measure),
    recent: recent.map(toDataPointDto),
    current: current ? toDataPointDto(current) : null,
    currentPeriod: currentPeriod.toISOString(),
    may: { editMeasure: allowed("edit:measure"), addPoints: allowed("create:data-point") && !measure.archivedAt, editPoints: allowed("edit:data-point") },
  };
}

/** Processes a new measure can be linked to (for the create form). */
export async function listTeamProcesses(caller: Caller, teamId: string): Promise<{ id: string; name: string }[]> {
  const ctx = teamContext(caller, teamId, "read:measure");
  return getDb().process.findMany({
    where: { organizationId: ctx.orgId, teamId: ctx.teamId, archivedAt: null },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
