// Organization export and import (backup issue): a round trip of the demo organization through the
// zip into an EMPTY database reproduces it row for row, refusals leave the target untouched, only
// org admins can export, the route serves a real zip, and anonymous observations stay anonymous.
import { randomUUID } from "node:crypto";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/export/route.ts";
import { openApiDocument } from "@/lib/api/openapi.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { callerFromSession } from "@/lib/auth/resolve-caller.ts";
import { replyToObservation } from "@/lib/comments/observation-comments.ts";
import { createObservationInput } from "@/lib/observations/schema.ts";
import { createObservation } from "@/lib/observations/create-observation.ts";
import { triageObservation } from "@/lib/observations/triage-observation.ts";
import { createPrismaClient, type Db } from "@/lib/db/create-client.ts";
import { applyMigrations } from "@/lib/db/migrations.ts";
import { seedDemoData } from "@/lib/db/seed/index.ts";
import { isAppError } from "@/lib/errors.ts";
import { exportOrganization } from "@/lib/export/export-organization.ts";
import { importOrganization } from "@/lib/export/import-organization.ts";
import { MODEL_NAMES, OMITTED_COLUMNS } from "@/lib/export/tables.ts";
import { createApiTokenRow, createWorld, sessionCookie, testDb } from "./support/factories.ts";

const NOW = new Date("2026-11-20T09:00:00Z");
const stamp = `${Date.now()}_${process.pid}`;
const names = { source: `ll_export_src_${stamp}`, target: `ll_export_dst_${stamp}` };

function urlFor(database: string): string {
  const url = new URL(inject("databaseUrl"));
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlFor("postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let source: Db;
let target: Db;
let stOlav: { id: string; name: string; slug: string };
let riversideId: string;
let stOlavAdmin: Caller;

beforeAll(async () => {
  await onServer(async (c) => {
    await c.query(`create database "${names.source}"`);
    await c.query(`create database "${names.target}"`);
  });
  await applyMigrations(urlFor(names.source));
  await applyMigrations(urlFor(names.target));
  source = createPrismaClient(urlFor(names.source), { max: 4 });
  target = createPrismaClient(urlFor(names.target), { max: 4 });
  expect(await seedDemoData(source, { now: NOW })).toEqual({ seeded: true });
  stOlav = await source.organization.findUniqueOrThrow({ where: { slug: "st-olav" }, select: { id: true, name: true, slug: true } });
  riversideId = (await source.organization.findUniqueOrThrow({ where: { slug: "riverside" }, select: { id: true } })).id;
  const admin = await source.user.findUniqueOrThrow({ where: { email: "admin@stolav.example" }, select: { id: true, name: true, email: true } });
  stOlavAdmin = { userId: admin.id, tokenId: null, orgId: stOlav.id, isOrgAdmin: true, name: admin.name, email: admin.email, teams: [] };
  await addRowsTheSeedLacks(admin.id);
}, 180_000);

/** The seed leaves some tables and shapes empty; the round trip must cover them too. */
async function addRowsTheSeedLacks(adminId: string): Promise<void> {
  const version = await source.guidelineVersion.findFirstOrThrow({ where: { organizationId: stOlav.id }, select: { id: true }, orderBy: { id: "asc" } });
  const observation = await source.observation.findFirstOrThrow({ where: { organizationId: stOlav.id }, select: { id: true }, orderBy: { id: "asc" } });
  await source.guidelineVersionObservation.create({ data: { organizationId: stOlav.id, guidelineVersionId: version.id, observationId: observation.id } });
  await source.weeklyReport.create({
    data: { organizationId: stOlav.id, teamId: null, isoWeek: "2026-W47", snapshot: { teams: [{ name: "Ward", rate: 0.25, notes: null }], big: 1e21 }, generatedById: adminId },
  });
  // Belongs to St Olav only through its actor; a formula-like value tests the CSV guard.
  await source.auditEvent.create({ data: { organizationId: null, actorId: adminId, action: "auth.sign_in_failed", userAgent: "=HYPERLINK(1)", metadata: { note: "🩺 ünïcode" } } });
}

afterAll(async () => {
  await source?.$disconnect();
  await target?.$disconnect();
  await onServer(async (c) => {
    await c.query(`drop database if exists "${names.source}" with (force)`);
    await c.query(`drop database if exists "${names.target}" with (force)`);
  });
});

// ---- independent reads with plain SQL (not the export's own reader) ----

const SECRET_COLUMNS = OMITTED_COLUMNS.map((c) => c.column);

/** Every table in the database, from the catalogue. */
async function tablesOf(db: Db): Promise<{ table: string; hasOrg: boolean }[]> {
  return db.$queryRaw<{ table: string; hasOrg: boolean }[]>`
    select t.table_name as "table",
           exists (select 1 from information_schema.columns c where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'organizationId') as "hasOrg"
    from information_schema.tables t
    where t.table_schema = 'public' and t.table_type = 'BASE TABLE' and t.table_name <> '_prisma_migrations'
    order by 1`;
}

/** One table's rows of the organization as canonical JSON text (secrets removed), sorted. */
async function canonicalRows(db: Db, table: string, orgId: string, options: { skipActions?: string[] } = {}): Promise<string[]> {
  const minus = SECRET_COLUMNS.map((c) => ` - '${c}'`).join("");
  let where = `t."organizationId" = $1`;
  if (table === "Organization") where = `t."id" = $1`;
  if (table === "AuditEvent") {
    where = `(t."organizationId" = $1 or (t."organizationId" is null and t."actorId" in (select id from "User" where "organizationId" = $1)))`;
    if (options.skipActions?.length) where += ` and t."action" <> all($2::text[])`;
  }
  const params: unknown[] = table === "AuditEvent" && options.skipActions?.length ? [orgId, options.skipActions] : [orgId];
  const rows = await db.$queryRawUnsafe<{ j: string }[]>(`select (to_jsonb(t)${minus})::text as j from "${table}" t where ${where} order by 1`, ...params);
  return rows.map((r) => r.j);
}

async function fingerprint(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const { table } of await tablesOf(db)) {
    const [row] = await db.$queryRawUnsafe<{ n: number; h: string }[]>(
      `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${table}" t`,
    );
    out[table] = `${row!.n}:${row!.h}`;
  }
  return out;
}

async function totalRows(db: Db): Promise<number> {
  let total = 0;
  for (const { table } of await tablesOf(db)) {
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`select count(*)::int as n from "${table}"`);
    total += row!.n;
  }
  return total;
}

