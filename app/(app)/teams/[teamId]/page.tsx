import type { Metadata } from "next";
import { requireSessionCaller } from "@/lib/auth/session.ts";
import { orNotFound } from "@/lib/navigation/or-not-found.ts";
import { getTeamOverview } from "@/lib/teams/get-team-overview.ts";
import { TeamTabs } from "@/components/layout/team-tabs.tsx";
import { RoleBadge } from "@/components/ui/badge.tsx";
import { PageHeader } from "@/components/ui/card.tsx";
import { MeasuresSection, ObservationsSection, ProcessesSection } from "@/components/team/overview-sections.tsx";
import { ActionItemsSection, ExperimentsSection } from "@/components/team/work-sections.tsx";

export const metadata: Metadata = { title: "Team overview" };

export default async function TeamOverviewPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const caller = await requireSessionCaller(`/teams/${teamId}`);
  const overview = await orNotFound(getTeamOverview(caller, teamId));
  const { team } = overview;

  return (
    <div className="space-y-6">
      <PageHeader
        title={team.name}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <span>Your role:</span> <RoleBadge role={team.role} />
            <span aria-hidden="true">·</span>
            <span>
              {team.memberCount} {team.memberCount === 1 ? "member" : "members"}
            </span>
          </span>
        }
      />
      {team.description ? <p className="max-w-3xl text-slate-700">{team.description}</p> : null}
      <TeamTabs teamId={team.id} current="overview" />
      <div className="grid gap-8 xl:grid-cols-2">
        <div className="space-y-8">
          <ProcessesSection teamId={team.id} processes={overview.processes} />
          <MeasuresSection teamId={team.id} measures={overview.measures} />
        </div>
        <div className="space-y-8">
          <ObservationsSection teamId={team.id} observations={overview.observations} />
          <ExperimentsSection experiments={overview.experiments} />
          <ActionItemsSection actionItems={overview.actionItems} />
        </div>
      </div>
    </div>
  );
}
