import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { can } from "@/lib/auth/permissions.ts";

export type CaptureOptions = {
  teams: {
    id: string;
    name: string;
    processes: { id: string; name: string; versionNumber: number | null; steps: { id: string; position: number; title: string }[] }[];
  }[];
};

/** What the capture form offers: the caller's teams, their processes and the current version's steps. */
export async function getCaptureOptions(caller: Caller): Promise<CaptureOptions> {
  const teamIds = caller.teams.filter((t) => can(t.role, "create:observation")).map((t) => t.teamId);
  const teams = await getDb().team.findMany({
    where: { organizationId: caller.orgId, id: { in: teamIds } },
    select: {
      id: true,
      name: true,
      processes: {
        where: { archivedAt: null },
        select: {
          id: true,
          name: true,
          currentVersion: { select: { number: true, steps: { select: { id: true, position: true, title: true }, orderBy: { position: "asc" } } } },
        },
        orderBy: { name: "asc" },
      },
    },
    orderBy: { name: "asc" },
  });
  return {
    teams: teams.map((t) => ({
      id: t.id,
      name: t.name,
      processes: t.processes.map((p) => ({ id: p.id, name: p.name, versionNumber: p.currentVersion?.number ?? null, steps: p.currentVersion?.steps ?? [] })),
    })),
  };
}

/** A team's experiments, newest first, for linking an observation to one during triage. */
export async function listTeamExperiments(caller: Caller, teamId: string): Promise<{ id: string; title: string; status: string }[]> {
  if (!caller.teams.some((t) => t.teamId === teamId)) return [];
  return getDb().experiment.findMany({
    where: { organizationId: caller.orgId, teamId },
    select: { id: true, title: true, status: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}
