"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { roleLabel } from "@/components/ui/badge.tsx";
import { TEAM_SECTIONS, teamSectionOf } from "./team-sections.ts";

export type NavTeam = { id: string; name: string; role: string };

const linkBase = "flex min-h-11 items-center rounded-md px-3 text-sm font-medium";
const linkIdle = "text-slate-700 hover:bg-slate-100 hover:text-slate-900";
const linkActive = "bg-teal-50 text-teal-900 ring-1 ring-inset ring-teal-200";

function NavLink({ href, active, children }: { href: string; active: boolean; children: ReactNode }) {
  return (
    <Link href={href} aria-current={active ? "page" : undefined} className={`${linkBase} ${active ? linkActive : linkIdle}`}>
      {children}
    </Link>
  );
}

// A label for a group of links, not a heading: the page's own h1 should be the first heading.
function GroupHeading({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="px-3 pb-1 pt-4 text-xs font-semibold uppercase tracking-wide text-slate-600">
      {children}
    </p>
  );
}

/** The team id in the current path, if any (`/teams/<id>/...`). */
export function currentTeamId(pathname: string): string | null {
  return /^\/teams\/([^/]+)/.exec(pathname)?.[1] ?? null;
}

/** Navigation by role: home, the current team's pages, the team switcher, and admin pages for org admins. */
export function AppNav({ teams, isOrgAdmin, idPrefix }: { teams: NavTeam[]; isOrgAdmin: boolean; idPrefix: string }) {
  const pathname = usePathname();
  const teamId = currentTeamId(pathname);
  const current = teams.find((t) => t.id === teamId) ?? null;
  const section = current ? teamSectionOf(pathname, current.id) : null;

  return (
    <div className="space-y-1">
      <NavLink href="/" active={pathname === "/"}>
        Home
      </NavLink>
      {teams.length > 0 ? (
        <NavLink href={current ? `/capture?teamId=${current.id}` : "/capture"} active={pathname === "/capture"}>
          Log an observation
        </NavLink>
      ) : null}

      {current ? (
        <div role="group" aria-labelledby={`${idPrefix}-current`}>
          <GroupHeading id={`${idPrefix}-current`}>{current.name}</GroupHeading>
          {TEAM_SECTIONS.map((s) => (
            <NavLink key={s.key} href={`/teams/${current.id}${s.path}`} active={section === s.key}>
              {s.label}
            </NavLink>
          ))}
        </div>
      ) : null}

      {teams.length > 0 ? (
        <div role="group" aria-labelledby={`${idPrefix}-teams`}>
          <GroupHeading id={`${idPrefix}-teams`}>Switch team</GroupHeading>
          <ul className="space-y-1">
            {teams.map((t) => (
              <li key={t.id}>
                <Link
                  href={`/teams/${t.id}`}
                  aria-current={t.id === teamId ? "true" : undefined}
                  className={`${linkBase} justify-between gap-2 ${t.id === teamId ? "font-semibold text-teal-900" : linkIdle}`}
                >
                  <span className="truncate">{t.name}</span>
                  <span className="shrink-0 text-xs font-normal text-slate-600">{roleLabel(t.role)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {isOrgAdmin ? (
        <div role="group" aria-labelledby={`${idPrefix}-admin`}>
          <GroupHeading id={`${idPrefix}-admin`}>Admin</GroupHeading>
          <NavLink href="/admin/api-tokens" active={pathname.startsWith("/admin/api-tokens")}>
            API tokens
          </NavLink>
          <NavLink href="/admin/audit" active={pathname.startsWith("/admin/audit")}>
            Audit log
          </NavLink>
          <NavLink href="/admin/data" active={pathname.startsWith("/admin/data")}>
            Data export
          </NavLink>
        </div>
      ) : null}
    </div>
  );
}
