// The written page policy (docs/security/access-policy.md, "Pages and server actions") as data:
// one entry per app/**/page.tsx route. access-pages.spec.ts fails when a page on disk has no entry.
import { can, type Permission, type Role } from "@/lib/auth/permissions.ts";
import type { CallerKind } from "./callers.ts";
import type { DemoIds } from "./demo-ids.ts";

/**
 * team — a page of team A1 (Cardiology Ward 7) that needs `permission` there; other tenants get 404.
 * org-admin — the caller's own organization's admin pages: org admins only, everyone else 404.
 * signed-in — any signed-in person, about their own data (no org A id in the URL).
 * guest — sign-in/sign-up: signed-in people are sent on (redirect), signed-out ones see the form.
 * public — no sign-in at all (receipt look-up, an invitation link).
 */
export type PageAccess = { kind: "team"; permission: Permission } | { kind: "org-admin" } | { kind: "signed-in" } | { kind: "guest" } | { kind: "public" };

export type PagePolicyEntry = {
  /** The route as on disk, route groups stripped: `/teams/[teamId]/measures`. */
  route: string;
  access: PageAccess;
  url: (ids: DemoIds) => string;
};

const team = (permission: Permission): PageAccess => ({ kind: "team", permission });
const guidelines = (ids: DemoIds) => `/teams/${ids.teamId}/guidelines/${ids.processId}`;

export const PAGE_POLICY: PagePolicyEntry[] = [
  { route: "/", access: { kind: "signed-in" }, url: () => "/" },
  { route: "/admin/api-tokens", access: { kind: "org-admin" }, url: () => "/admin/api-tokens" },
  { route: "/admin/audit", access: { kind: "org-admin" }, url: () => "/admin/audit" },
  { route: "/admin/data", access: { kind: "org-admin" }, url: () => "/admin/data" },
  { route: "/capture", access: { kind: "signed-in" }, url: () => "/capture" },
  { route: "/notifications", access: { kind: "signed-in" }, url: () => "/notifications" },
  { route: "/receipt", access: { kind: "public" }, url: () => "/receipt" },
  { route: "/sign-in", access: { kind: "guest" }, url: () => "/sign-in" },
  { route: "/sign-up", access: { kind: "guest" }, url: () => "/sign-up" },
  { route: "/invite/[token]", access: { kind: "public" }, url: (ids) => `/invite/${ids.invitationToken}` },
  { route: "/teams/[teamId]", access: team("read:team"), url: (ids) => `/teams/${ids.teamId}` },
  { route: "/teams/[teamId]/members", access: team("read:member"), url: (ids) => `/teams/${ids.teamId}/members` },
  { route: "/teams/[teamId]/guidelines", access: team("read:guideline"), url: (ids) => `/teams/${ids.teamId}/guidelines` },
  { route: "/teams/[teamId]/guidelines/[processId]", access: team("read:guideline"), url: guidelines },
  {
    route: "/teams/[teamId]/guidelines/[processId]/compare",
    access: team("read:guideline"),
    url: (ids) => `${guidelines(ids)}/compare?a=1&b=${ids.versionNumber}`,
  },
  { route: "/teams/[teamId]/guidelines/[processId]/versions/[number]", access: team("read:guideline"), url: (ids) => `${guidelines(ids)}/versions/${ids.versionNumber}` },
  // Members may open the editor; it tells them the version cannot be edited (only drafts, by leads or their proposer).
  {
    route: "/teams/[teamId]/guidelines/[processId]/versions/[number]/edit",
    access: team("read:guideline"),
    url: (ids) => `${guidelines(ids)}/versions/${ids.versionNumber}/edit`,
  },
  { route: "/teams/[teamId]/measures", access: team("read:measure"), url: (ids) => `/teams/${ids.teamId}/measures` },
  { route: "/teams/[teamId]/measures/[measureId]", access: team("read:measure"), url: (ids) => `/teams/${ids.teamId}/measures/${ids.measureId}` },
  { route: "/teams/[teamId]/observations", access: team("read:observation"), url: (ids) => `/teams/${ids.teamId}/observations` },
  {
    route: "/teams/[teamId]/observations/[observationId]",
    access: team("read:observation"),
    url: (ids) => `/teams/${ids.teamId}/observations/${ids.observationId}`,
  },
];

/** The role each St Olav caller holds in team A1; OTHER_ORG has none there. */
export const ROLE_IN_A1: Partial<Record<CallerKind, Role>> = { ADMIN: "ADMIN", MANAGER: "MANAGER", LEAD: "LEAD", MEMBER: "MEMBER" };

export type PageExpected = { kind: "ok" } | { kind: "not-found" } | { kind: "sign-in" } | { kind: "redirect-away" };

/** What the written policy says a caller gets from a page. */
export function expectedPage(entry: PagePolicyEntry, caller: CallerKind): PageExpected {
  const { access } = entry;
  if (access.kind === "public") return { kind: "ok" };
  if (access.kind === "guest") return caller === "SIGNED_OUT" ? { kind: "ok" } : { kind: "redirect-away" };
  if (caller === "SIGNED_OUT") return { kind: "sign-in" };
  if (access.kind === "signed-in") return { kind: "ok" };
  // Pages never answer 403: a page the caller may not see does not exist for them.
  if (access.kind === "org-admin") return caller === "ADMIN" || caller === "OTHER_ORG" ? { kind: "ok" } : { kind: "not-found" };
  const role = ROLE_IN_A1[caller];
  return role && can(role, access.permission) ? { kind: "ok" } : { kind: "not-found" };
}
