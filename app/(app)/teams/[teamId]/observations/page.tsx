import type { Metadata } from "next";
import Link from "next/link";
import { requireSessionCaller } from "@/lib/auth/session.ts";
import { roleInTeam } from "@/lib/auth/guard.ts";
import { can } from "@/lib/auth/permissions.ts";
import { orNotFound } from "@/lib/navigation/or-not-found.ts";
import { getTeamOrThrow } from "@/lib/teams/get-team.ts";
import { listProcesses } from "@/lib/guidelines/queries.ts";
import { listObservations } from "@/lib/observations/list-observations.ts";
import { listObservationsQuery } from "@/lib/observations/schema.ts";
import { InboxFilters } from "@/components/observations/inbox-filters.tsx";
import { TriageInbox } from "@/components/observations/triage-inbox.tsx";
import { Alert } from "@/components/ui/alert.tsx";
import { ButtonLink } from "@/components/ui/button.tsx";
import { EmptyState, PageHeader } from "@/components/ui/card.tsx";
import { TeamTabs } from "@/components/layout/team-tabs.tsx";

export const metadata: Metadata = { title: "Observations" };

type Search = Record<string, string | string[] | undefined>;
const FILTERS = ["kind", "status", "severity", "processId", "from", "to", "q", "cursor"] as const;

export default async function ObservationsInboxPage({ params, searchParams }: { params: Promise<{ teamId: string }>; searchParams: Promise<Search> }) {
  const { teamId } = await params;
  const caller = await requireSessionCaller(`/teams/${teamId}/observations`);
  const team = await orNotFound(getTeamOrThrow(caller, teamId));
  const search = await searchParams;
  const filters: Partial<Record<(typeof FILTERS)[number], string>> = {};
  for (const key of FILTERS) {
    const v = search[key];
    if (typeof v === "string" && v) filters[key] = v;
  }
  const parsed = listObservationsQuery.safeParse({ ...filters, teamId: team.id, limit: "50" });
  const role = roleInTeam(caller, team.id);
  const canTriage = Boolean(role && can(role, "triage:observation"));
  const [result, processes] = await Promise.all([
    parsed.success ? listObservations(caller, parsed.data) : Promise.resolve(null),
    listProcesses(caller, team.id),
  ]);
  const base = `/teams/${team.id}/observations`;
  const { cursor: _cursor, ...rest } = filters;
  const older = result?.nextCursor ? `${base}?${new URLSearchParams({ ...rest, cursor: result.nextCursor })}` : null;
  const filtered = Object.keys(rest).length > 0;

  return (
    <div className="space-y-5">
      <PageHeader title="Observations" subtitle={team.name}>
        <ButtonLink href={`/capture?teamId=${team.id}`}>Log an observation</ButtonLink>
      </PageHeader>
      <TeamTabs teamId={team.id} current="observations" />
      <InboxFilters action={base} filters={filters} processes={processes.map((p) => ({ id: p.id, name: p.name }))} />
      {!result ? (
        <Alert tone="error" title="Those filters are not valid">Check the dates and try again.</Alert>
      ) : result.observations.length === 0 ? (
        <EmptyState title={filtered ? "Nothing matches these filters" : "No observations yet"}>
          {filtered ? <Link className="underline" href={base}>Clear the filters</Link> : "Reports from the frontline will appear here. Share the capture link with the team."}
        </EmptyState>
      ) : (
        <>
          <TriageInbox teamId={team.id} observations={result.observations} canTriage={canTriage} />
          <nav aria-label="Pages" className="flex justify-between">
            {filters.cursor ? <Link className="underline" href={`${base}?${new URLSearchParams(rest)}`}>Newest</Link> : <span />}
            {older ? <Link className="underline" href={older}>Older</Link> : null}
          </nav>
        </>
      )}
    </div>
  );
}
