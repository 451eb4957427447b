// Organizations, teams, users and memberships. The fixed demo logins come from logins.ts; the
// extra members make headcounts, pulse participation and observation authorship look real.
import type { Prisma, Role } from "../generated/client.ts";
import type { Calendar, TeamCtx, TeamKey, UserCtx, World } from "./context.ts";
import { DEMO_LOGINS } from "./logins.ts";
import type { Rng } from "./random.ts";
import { addDays, newId } from "./random.ts";

type TeamDef = { key: TeamKey; org: "stOlav" | "riverside"; name: string; slug: string; description: string };
type PersonDef = { email: string; name?: string; orgAdmin?: boolean; teams: [TeamKey, Role][] };

const TEAMS: TeamDef[] = [
  {
    key: "cardio",
    org: "stOlav",
    name: "Cardiology Ward 7",
    slug: "cardiology-ward-7",
    description: "24-bed cardiology ward: acute coronary syndromes, heart failure, central lines and telemetry.",
  },
  {
    key: "ed",
    org: "stOlav",
    name: "Emergency Department",
    slug: "emergency-department",
    description: "Adult emergency department (majors, minors and resus), about 45,000 attendances a year.",
  },
  {
    key: "primary",
    org: "riverside",
    name: "Primary Care",
    slug: "primary-care",
    description: "General practice team: four GPs, two practice nurses, a medical assistant and reception.",
  },
];

const PEOPLE: Record<"stOlav" | "riverside", PersonDef[]> = {
  stOlav: [
    { email: "admin@stolav.example", orgAdmin: true, teams: [] },
    { email: "manager@stolav.example", teams: [["cardio", "MANAGER"], ["ed", "MANAGER"]] },
    { email: "lead.cardio@stolav.example", teams: [["cardio", "LEAD"]] },
    { email: "nurse.cardio@stolav.example", teams: [["cardio", "MEMBER"]] },
    { email: "nurse2.cardio@stolav.example", name: "Lars Johansen", teams: [["cardio", "MEMBER"]] },
    { email: "nurse3.cardio@stolav.example", name: "Priya Nair", teams: [["cardio", "MEMBER"]] },
    { email: "nurse4.cardio@stolav.example", name: "Henrik Dahl", teams: [["cardio", "MEMBER"]] },
    { email: "nurse5.cardio@stolav.example", name: "Emma Strand", teams: [["cardio", "MEMBER"]] },
    { email: "nurse6.cardio@stolav.example", name: "Oskar Lie", teams: [["cardio", "MEMBER"]] },
    { email: "nurse7.cardio@stolav.example", name: "Fatima Yilmaz", teams: [["cardio", "MEMBER"]] },
    // A float nurse works on both wards, which exercises multi-team membership.
    { email: "float.nurse@stolav.example", name: "Nora Bakken", teams: [["cardio", "MEMBER"], ["ed", "MEMBER"]] },
    { email: "lead.ed@stolav.example", teams: [["ed", "LEAD"]] },
    { email: "nurse.ed@stolav.example", name: "Mohammed Ali", teams: [["ed", "MEMBER"]] },
    { email: "nurse2.ed@stolav.example", name: "Silje Moen", teams: [["ed", "MEMBER"]] },
    { email: "nurse3.ed@stolav.example", name: "Daniel Kowalski", teams: [["ed", "MEMBER"]] },
    { email: "nurse4.ed@stolav.example", name: "Hanna Lindqvist", teams: [["ed", "MEMBER"]] },
    { email: "nurse5.ed@stolav.example", name: "Thomas Vik", teams: [["ed", "MEMBER"]] },
    { email: "nurse6.ed@stolav.example", name: "Aisha Mensah", teams: [["ed", "MEMBER"]] },
  ],
  riverside: [
    { email: "admin@riverside.example", orgAdmin: true, teams: [] },
    { email: "lead@riverside.example", teams: [["primary", "LEAD"]] },
    { email: "nurse@riverside.example", name: "Olivia Grant", teams: [["primary", "MEMBER"]] },
    { email: "assistant@riverside.example", name: "Marcus Reid", teams: [["primary", "MEMBER"]] },
    { email: "dr.shah@riverside.example", name: "Anika Shah", teams: [["primary", "MEMBER"]] },
  ],
};

export type OrgRows = {
  organizations: Prisma.OrganizationCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  teams: Prisma.TeamCreateManyInput[];
  memberships: Prisma.MembershipCreateManyInput[];
};

export function buildOrgs(cal: Calendar, rng: Rng, passwordHash: string): { world: World; rows: OrgRows } {
  const orgs = { stOlav: newId(), riverside: newId() };
  const founded = addDays(cal.today, -430);
  const rows: OrgRows = {
    organizations: [
      { id: orgs.stOlav, name: "St Olav Hospital", slug: "st-olav", createdAt: founded },
      { id: orgs.riverside, name: "Riverside Clinic", slug: "riverside", createdAt: addDays(founded, 150) },
    ],
    users: [],
    teams: [],
    memberships: [],
  };

  const teams = {} as Record<TeamKey, TeamCtx>;
  for (const def of TEAMS) {
    const id = newId();
    const orgId = orgs[def.org];
    teams[def.key] = { key: def.key, id, orgId, slug: def.slug, name: def.name, leadId: "", managerId: null, memberIds: [] };
    rows.teams.push({ id, organizationId: orgId, name: def.name, slug: def.slug, description: def.description, createdAt: founded });
  }

  const users = new Map<string, UserCtx>();
  for (const orgKey of ["stOlav", "riverside"] as const) {
    const orgId = orgs[orgKey];
    for (const person of PEOPLE[orgKey]) {
      const name = person.name ?? DEMO_LOGINS.find((l) => l.email === person.email)?.name;
      if (!name) throw new Error(`seed: no name for ${person.email}`);
      const id = newId();
      const createdAt = addDays(founded, rng.int(0, 60));
      users.set(person.email, { id, email: person.email, name, orgId });
      rows.users.push({
        id,
        organizationId: orgId,
        email: person.email.toLowerCase(),
        name,
        passwordHash,
        orgRole: person.orgAdmin ? "ADMIN" : "MEMBER",
        createdAt,
      });
      for (const [teamKey, role] of person.teams) {
        const team = teams[teamKey];
        if (role === "LEAD") team.leadId = id;
        if (role === "MANAGER") team.managerId = id;
        if (role === "MEMBER") team.memberIds.push(id);
        rows.memberships.push({ id: newId(), organizationId: orgId, teamId: team.id, userId: id, role, createdAt });
      }
    }
  }
  return { world: { cal, rng, orgs, teams, users }, rows };
}
