import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { teamContext } from "@/lib/auth/guard.ts";
import type { Role } from "@/lib/auth/permissions.ts";
import { getTeamOrThrow } from "./get-team.ts";

export type TeamOverview = {
  team: { id: string; name: string; description: string; role: Role; memberCount: number };
  processes: {
    id: string;
    name: string;
    current: { number: number; status: string; title: string; reviewBy: Date | null; overdue: boolean } | null;
  }[];
  measures: {
    id: string;
    name: string;
    type: string;
    unit: string;
    latest: { periodStart: Date; value: number | null; numerator: number | null; denominator: number | null } | null;
  }[];
  observations: { id: string; kind: string; text: string; status: string; createdAt: Date; author: string }[];
  experiments: { id: string; title: string; startDate: Date | null; endDate: Date | null; owner: string | null }[];
  actionItems: { id: string; title: string; status: string; dueDate: Date | null; overdue: boolean; owner: string | null }[];
};

const RECENT_OBSERVATIONS = 10;

/** Everything the team overview page shows. 404 for teams the caller cannot see. */
export async function getTeamOverview(caller: Caller, teamId: string): Promise<TeamOverview> {
  const team = await getTeamOrThrow(caller, teamId);
  teamContext(caller, teamId, "read:guideline");
  teamContext(caller, teamId, "read:measure");
  teamContext(caller, teamId, "read:observation");
  const db = getDb();
  const scope = { organizationId: caller.orgId, teamId };
  const now = new Date();

  const [processes, measures, observations, experiments, actionItems] = await Promise.all([
    db.process.findMany({
      where: { ...scope, archivedAt: null },
      select: { id: true, name: true, currentVersion: { select: { number: true, status: true, title: true, reviewBy: true } } },
      orderBy: { name: "asc" },
    }),
    db.measure.findMany({
      where: { ...scope, archivedAt: null },
      select: {
        id: true,
        name: true,
        type: true,
        unit: true,
        dataPoints: {
          where: { organizationId: caller.orgId },
          select: { periodStart: true, value: true, numerator: true, denominator: true },
          orderBy: { periodStart: "desc" },
          take: 1,
        },
      },
      orderBy: { name: "asc" },
    }),
    db.observation.findMany({
      where: scope,
      // The author is selected only to name non-anonymous reporters; anonymous rows never show one.
      select: { id: true, kind: true, text: true, status: true, createdAt: true, anonymous: true, author: { select: { name: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RECENT_OBSERVATIONS,
    }),
    db.experiment.findMany({
      where: { ...scope, status: "RUNNING" },
      select: { id: true, title: true, startDate: true, endDate: true, owner: { select: { name: true } } },
      orderBy: [{ startDate: "desc" }, { id: "asc" }],
    }),
    db.actionItem.findMany({
      where: { ...scope, status: { in: ["OPEN", "IN_PROGRESS"] } },
      select: { id: true, title: true, status: true, dueDate: true, owner: { select: { name: true } } },
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    }),
  ]);

  return {
    team: { id: team.id, name: team.name, description: team.description, role: team.role, memberCount: team.memberCount },
    processes: processes.map((p) => ({
      id: p.id,
      name: p.name,
      current: p.currentVersion
        ? { ...p.currentVersion, overdue: Boolean(p.currentVersion.reviewBy && p.currentVersion.reviewBy < now) }
        : null,
    })),
    measures: measures.map((m) => {
      return { id: m.id, name: m.name, type: m.type, unit: m.unit, latest: m.dataPoints[0] ?? null };
    }),
    observations: observations.map((o) => ({
      id: o.id,
      kind: o.kind,
      text: o.text,
      status: o.status,
      createdAt: o.createdAt,
      author: o.anonymous ? "Anonymous" : (o.author?.name ?? "Former member"),
    })),
    experiments: experiments.map((e) => ({ id: e.id, title: e.title, startDate: e.startDate, endDate: e.endDate, owner: e.owner?.name ?? null })),
    actionItems: actionItems.map((a) => ({
      id: a.id,
      title: a.title,
      status: a.status,
      dueDate: a.dueDate,
      overdue: Boolean(a.dueDate && a.dueDate < now),
      owner: a.owner?.name ?? null,
    })),
  };
}