/** Rewrites one table of an archive. */
function tamper(bytes: Uint8Array, model: string, change: (rows: Record<string, unknown>[]) => void): Uint8Array {
  const files = unzipSync(bytes);
  const rows = JSON.parse(strFromU8(files[`json/${model}.json`]!)) as Record<string, unknown>[];
  change(rows);
  files[`json/${model}.json`] = strToU8(JSON.stringify(rows));
  return zipSync(files);
}

async function expectAppError(promise: Promise<unknown>, statuses: number[]): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error), String(error)).toBe(true);
  const appError = error as { status: number; message: string };
  expect(statuses).toContain(appError.status);
  return appError.message;
}

describe("round trip through export and import into an empty database", () => {
  let archive: Uint8Array;
  let before: Map<string, string[]>;

  it("exports St Olav through the use case, and audits the export", async () => {
    const tables = await tablesOf(source);
    // Every tenant table of the schema is in the export; only RateLimit is left out.
    expect(tables.filter((t) => t.hasOrg).map((t) => t.table).sort()).toEqual(MODEL_NAMES.filter((m) => m !== "Organization").sort());
    expect(tables.map((t) => t.table).sort()).toEqual([...MODEL_NAMES, "RateLimit"].sort());

    before = new Map();
    for (const model of MODEL_NAMES) before.set(model, await canonicalRows(source, model, stOlav.id));
    const result = await exportOrganization(stOlavAdmin, { db: source, now: NOW });
    archive = result.bytes;
    expect(result.filename).toBe("learning-loop-st-olav-2026-11-20.zip");
    for (const model of MODEL_NAMES) expect(result.manifest.tables[model], model).toBe(before.get(model)!.length);
    expect(result.manifest.tables.Observation).toBeGreaterThan(100);
    for (const model of MODEL_NAMES) expect(result.manifest.tables[model], `${model} is empty: the round trip would not cover it`).toBeGreaterThan(0);
    // The foreign keys that close cycles (set after insert) are populated, so the import must restore them.
    expect(await source.process.count({ where: { organizationId: stOlav.id, currentVersionId: { not: null } } })).toBeGreaterThan(0);
    expect(await source.observation.count({ where: { organizationId: stOlav.id, groupId: { not: null } } })).toBeGreaterThan(0);
    expect(await source.retrospective.count({ where: { organizationId: stOlav.id, focusItemId: { not: null } } })).toBeGreaterThan(0);
    expect(await source.guidelineVersion.count({ where: { organizationId: stOlav.id, sourceRetrospectiveId: { not: null } } })).toBeGreaterThan(0);
    console.info(`org export: St Olav ${JSON.stringify(result.manifest.tables)}; zip ${result.bytes.byteLength} bytes`);
    const audits = await source.auditEvent.findMany({ where: { action: "organization.exported" }, select: { actorId: true, organizationId: true } });
    expect(audits).toEqual([{ actorId: stOlavAdmin.userId, organizationId: stOlav.id }]);
  });

  it("keeps anonymous retro items and pulse answers anonymous", () => {
    const files = unzipSync(archive);
    const rows = (model: string) => JSON.parse(strFromU8(files[`json/${model}.json`]!)) as Record<string, unknown>[];
    // Anonymous retro items carry no author, in JSON and CSV alike.
    const items = rows("RetroItem");
    const anonymous = items.filter((i) => i.anonymous === true);
    expect(anonymous.length).toBeGreaterThan(0);
    expect(anonymous.filter((i) => i.authorId !== null)).toEqual([]);
    const csv = strFromU8(files["csv/RetroItem.csv"]!).split("\r\n");
    const authorColumn = csv[0]!.split(",").indexOf("authorId");
    for (const item of anonymous) {
      const line = csv.find((l) => l.startsWith(`${String(item.id)},`) || l.includes(`,${String(item.id)},`));
      expect(line, `RetroItem ${String(item.id)} in the CSV`).toBeDefined();
      expect(line!.split(",")[authorColumn]).toBe("");
    }
    // Pulse answers hold no person and no time; who took part is a separate list with nothing to
    // join it to the answers (no timestamps, no shared key besides the survey).
    const responses = rows("PulseResponse");
    expect(responses.length).toBeGreaterThan(0);
    for (const r of responses) expect(Object.keys(r).sort()).toEqual(["answers", "id", "organizationId", "surveyId"]);
    for (const p of rows("PulseParticipation")) expect(Object.keys(p).sort()).toEqual(["organizationId", "surveyId", "userId"]);
  });

  it("carries no secrets and no other organization", () => {
    const files = unzipSync(archive);
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!));
    expect(manifest.omittedColumns.map((c: { column: string }) => c.column)).toEqual(["passwordHash", "tokenHash", "tokenHash"]);
    for (const [name, data] of Object.entries(files)) {
      const text = strFromU8(data);
      for (const secret of ["passwordHash", "tokenHash", "$2a$", "$2b$"]) expect(text.includes(secret) && name !== "manifest.json", `${name} holds ${secret}`).toBe(false);
      expect(text.includes(riversideId), `${name} mentions Riverside`).toBe(false);
      expect(text.toLowerCase().includes("riverside.example"), `${name} mentions Riverside people`).toBe(false);
    }
    expect(Object.keys(files).filter((f) => /^csv\/\w+\.csv$/.test(f)).length).toBe(MODEL_NAMES.length);
    const auditCsv = strFromU8(files["csv/AuditEvent.csv"]!);
    expect(auditCsv).toContain(",'=HYPERLINK(1),");
    expect(auditCsv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(Object.keys(files).filter((f) => /^json\/\w+\.json$/.test(f)).length).toBe(MODEL_NAMES.length);
  });

  it("refuses a tampered row (422) and leaves the empty target empty", async () => {
    expect(await totalRows(target)).toBe(0);
    const badEnum = tamper(archive, "Observation", (rows) => {
      rows[3]!.kind = "GOSSIP";
    });
    expect(await expectAppError(importOrganization(badEnum, target), [422])).toMatch(/json\/Observation\.json row 4: kind/);
    const wrongOrg = tamper(archive, "Comment", (rows) => {
      rows[0]!.organizationId = riversideId;
    });
    await expectAppError(importOrganization(wrongOrg, target), [422]);
    expect(await expectAppError(importOrganization(strToU8("not a zip"), target), [400])).toMatch(/zip/);
    expect(await totalRows(target)).toBe(0);
  });

  it("rolls everything back when the database refuses a row half-way (one transaction)", async () => {
    // Valid for the schema, but points at an observation that does not exist: the foreign key fails
    // after many tables were already written.
    const dangling = tamper(archive, "Comment", (rows) => {
      const onObservation = rows.find((r) => r.observationId)!;
      onObservation.observationId = randomUUID();
    });
    await expectAppError(importOrganization(dangling, target), [422]);
    expect(await totalRows(target)).toBe(0);
  });

  it("imports into the empty database and reproduces every row", async () => {
    const result = await importOrganization(archive, target);
    expect(result.organization).toEqual(stOlav);
    for (const model of MODEL_NAMES) {
      const expected = before.get(model)!;
      const actual = await canonicalRows(target, model, stOlav.id, { skipActions: ["organization.imported"] });
      expect(actual.length, `${model} rows`).toBe(expected.length);
      const firstDifference = actual.findIndex((row, i) => row !== expected[i]);
      expect(firstDifference === -1 ? null : { model, expected: expected[firstDifference], actual: actual[firstDifference] }).toBeNull();
    }
    const imported = await target.auditEvent.findMany({ where: { action: "organization.imported" }, select: { organizationId: true, actorId: true } });
    expect(imported).toEqual([{ organizationId: stOlav.id, actorId: null }]);
  });

  it("holds nothing of Riverside, and people have no password", async () => {
    expect(await target.organization.findMany({ select: { slug: true } })).toEqual([{ slug: "st-olav" }]);
    for (const { table, hasOrg } of await tablesOf(target)) {
      if (!hasOrg) continue;
      const [row] = await target.$queryRawUnsafe<{ n: number }[]>(`select count(*)::int as n from "${table}" where "organizationId" <> $1`, stOlav.id);
      expect(row!.n, table).toBe(0);
    }
    // Events without an organization came along only through a St Olav actor.
    const orphans = await target.auditEvent.findMany({ where: { organizationId: null }, select: { actor: { select: { organizationId: true } } } });
    expect(orphans.map((e) => e.actor?.organizationId)).toEqual([stOlav.id]);
    expect(await target.user.count({ where: { email: { endsWith: "@riverside.example" } } })).toBe(0);
    const withPassword = await target.user.count({ where: { passwordHash: { not: null } } });
    expect(withPassword).toBe(0);
    // Imported token hashes are fresh: none matches the source's, so old tokens and links are dead.
    const sourceHashes = new Set((await source.apiToken.findMany({ select: { tokenHash: true } })).map((t) => t.tokenHash));
    const targetHashes = (await target.apiToken.findMany({ select: { tokenHash: true } })).map((t) => t.tokenHash);
    expect(targetHashes.some((h) => sourceHashes.has(h))).toBe(false);
  });

  it("refuses a second import with 409 and changes nothing", async () => {
    const unchanged = await fingerprint(target);
    expect(await expectAppError(importOrganization(archive, target), [409])).toMatch(/already exists/);
    expect(await fingerprint(target)).toEqual(unchanged);
  });
});

