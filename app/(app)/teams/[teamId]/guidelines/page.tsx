import type { Metadata } from "next";
import Link from "next/link";
import { requireSessionCaller } from "@/lib/auth/session.ts";
import { roleInTeam } from "@/lib/auth/guard.ts";
import { can } from "@/lib/auth/permissions.ts";
import { formatDate } from "@/lib/format/dates.ts";
import { orNotFound } from "@/lib/navigation/or-not-found.ts";
import { getTeamOrThrow } from "@/lib/teams/get-team.ts";
import { listProcesses } from "@/lib/guidelines/queries.ts";
import { NewProcessForm } from "@/components/guidelines/guideline-actions.tsx";
import { GuidelineStatusBadge, OverdueBadge } from "@/components/guidelines/status-badge.tsx";
import { Card, EmptyState, PageHeader } from "@/components/ui/card.tsx";
import { TeamTabs } from "@/components/layout/team-tabs.tsx";

export const metadata: Metadata = { title: "Guidelines" };

export default async function GuidelinesPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const caller = await requireSessionCaller(`/teams/${teamId}/guidelines`);
  const team = await orNotFound(getTeamOrThrow(caller, teamId));
  const processes = await listProcesses(caller, team.id);
  const role = roleInTeam(caller, team.id);
  const canEdit = Boolean(role && can(role, "edit:guideline") && caller.userId);

  return (
    <div className="space-y-6">
      <PageHeader title="Guidelines" subtitle={`${team.name}: the best way we know today, revised as we learn.`} />
      <TeamTabs teamId={team.id} current="guidelines" />
      {canEdit ? <Card><NewProcessForm teamId={team.id} /></Card> : null}
      {processes.length === 0 ? (
        <EmptyState title="No processes yet">{canEdit ? "Create the first process above." : "Your lead has not written any guidelines yet."}</EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2" aria-label="Processes">
          {processes.map((p) => (
            <li key={p.id}>
              <Link href={`/teams/${team.id}/guidelines/${p.id}`} className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-teal-600">
                <h2 className="text-lg font-semibold text-slate-900">{p.name}</h2>
                {p.description ? <p className="mt-1 text-sm text-slate-700">{p.description}</p> : null}
                <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-700">
                  {p.current ? (
                    <>
                      <span>v{p.current.number}</span>
                      <GuidelineStatusBadge status={p.current.status} />
                      {p.current.overdue ? <OverdueBadge /> : null}
                      {p.current.reviewBy ? <span>review by {formatDate(p.current.reviewBy)}</span> : null}
                    </>
                  ) : (
                    <span>No version in use yet</span>
                  )}
                  {p.drafts ? <span>· {p.drafts} {p.drafts === 1 ? "draft" : "drafts"}</span> : null}
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
