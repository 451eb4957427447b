import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { readableTeamIds } from "@/lib/auth/guard.ts";
import { notFound } from "@/lib/errors.ts";
import { observationSelect, toObservationDto } from "./queries.ts";
import type { ObservationDto } from "./schema.ts";

/** One observation the caller can read; 404 for other teams and organizations alike. */
export async function getObservationOrThrow(caller: Caller, id: string): Promise<ObservationDto> {
  const row = await getDb().observation.findFirst({
    where: { id, organizationId: caller.orgId, teamId: { in: readableTeamIds(caller) } },
    select: observationSelect,
  });
  if (!row) throw notFound("Observation not found.");
  return toObservationDto(row);
}

/** Observations grouped under this one (same team), newest first. */
export async function listGroupedObservations(caller: Caller, id: string): Promise<ObservationDto[]> {
  const rows = await getDb().observation.findMany({
    where: { groupId: id, organizationId: caller.orgId, teamId: { in: readableTeamIds(caller) } },
    select: observationSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
  });
  return rows.map(toObservationDto);
}