describe("who may export, the route, and anonymity", () => {
  let world: Awaited<ReturnType<typeof createWorld>>;
  const caller = async (userId: string) => (await callerFromSession(userId, 0))!;

  beforeAll(async () => {
    world = await createWorld();
  });

  async function getExport(headers: Record<string, string>): Promise<Response> {
    return exportRoute(new Request("http://localhost/api/v1/export", { headers }), { params: Promise.resolve({}) });
  }

  it("serves a real zip whose manifest counts equal the database", async () => {
    const res = await getExport({ cookie: await sessionCookie(world.a.admin.id) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const day = new Date().toISOString().slice(0, 10);
    const slug = (await testDb().organization.findUniqueOrThrow({ where: { id: world.orgA.id }, select: { slug: true } })).slug;
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="learning-loop-${slug}-${day}.zip"`);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!));
    expect(manifest.organization).toMatchObject({ id: world.orgA.id, slug });
    const db = testDb();
    expect(manifest.tables).toMatchObject({
      Organization: 1,
      User: await db.user.count({ where: { organizationId: world.orgA.id } }),
      Team: await db.team.count({ where: { organizationId: world.orgA.id } }),
      Membership: await db.membership.count({ where: { organizationId: world.orgA.id } }),
      Observation: 0,
    });
    // The export's own audit event is written after the snapshot.
    expect(manifest.tables.AuditEvent).toBe((await db.auditEvent.count({ where: { organizationId: world.orgA.id } })) - 1);
    const users = JSON.parse(strFromU8(files["json/User.json"]!)) as { id: string }[];
    expect(users.map((u) => u.id).sort()).toEqual([world.a.admin.id, world.a.manager.id, world.a.lead.id, world.a.member.id].sort());
    expect(strFromU8(files["csv/User.csv"]!).split("\r\n")[0]).toBe("id,organizationId,email,name,orgRole,sessionVersion,deactivatedAt,createdAt,updatedAt");
  });

  it("is in the OpenAPI document", () => {
    const doc = openApiDocument() as { paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(doc.paths["/export"]?.get?.responses["200"]?.content ?? {})).toEqual(["application/zip"]);
    expect(doc.components.schemas.ExportManifest).toMatchObject({ type: "object" });
  });

  it("answers 401 signed out and 403 to team API tokens, from any organization", async () => {
    expect((await getExport({})).status).toBe(401);
    for (const [orgId, teamId] of [
      [world.orgA.id, world.teamA1.id],
      [world.orgB.id, world.teamB1.id],
    ] as const) {
      const { token } = await createApiTokenRow(orgId, teamId);
      const res = await getExport({ authorization: `Bearer ${token}` });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    }
  });

  it("refuses managers, leads and members (403) in the use case", async () => {
    for (const user of [world.a.manager, world.a.lead, world.a.member, world.b.lead]) {
      await expectAppError(exportOrganization(await caller(user.id)), [403]);
    }
  });

  it("gives another organization's admin their own organization only", async () => {
    const { bytes, manifest } = await exportOrganization(await caller(world.b.admin.id));
    expect(manifest.organization.id).toBe(world.orgB.id);
    const everything = Object.values(unzipSync(bytes)).map((data) => strFromU8(data)).join("\n");
    for (const id of [world.orgA.id, world.teamA1.id, world.a.admin.id, world.a.member.id, world.a.member.email]) expect(everything.includes(id)).toBe(false);
  });

  it("never ties an anonymous observation to its author, in any row that references it", async () => {
    const member = await caller(world.a.member.id);
    const lead = await caller(world.a.lead.id);
    const author = await testDb().user.findUniqueOrThrow({ where: { id: world.a.member.id }, select: { id: true, email: true, name: true } });
    const input = (anonymous: boolean) => createObservationInput.parse({ teamId: world.teamA1.id, kind: "problem", text: `Pump alarm silenced ${randomUUID()}`, anonymous });
    const anon = (await createObservation(member, input(true))).observation;
    const named = (await createObservation(member, input(false))).observation;
    for (const obs of [anon, named]) {
      await replyToObservation(lead, obs.id, { body: "Thanks, we are looking at the alarm settings.", closesLoop: true });
      await triageObservation(lead, obs.id, { status: "acknowledged" });
    }

    const files = unzipSync((await exportOrganization(await caller(world.a.admin.id))).bytes);
    const rowsReferencing = (obsId: string) =>
      Object.entries(files)
        .filter(([name]) => name.endsWith(".json") && name.startsWith("json/"))
        .flatMap(([name, data]) => (JSON.parse(strFromU8(data)) as unknown[]).map((row) => ({ name, text: JSON.stringify(row) })))
        .filter((r) => r.text.includes(obsId));
    const needles = [author.id, author.email, author.name].map((n) => n.toLowerCase());
    const leaks = (obsId: string) => rowsReferencing(obsId).filter((r) => needles.some((n) => r.text.toLowerCase().includes(n)));

    const anonRows = rowsReferencing(anon.id);
    expect(anonRows.map((r) => r.name)).toEqual(expect.arrayContaining(["json/Observation.json", "json/Comment.json"]));
    expect(leaks(anon.id)).toEqual([]);
    // Positive control: the same scan finds the author on the named observation.
    expect(leaks(named.id).map((r) => r.name)).toContain("json/Observation.json");
    // The CSV copies too.
    const csvLines = Object.entries(files)
      .filter(([name]) => name.endsWith(".csv"))
      .flatMap(([, data]) => strFromU8(data).split("\r\n"))
      .filter((line) => line.includes(anon.id));
    expect(csvLines.length).toBeGreaterThan(0);
    expect(csvLines.filter((line) => needles.some((n) => line.toLowerCase().includes(n)))).toEqual([]);
  });
});
