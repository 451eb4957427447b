// Permissions as data (epic-stack ADR 028 style): `action:entity:scope`. `any` reaches every team
// in the organization, `team` only the caller's own teams. One guard (lib/auth/guard.ts) reads
// this table; the policy is written out in docs/security/access-policy.md.
export const ROLES = ["ADMIN", "MANAGER", "LEAD", "MEMBER"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "read:team",
  "manage:team", // create teams, change memberships
  "invite:member",
  "read:member",
  "create:api-token",
  "read:audit",
  "export:organization", // the whole organization's data as a zip (org admins; never an API token)
  "read:guideline",
  "edit:guideline",
  "propose:guideline",
  "create:observation",
  "read:observation",
  "triage:observation",
  "create:comment",
  "read:measure",
  "edit:measure",
  "create:data-point",
  "edit:data-point",
  "run:experiment",
  "run:retrospective",
  "read:report",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const member: Permission[] = [
  "read:team",
  "read:member",
  "read:guideline",
  "propose:guideline",
  "create:observation",
  "read:observation",
  "create:comment",
  "read:measure",
  "create:data-point",
  "read:report",
];
const lead: Permission[] = [
  ...member,
  "edit:guideline",
  "triage:observation",
  "edit:measure",
  "edit:data-point",
  "run:experiment",
  "run:retrospective",
];
const manager: Permission[] = [...lead, "invite:member"];
const admin: Permission[] = [...PERMISSIONS];

export const POLICY: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set(admin),
  MANAGER: new Set(manager),
  LEAD: new Set(lead),
  MEMBER: new Set(member),
};

export function can(role: Role, permission: Permission): boolean {
  return POLICY[role].has(permission);
}

/** Roles a given role may hand out in an invitation: never above its own. */
export function invitableRoles(role: Role): Role[] {
  if (role === "ADMIN") return ["MANAGER", "LEAD", "MEMBER"];
  if (role === "MANAGER") return ["LEAD", "MEMBER"];
  return [];
}
