/** A team's pages, in navigation order (sidebar, phone menu and the tabs under a team heading). */
export const TEAM_SECTIONS = [
  { key: "overview", label: "Overview", path: "" },
  { key: "guidelines", label: "Guidelines", path: "/guidelines" },
  { key: "observations", label: "Observations", path: "/observations" },
  { key: "measures", label: "Measures", path: "/measures" },
  { key: "members", label: "Members", path: "/members" },
] as const;

export type TeamSectionKey = (typeof TEAM_SECTIONS)[number]["key"];

/** Which section a path is in: `/teams/x` is the overview, `/teams/x/measures/y` is measures. */
export function teamSectionOf(pathname: string, teamId: string): TeamSectionKey | null {
  const base = `/teams/${teamId}`;
  if (pathname === base) return "overview";
  const section = TEAM_SECTIONS.find((s) => s.path && (pathname === base + s.path || pathname.startsWith(`${base}${s.path}/`)));
  return section?.key ?? null;
}
