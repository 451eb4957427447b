// The written access policy (docs/security/access-policy.md) as data: one entry per (route file,
// method) under app/api/v1. access-matrix.test.ts fails when a route on disk has no entry here.
import { can, type Permission, type Role } from "@/lib/auth/permissions.ts";
import type { CallerKind, Fixtures } from "./harness.ts";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type PolicyEntry = {
  /** Route file relative to the repository root. */
  file: string;
  method: Method;
  /** The permission the use case checks in team A1, or "authenticated" for caller-scoped lists. */
  permission: Permission | "authenticated";
  /** True when the request names an org A / team A1 id (path or query): other tenants get 404. */
  addressesOrgA: boolean;
  /** Writes get fresh fixtures per cell, and denied writes must leave the database unchanged. */
  write: boolean;
  params: (f: Fixtures) => Record<string, string>;
  query?: (f: Fixtures) => string;
  body?: (f: Fixtures) => unknown;
  success: number[];
  /** Organization-level routes refuse API tokens (they are team-scoped) with 403, in any organization. */
  tokensDenied?: boolean;
};

/** Routes that need no caller at all, and so are not part of the matrix. */
export const PUBLIC_ROUTES = ["app/api/v1/openapi.json/route.ts"];

const none = () => ({});
const measure = (f: Fixtures) => ({ id: f.measureId });
const point = (f: Fixtures) => ({ id: f.measureId, pointId: f.pointId });
const observation = (f: Fixtures) => ({ id: f.observationId });

