import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/db/create-client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { readableTeamIds, teamContext } from "@/lib/auth/guard.ts";
import { AppError, notFound } from "@/lib/errors.ts";
import { observationSelect, toObservationDto } from "./queries.ts";
import { toDbEnum, type BulkStatusInput, type ObservationDto, type ObservationStatusApi, type TriageObservationInput } from "./schema.ts";

type Current = { id: string; teamId: string; status: string; firstResponseAt: Date | null };

async function loadForTriage(caller: Caller, id: string): Promise<Current> {
  const row = await getDb().observation.findFirst({
    where: { id, organizationId: caller.orgId, teamId: { in: readableTeamIds(caller) } },
    select: { id: true, teamId: true, status: true, firstResponseAt: true },
  });
  if (!row) throw notFound("Observation not found.");
  teamContext(caller, row.teamId, "triage:observation");
  return row;
}

/** Status fields for a change: the first response is stamped once; closing stamps closedAt. */
function statusData(status: ObservationStatusApi, current: { firstResponseAt: Date | null }, now: Date) {
  return {
    status: toDbEnum(status),
    closedAt: status === "closed" ? now : null,
    ...(current.firstResponseAt ? {} : status !== "new" ? { firstResponseAt: now } : {}),
  };
}

/** Status change and links (guideline version/step, experiment, group) for one observation. */
export async function triageObservation(caller: Caller, id: string, input: TriageObservationInput): Promise<ObservationDto> {
  const current = await loadForTriage(caller, id);
  const now = new Date();
  const data: Prisma.ObservationUncheckedUpdateInput = {};
  if (input.status) Object.assign(data, statusData(input.status, current, now));
  Object.assign(data, await linkData(caller.orgId, current, input));
  if (!current.firstResponseAt && Object.keys(data).length > 0 && !("firstResponseAt" in data)) data.firstResponseAt = now;
  const row = await getDb().observation.update({ where: { id: current.id, organizationId: caller.orgId }, data, select: observationSelect });
  return toObservationDto(row);
}

async function linkData(orgId: string, current: Current, input: TriageObservationInput): Promise<Prisma.ObservationUncheckedUpdateInput> {
  const db = getDb();
  const data: Prisma.ObservationUncheckedUpdateInput = {};
  if (input.stepId) {
    const step = await db.guidelineStep.findFirst({
      where: { id: input.stepId, organizationId: orgId, guidelineVersion: { process: { teamId: current.teamId } } },
      select: { id: true, guidelineVersionId: true, guidelineVersion: { select: { processId: true } } },
    });
    if (!step) throw notFound("Step not found.");
    Object.assign(data, { stepId: step.id, guidelineVersionId: step.guidelineVersionId, processId: step.guidelineVersion.processId });
  } else if (input.guidelineVersionId) {
    const version = await db.guidelineVersion.findFirst({
      where: { id: input.guidelineVersionId, organizationId: orgId, process: { teamId: current.teamId } },
      select: { id: true, processId: true },
    });
    if (!version) throw notFound("Guideline version not found.");
    Object.assign(data, { guidelineVersionId: version.id, processId: version.processId, ...(input.stepId === null ? { stepId: null } : {}) });
  } else if (input.guidelineVersionId === null) {
    Object.assign(data, { guidelineVersionId: null, stepId: null });
  } else if (input.stepId === null) {
    data.stepId = null;
  }
  if (input.experimentId) {
    const experiment = await db.experiment.findFirst({ where: { id: input.experimentId, organizationId: orgId, teamId: current.teamId }, select: { id: true } });
    if (!experiment) throw notFound("Experiment not found.");
    data.experimentId = experiment.id;
  } else if (input.experimentId === null) data.experimentId = null;
  if (input.groupId) {
    if (input.groupId === current.id) throw new AppError("BAD_REQUEST", "Invalid input: groupId: an observation cannot be grouped under itself.");
    const parent = await db.observation.findFirst({ where: { id: input.groupId, organizationId: orgId, teamId: current.teamId }, select: { id: true, groupId: true } });
    if (!parent) throw notFound("Observation to group under not found.");
    // Groups stay one level deep: grouping under a grouped observation joins its group.
    const root = parent.groupId ?? parent.id;
    if (root === current.id) throw new AppError("BAD_REQUEST", "Invalid input: groupId: that would make a loop.");
    data.groupId = root;
  } else if (input.groupId === null) data.groupId = null;
  return data;
}

/** One status for many observations (inbox bulk action); each must be in a team the caller triages. */
export async function bulkUpdateStatus(caller: Caller, input: BulkStatusInput): Promise<{ updated: number }> {
  const db = getDb();
  const rows = await db.observation.findMany({
    where: { id: { in: input.ids }, organizationId: caller.orgId, teamId: { in: readableTeamIds(caller) } },
    select: { id: true, teamId: true, firstResponseAt: true },
  });
  if (rows.length !== new Set(input.ids).size) throw notFound("Some observations were not found.");
  for (const teamId of new Set(rows.map((r) => r.teamId))) teamContext(caller, teamId, "triage:observation");
  const now = new Date();
  const status = toDbEnum(input.status);
  const closedAt = input.status === "closed" ? now : null;
  await db.$transaction([
    db.observation.updateMany({ where: { id: { in: input.ids }, organizationId: caller.orgId }, data: { status, closedAt } }),
    ...(input.status === "new"
      ? []
      : [db.observation.updateMany({ where: { id: { in: input.ids }, organizationId: caller.orgId, firstResponseAt: null }, data: { firstResponseAt: now } })]),
  ]);
  return { updated: rows.length };
}
