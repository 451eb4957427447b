// Shared plumbing for the security suite: calling handlers in-process (JSON or not), callers,
// fresh fixtures in org A / team A1, and a fingerprint of the tables a write could touch.
import { randomUUID } from "node:crypto";
import { createApiTokenRow, createWorld, sessionCookie, testDb } from "../support/factories.ts";
import { createMeasureRow, createPointRows } from "../support/measure-factories.ts";
import { createProcessWithSteps } from "../support/observation-factories.ts";

export type RouteFn = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type Invocation = {
  method?: string;
  path?: string;
  params?: Record<string, string>;
  cookie?: string;
  bearer?: string;
  /** A string is sent as-is (raw body); anything else is JSON-encoded. */
  body?: unknown;
  headers?: Record<string, string>;
};

export type Answer = { status: number; headers: Headers; text: string; json: unknown };

/** Like support/api.ts `call`, but keeps non-JSON bodies (CSV export) and never throws on parsing. */
export async function invoke(handler: RouteFn, options: Invocation = {}): Promise<Answer> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  if (options.body !== undefined && !("content-type" in headers)) headers["content-type"] = "application/json";
  if (method !== "GET" && !("origin" in headers)) headers.origin = "http://localhost";
  const request = new Request(`http://localhost${options.path ?? "/api/v1/test"}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: typeof options.body === "string" ? options.body : JSON.stringify(options.body) } : {}),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export type World = Awaited<ReturnType<typeof createWorld>>;

export const CALLERS = ["ADMIN", "MANAGER", "LEAD", "MEMBER", "SIGNED_OUT", "ORG_B_ADMIN", "ORG_B_TOKEN", "TEAM_A1_TOKEN"] as const;
export type CallerKind = (typeof CALLERS)[number];
export type Credentials = { cookie?: string; bearer?: string };

export async function credentialsFor(world: World): Promise<Record<CallerKind, Credentials>> {
  const orgBToken = await createApiTokenRow(world.orgB.id, world.teamB1.id);
  const teamA1Token = await createApiTokenRow(world.orgA.id, world.teamA1.id);
  return {
    ADMIN: { cookie: await sessionCookie(world.a.admin.id) },
    MANAGER: { cookie: await sessionCookie(world.a.manager.id) },
    LEAD: { cookie: await sessionCookie(world.a.lead.id) },
    MEMBER: { cookie: await sessionCookie(world.a.member.id) },
    SIGNED_OUT: {},
    ORG_B_ADMIN: { cookie: await sessionCookie(world.b.admin.id) },
    ORG_B_TOKEN: { bearer: orgBToken.token },
    TEAM_A1_TOKEN: { bearer: teamA1Token.token },
  };
}

/** Rows in org A / team A1 that a route can address. Made fresh for every write so cells never interfere. */
export type Fixtures = {
  orgId: string;
  teamId: string;
  measureId: string;
  pointId: string;
  processId: string;
  versionId: string;
  stepId: string;
  observationId: string;
};

export async function createFixtures(world: World): Promise<Fixtures> {
  const db = testDb();
  const orgId = world.orgA.id;
  const teamId = world.teamA1.id;
  const measure = await createMeasureRow(orgId, teamId, { type: "COUNT", frequency: "WEEKLY" });
  await createPointRows(orgId, measure.id, new Date("2026-01-05T00:00:00Z"), 7, [{ value: 3 }, { value: 5 }, { value: 4 }]);
  const point = await db.dataPoint.findFirstOrThrow({ where: { measureId: measure.id }, select: { id: true }, orderBy: { periodStart: "asc" } });
  const { process, version, steps } = await createProcessWithSteps(orgId, teamId);
  const now = new Date();
  const observation = await db.observation.create({
    data: {
      organizationId: orgId,
      teamId,
      kind: "IDEA",
      text: "Label the spare oxygen cylinders",
      authorId: world.a.member.id,
      clientSubmissionId: randomUUID(),
      requestHash: "fixture",
      occurredAt: now,
      createdAt: now,
    },
    select: { id: true },
  });
  return {
    orgId,
    teamId,
    measureId: measure.id,
    pointId: point.id,
    processId: process.id,
    versionId: version.id,
    stepId: steps[0]!.id,
    observationId: observation.id,
  };
}

// Everything a route could write to. Audit events, rate-limit counters, token `lastUsedAt` and users
// are left out on purpose: a denied request may legitimately be audited or counted.
const FINGERPRINT_TABLES = [
  "Organization",
  "Team",
  "Membership",
  "Process",
  "GuidelineVersion",
  "GuidelineStep",
  "Observation",
  "Comment",
  "Notification",
  "Measure",
  "DataPoint",
] as const;

/** Row count and a hash of every row's full content per table: any insert, update or delete shows. */
export async function fingerprint(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of FINGERPRINT_TABLES) {
    const rows = await testDb().$queryRawUnsafe<{ n: number; h: string }[]>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${table}" t`,
    );
    out[table] = `${rows[0]!.n}:${rows[0]!.h}`;
  }
  return out;
}
