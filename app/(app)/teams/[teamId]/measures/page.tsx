import type { Metadata } from "next";
import Link from "next/link";
import { requireSessionCaller } from "@/lib/auth/session.ts";
import { roleInTeam } from "@/lib/auth/guard.ts";
import { can } from "@/lib/auth/permissions.ts";
import { enumLabel, formatNumber } from "@/lib/format/labels.ts";
import { formatDate } from "@/lib/format/dates.ts";
import { orNotFound } from "@/lib/navigation/or-not-found.ts";
import { getTeamOrThrow } from "@/lib/teams/get-team.ts";
import { listMeasureSummaries, listTeamProcesses, type MeasureSummary } from "@/lib/measures/page-queries.ts";
import { displayMultiplier, pointValue } from "@/lib/measures/rules.ts";
import { TeamTabs } from "@/components/layout/team-tabs.tsx";
import { CreateMeasureForm } from "@/components/measures/create-measure-form.tsx";
import { Badge } from "@/components/ui/badge.tsx";
import { Card, EmptyState, PageHeader, Section } from "@/components/ui/card.tsx";

export const metadata: Metadata = { title: "Measures" };

function latest(m: MeasureSummary): string {
  if (!m.latest) return "No data yet";
  const v = pointValue(m.type, m.latest);
  if (v === null) return "No value";
  const shown = formatNumber(v * displayMultiplier(m.type, m.unit));
  return m.unit === "%" ? `${shown}%` : `${shown}${m.unit ? ` ${m.unit}` : ""}`;
}

export default async function MeasuresPage({ params, searchParams }: { params: Promise<{ teamId: string }>; searchParams: Promise<{ q?: string }> }) {
  const { teamId } = await params;
  const q = String((await searchParams).q ?? "").trim().slice(0, 100);
  const caller = await requireSessionCaller(`/teams/${teamId}/measures`);
  const team = await orNotFound(getTeamOrThrow(caller, teamId));
  const measures = await listMeasureSummaries(caller, team.id, q);
  const role = roleInTeam(caller, team.id);
  const mayCreate = Boolean(role && can(role, "edit:measure") && caller.userId);
  const processes = mayCreate ? await listTeamProcesses(caller, team.id) : [];

  return (
    <div className="space-y-6">
      <PageHeader title={team.name} subtitle={`Measures · ${measures.length} ${q ? "found" : measures.length === 1 ? "measure" : "measures"}`} />
      <TeamTabs teamId={team.id} current="measures" />

      <form role="search" action={`/teams/${team.id}/measures`} className="flex max-w-xl gap-2">
        <label htmlFor="measure-search" className="sr-only">Search measures</label>
        <input id="measure-search" name="q" type="search" defaultValue={q} placeholder="Search measures by name" className="block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 text-base sm:text-sm" />
        <button type="submit" className="min-h-11 rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-800 hover:bg-slate-100">Search</button>
      </form>

      <Section id="measure-list" title={q ? `Measures matching “${q}”` : "All measures"}>
        {measures.length === 0 ? (
          q ? (
            <EmptyState title={`No measures match “${q}”`}>
              <Link href={`/teams/${team.id}/measures`} className="text-teal-800 underline">Show all measures</Link>
            </EmptyState>
          ) : (
            <EmptyState title="No measures yet">{mayCreate ? "Create the first one below: what would show whether the work is going well?" : "A team lead can define what the team measures."}</EmptyState>
          )
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
            {measures.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                <div className="min-w-0">
                  <Link href={`/teams/${team.id}/measures/${m.id}`} className="font-semibold text-teal-900 underline-offset-2 hover:underline">
                    {m.name}
                  </Link>
                  <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                    <span>{enumLabel(m.type)} · {enumLabel(m.frequency)}</span>
                    {m.label ? <Badge>{enumLabel(m.label)}</Badge> : null}
                  </p>
                </div>
                <div className="text-sm sm:text-right">
                  <p className="font-semibold text-slate-900">{latest(m)}</p>
                  <p className="text-slate-600">{m.latest ? `${formatDate(m.latest.periodStart)} · ${m.pointCount} points` : ""}</p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>

      {mayCreate ? (
        <Section id="create-measure" title="New measure" description="Measures belong to this team; linking a process marks its guideline changes on the chart.">
          <Card>
            <CreateMeasureForm teamId={team.id} processes={processes} />
          </Card>
        </Section>
      ) : null}
    </div>
  );
}