export const ROUTE_POLICY: PolicyEntry[] = [
  { file: "app/api/v1/me/route.ts", method: "GET", permission: "authenticated", addressesOrgA: false, write: false, params: none, success: [200] },
  { file: "app/api/v1/teams/route.ts", method: "GET", permission: "authenticated", addressesOrgA: false, write: false, params: none, success: [200] },
  { file: "app/api/v1/teams/[id]/route.ts", method: "GET", permission: "read:team", addressesOrgA: true, write: false, params: (f) => ({ id: f.teamId }), success: [200] },
  {
    file: "app/api/v1/measures/route.ts",
    method: "GET",
    permission: "read:measure",
    addressesOrgA: true,
    write: false,
    params: none,
    query: (f) => `teamId=${f.teamId}`,
    success: [200],
  },
  {
    file: "app/api/v1/measures/route.ts",
    method: "POST",
    permission: "edit:measure",
    addressesOrgA: true,
    write: true,
    params: none,
    body: (f) => ({ teamId: f.teamId, name: "Falls per week", type: "COUNT", direction: "DOWN", frequency: "WEEKLY" }),
    success: [201],
  },
  { file: "app/api/v1/measures/[id]/route.ts", method: "GET", permission: "read:measure", addressesOrgA: true, write: false, params: measure, success: [200] },
  {
    file: "app/api/v1/measures/[id]/route.ts",
    method: "PATCH",
    permission: "edit:measure",
    addressesOrgA: true,
    write: true,
    params: measure,
    body: () => ({ name: "Renamed measure", target: 2 }),
    success: [200],
  },
  { file: "app/api/v1/measures/[id]/chart/route.ts", method: "GET", permission: "read:measure", addressesOrgA: true, write: false, params: measure, success: [200] },
  { file: "app/api/v1/measures/[id]/data-points.csv/route.ts", method: "GET", permission: "read:measure", addressesOrgA: true, write: false, params: measure, success: [200] },
  { file: "app/api/v1/measures/[id]/data-points/route.ts", method: "GET", permission: "read:measure", addressesOrgA: true, write: false, params: measure, success: [200] },
  {
    file: "app/api/v1/measures/[id]/data-points/route.ts",
    method: "POST",
    permission: "create:data-point",
    addressesOrgA: true,
    write: true,
    params: measure,
    body: () => ({ period: "2026-03-02", value: 7 }),
    success: [200],
  },
  {
    file: "app/api/v1/measures/[id]/data-points/import/route.ts",
    method: "POST",
    permission: "create:data-point",
    addressesOrgA: true,
    write: true,
    params: measure,
    body: () => ({ csv: "date,value,note\n2026-03-09,3,\n2026-03-16,4,ok\n" }),
    success: [200],
  },
  {
    file: "app/api/v1/measures/[id]/data-points/[pointId]/route.ts",
    method: "PATCH",
    permission: "edit:data-point",
    addressesOrgA: true,
    write: true,
    params: point,
    body: () => ({ value: 9, note: "recounted" }),
    success: [200],
  },
  { file: "app/api/v1/measures/[id]/data-points/[pointId]/route.ts", method: "DELETE", permission: "edit:data-point", addressesOrgA: true, write: true, params: point, success: [204] },
  {
    file: "app/api/v1/observations/route.ts",
    method: "GET",
    permission: "read:observation",
    addressesOrgA: true,
    write: false,
    params: none,
    query: (f) => `teamId=${f.teamId}`,
    success: [200],
  },
  {
    file: "app/api/v1/observations/route.ts",
    method: "POST",
    permission: "create:observation",
    addressesOrgA: true,
    write: true,
    params: none,
    body: (f) => ({ teamId: f.teamId, kind: "idea", text: "Put the checklist at eye level" }),
    success: [201],
  },
  { file: "app/api/v1/observations/[id]/route.ts", method: "GET", permission: "read:observation", addressesOrgA: true, write: false, params: observation, success: [200] },
  {
    file: "app/api/v1/observations/[id]/route.ts",
    method: "PATCH",
    permission: "triage:observation",
    addressesOrgA: true,
    write: true,
    params: observation,
    body: () => ({ status: "acknowledged" }),
    success: [200],
  },
  { file: "app/api/v1/observations/[id]/comments/route.ts", method: "GET", permission: "read:observation", addressesOrgA: true, write: false, params: observation, success: [200] },
  {
    file: "app/api/v1/observations/[id]/comments/route.ts",
    method: "POST",
    permission: "create:comment",
    addressesOrgA: true,
    write: true,
    params: observation,
    body: () => ({ body: "Thanks, we moved it." }),
    success: [201],
  },
  {
    file: "app/api/v1/processes/route.ts",
    method: "GET",
    permission: "read:guideline",
    addressesOrgA: true,
    write: false,
    params: none,
    query: (f) => `teamId=${f.teamId}`,
    success: [200],
  },
  { file: "app/api/v1/processes/[id]/route.ts", method: "GET", permission: "read:guideline", addressesOrgA: true, write: false, params: (f) => ({ id: f.processId }), success: [200] },
  // The caller's own organization: org B's admin exports org B (200), nobody reaches another one.
  { file: "app/api/v1/export/route.ts", method: "GET", permission: "export:organization", addressesOrgA: false, write: false, params: none, success: [200], tokensDenied: true },
];

/** The role each caller holds in team A1 (an API token acts as a MEMBER of its team). */
const ROLE_IN_A1: Partial<Record<CallerKind, Role>> = {
  ADMIN: "ADMIN",
  MANAGER: "MANAGER",
  LEAD: "LEAD",
  MEMBER: "MEMBER",
  TEAM_A1_TOKEN: "MEMBER",
};

export type Expected = { kind: "success"; statuses: number[] } | { kind: "denied"; status: 401 | 403 | 404 };

/** What the written policy says a caller gets from an entry. */
export function expectedOutcome(entry: PolicyEntry, caller: CallerKind): Expected {
  if (caller === "SIGNED_OUT") return { kind: "denied", status: 401 };
  if (entry.tokensDenied && caller.endsWith("_TOKEN")) return { kind: "denied", status: 403 };
  const success: Expected = { kind: "success", statuses: entry.success };
  if (entry.permission === "authenticated") return success;
  const role = ROLE_IN_A1[caller];
  if (!role) return entry.addressesOrgA ? { kind: "denied", status: 404 } : success;
  return can(role, entry.permission) ? success : { kind: "denied", status: 403 };
}

export const policyKey = (file: string, method: string) => `${method} ${file}`;
