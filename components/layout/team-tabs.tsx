import Link from "next/link";
import { TEAM_SECTIONS, type TeamSectionKey } from "./team-sections.ts";

/** Tabs under a team's heading: the team's own navigation, visible on phones too. */
export function TeamTabs({ teamId, current }: { teamId: string; current: TeamSectionKey }) {
  return (
    <nav aria-label="Team" className="-mx-1 overflow-x-auto border-b border-slate-200">
      <ul className="flex gap-1 px-1">
        {TEAM_SECTIONS.map((tab) => {
          const active = tab.key === current;
          return (
            <li key={tab.key} className="shrink-0">
              <Link
                href={`/teams/${teamId}${tab.path}`}
                aria-current={active ? "page" : undefined}
                className={`-mb-px inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-semibold ${
                  active ? "border-teal-700 text-teal-900" : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
