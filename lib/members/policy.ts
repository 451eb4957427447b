// Who may change or remove whom inside a team: pure, so that pages can show only the controls a
// caller may use, and the use cases enforce the same rule.
import type { Role } from "@/lib/auth/permissions.ts";
import { ASSIGNABLE_ROLES } from "./schema.ts";

/** Roles a team MANAGER may touch (change between, or remove): never their peers or above. */
const MANAGER_SCOPE: ReadonlySet<Role> = new Set(["LEAD", "MEMBER"]);

/**
 * Whether a caller with `callerRole` in a team may move a member from `from` to `to` (or remove them,
 * when `to` is null). Org admins (ADMIN in every team) may do anything; MANAGERs only LEAD↔MEMBER.
 */
export function mayManageMember(callerRole: Role, from: Role, to: Role | null): boolean {
  if (callerRole === "ADMIN") return true;
  if (callerRole !== "MANAGER") return false;
  return MANAGER_SCOPE.has(from) && (to === null || MANAGER_SCOPE.has(to));
}

/** The roles a caller may move a member with role `from` to (including `from` itself), or [] if none. */
export function assignableRolesFor(callerRole: Role, from: Role): Role[] {
  if (!mayManageMember(callerRole, from, null)) return [];
  return ASSIGNABLE_ROLES.filter((r) => r === from || mayManageMember(callerRole, from, r));
}
