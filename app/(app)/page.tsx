import type { Metadata } from "next";
import Link from "next/link";
import { requireSessionCaller } from "@/lib/auth/session.ts";
import { listTeams } from "@/lib/teams/list-teams.ts";
import { RoleBadge } from "@/components/ui/badge.tsx";
import { EmptyState, PageHeader, Section } from "@/components/ui/card.tsx";

export const metadata: Metadata = { title: "Home" };

export default async function DashboardPage() {
  const caller = await requireSessionCaller("/");
  const { teams } = await listTeams(caller, { limit: 100 });
  const firstName = caller.name.split(" ")[0] ?? caller.name;

  return (
    <div className="space-y-8">
      <PageHeader title={`Hello, ${firstName}`} subtitle="Pick a team to see its guidelines, observations, measures and experiments." />
      <Section id="teams" title={caller.isOrgAdmin ? "Teams in your organization" : "Your teams"}>
        {teams.length === 0 ? (
          <EmptyState title={caller.isOrgAdmin ? "Your organization has no teams yet" : "You're not in a team yet — ask your admin for an invitation"}>
            {caller.isOrgAdmin
              ? "Create a team for each ward or department, then invite its people from the team's Members page."
              : "Once you accept an invitation, your team appears here."}
          </EmptyState>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
            {teams.map((team) => (
              <li key={team.id}>
                <Link
                  href={`/teams/${team.id}`}
                  className="group flex h-full flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm transition hover:border-teal-600 hover:shadow"
                >
                  <div className="flex items-start justify-between gap-3">
                    <h3 className="text-base font-semibold text-slate-900 group-hover:text-teal-800 group-hover:underline">{team.name}</h3>
                    <RoleBadge role={team.role} />
                  </div>
                  {team.description ? <p className="line-clamp-2 text-sm text-slate-600">{team.description}</p> : null}
                  <p className="mt-auto text-sm text-slate-700">
                    {team.memberCount} {team.memberCount === 1 ? "member" : "members"}
                  </p>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
