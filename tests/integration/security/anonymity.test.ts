// Anonymity (issue 5, item 9): everything an anonymous observation produces — API responses and
// headers for every reader, the stored rows, rate-limit keys, audit events, the CSV exports, the
// receipt view and console output — is scanned for the author's id, email and name.
// A named observation by the same person is the positive control: the same scan must find them there.
import { randomUUID } from "node:crypto";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as observationsRoute from "@/app/api/v1/observations/route.ts";
import * as observationRoute from "@/app/api/v1/observations/[id]/route.ts";
import * as commentsRoute from "@/app/api/v1/observations/[id]/comments/route.ts";
import * as measureCsvModule from "@/app/api/v1/measures/[id]/data-points.csv/route.ts";
import * as auditExportModule from "@/app/(app)/admin/audit/export/route.ts";
import { lookupReceipt } from "@/lib/observations/lookup-receipt.ts";
import { createWorld, sessionCookie, testDb } from "../support/factories.ts";
import { createMeasureRow, createPointRows } from "../support/measure-factories.ts";
import { createProcessWithSteps } from "../support/observation-factories.ts";
import { invoke, type Answer, type RouteFn, type World } from "./harness.ts";

const listRoute = observationsRoute.GET as RouteFn;
const createRoute = observationsRoute.POST as RouteFn;
const getRoute = observationRoute.GET as RouteFn;
const triageRoute = observationRoute.PATCH as RouteFn;
const listComments = commentsRoute.GET as RouteFn;
const replyRoute = commentsRoute.POST as RouteFn;
const measureCsvRoute = measureCsvModule.GET as RouteFn;
const auditExportRoute = auditExportModule.GET as RouteFn;

type Artefact = { label: string; text: string };
type Person = { id: string; email: string; name: string };
type Obs = { id: string; anonymous: boolean; author: unknown; text: string; createdAt: string; occurredAt: string };

const uid = randomUUID().slice(0, 8);
/** The person's own marker, distinct from `uid` (which is in the observation texts, not a leak). */
const personUid = randomUUID().slice(0, 8);
const ANON_TEXT = `Skipped the second check on the infusion pump ${uid}`;
const NAMED_TEXT = `Spare oxygen cylinder was empty ${uid}`;

/** Status, every header and the body of one response, as one scannable string. */
function answerText(res: Answer): string {
  return [String(res.status), ...[...res.headers.entries()].map(([k, v]) => `${k}: ${v}`), res.text].join("\n");
}

/** The needles: id, email, full name, and each part of the name and of the email's local part. */
function needlesFor(person: Person): string[] {
  const parts = [...person.name.split(/\s+/), ...person.email.split("@")[0]!.split(/[-.+_]/)].filter((p) => p.length >= 4);
  return [...new Set([person.id, person.email, person.name, ...parts].map((n) => n.toLowerCase()))];
}

function findLeaks(artefacts: Artefact[], person: Person): { label: string; needle: string }[] {
  const needles = needlesFor(person);
  return artefacts.flatMap((a) => needles.filter((n) => a.text.toLowerCase().includes(n)).map((needle) => ({ label: a.label, needle })));
}

let world: World;
let zelda: Person;
let cookies: { zelda: string; lead: string; admin: string };
let anonId: string;
let receiptCode: string;
let stepId: string;
let processId: string;
const anon: Artefact[] = [];
const control: Artefact[] = [];
const consoleLines: string[] = [];
const rateLimitKeysWritten: string[] = [];
let leadSearches: { needle: string; ids: string[] }[] = [];
let storedRow: Record<string, unknown>;
let observationColumns: string[] = [];
let auditEventCount = 0;

async function dbNow(): Promise<Date> {
  const rows = await testDb().$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  return rows[0]!.now;
}

async function rateLimitSnapshot(): Promise<Map<string, string>> {
  const rows = await testDb().rateLimit.findMany({ select: { key: true, count: true, windowStart: true } });
  return new Map(rows.map((r) => [r.key, `${r.count}@${r.windowStart.toISOString()}`]));
}

async function get(handler: RouteFn, path: string, cookie: string, params: Record<string, string> = {}): Promise<Answer> {
  const res = await invoke(handler, { path, cookie, params });
  expect(res.status, `${path}: ${res.text.slice(0, 200)}`).toBe(200);
  return res;
}

beforeAll(async () => {
  const db = testDb();
  world = await createWorld();
  const user = await db.user.create({
    data: { organizationId: world.orgA.id, email: `zelda-${personUid}@example.test`, name: `Zelda Quux${personUid}`, orgRole: "MEMBER" },
    select: { id: true, email: true, name: true },
  });
  await db.membership.create({ data: { organizationId: world.orgA.id, teamId: world.teamA1.id, userId: user.id, role: "MEMBER" }, select: { id: true } });
  zelda = user;
  cookies = { zelda: await sessionCookie(user.id), lead: await sessionCookie(world.a.lead.id), admin: await sessionCookie(world.a.admin.id) };
  const { process, steps } = await createProcessWithSteps(world.orgA.id, world.teamA1.id);
  processId = process.id;
  stepId = steps[1]!.id;
  const measure = await createMeasureRow(world.orgA.id, world.teamA1.id, { type: "COUNT", frequency: "WEEKLY" });
  await createPointRows(world.orgA.id, measure.id, new Date("2026-01-05T00:00:00Z"), 7, [{ value: 3 }, { value: 5 }]);

  // ---- Phase 1: the anonymous observation, and everything that happens to it. ----
  const startedAt = await dbNow();
  const record = (label: string, ...args: unknown[]) => consoleLines.push(`${label}: ${args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 6 }))).join(" ")}`);
  const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m).mockImplementation((...args: unknown[]) => record(m, ...args)));
  try {
    console.warn("anonymity-canary"); // proves the capture works (asserted below)
    const body = {
      teamId: world.teamA1.id,
      kind: "deviation",
      text: ANON_TEXT,
      deviationReason: "The alarm on bed 4 was going off",
      severity: "high",
      anonymous: true,
      processId,
      stepId,
      occurredAt: "2026-11-29T08:17:43.512Z",
    };
    const key = randomUUID();
    const rlBefore = await rateLimitSnapshot();
    const created = await invoke(createRoute, { method: "POST", path: "/api/v1/observations", cookie: cookies.zelda, body, headers: { "idempotency-key": key } });
    expect(created.status, created.text).toBe(201);
    const rlAfter = await rateLimitSnapshot();
    for (const [k, v] of rlAfter) if (rlBefore.get(k) !== v) rateLimitKeysWritten.push(k);
    anon.push({ label: "POST /observations (anonymous)", text: answerText(created) });
    const createdBody = created.json as { observation: Obs; receiptCode: string };
    anonId = createdBody.observation.id;
    receiptCode = createdBody.receiptCode;
    const replay = await invoke(createRoute, { method: "POST", path: "/api/v1/observations", cookie: cookies.zelda, body, headers: { "idempotency-key": key } });
    expect(replay.status, replay.text).toBe(200);
    anon.push({ label: "POST /observations (idempotent replay)", text: answerText(replay) });

    // Triage and replies by the lead.
    const path = `/api/v1/observations/${anonId}`;
    for (const status of ["acknowledged", "acted"]) {
      const res = await invoke(triageRoute, { method: "PATCH", path, cookie: cookies.lead, params: { id: anonId }, body: { status } });
      expect(res.status, res.text).toBe(200);
      anon.push({ label: `PATCH ${path} (${status}) as LEAD`, text: answerText(res) });
    }
    for (const reply of [{ body: "Thanks, we are looking at the pump alarms" }, { body: "We moved the second check before the alarm test", closesLoop: true }]) {
      const res = await invoke(replyRoute, { method: "POST", path: `${path}/comments`, cookie: cookies.lead, params: { id: anonId }, body: reply });
      expect(res.status, res.text).toBe(201);
      anon.push({ label: `POST ${path}/comments as LEAD`, text: answerText(res) });
    }

    // Every read, by the lead, an org admin and the reporter themself.
    const day = new Date().toISOString().slice(0, 10);
    const queries = [
      "",
      `teamId=${world.teamA1.id}`,
      "kind=deviation",
      "status=acted",
      "severity=high",
      `processId=${processId}`,
      `stepId=${stepId}`,
      `from=${day}&to=${day}`,
      `q=${encodeURIComponent(uid)}`,
      "limit=1",
    ];
    for (const [who, cookie] of Object.entries(cookies)) {
      for (const q of queries) {
        const res = await get(listRoute, `/api/v1/observations?${q}`, cookie);
        const ids = (res.json as { observations: Obs[] }).observations.map((o) => o.id);
        if (q.startsWith("q=")) expect(ids, `${who} finds the anonymous observation by its text`).toContain(anonId);
        anon.push({ label: `GET /observations?${q} as ${who}`, text: answerText(res) });
      }
      anon.push({ label: `GET ${path} as ${who}`, text: answerText(await get(getRoute, path, cookie, { id: anonId })) });
      anon.push({ label: `GET ${path}/comments as ${who}`, text: answerText(await get(listComments, `${path}/comments`, cookie, { id: anonId })) });
    }

    // A lead searching for the reporter by name, email or id finds nothing anonymous.
    leadSearches = [];
    for (const needle of [zelda.name, "Zelda", zelda.email, zelda.id]) {
      const res = await get(listRoute, `/api/v1/observations?q=${encodeURIComponent(needle)}`, cookies.lead);
      leadSearches.push({ needle, ids: (res.json as { observations: Obs[] }).observations.filter((o) => o.anonymous).map((o) => o.id) });
      anon.push({ label: `GET /observations?q=<author> as LEAD`, text: answerText(res) });
    }

    // The reporter's receipt view (no sign-in).
    const view = await lookupReceipt(receiptCode);
    expect(view?.text).toBe(ANON_TEXT);
    expect(view?.replies.length).toBe(2);
    anon.push({ label: "lookupReceipt(code)", text: JSON.stringify(view) });

    // Exports: the team's measure CSV (lead) and the audit trail CSV (admin).
    const measureCsv = await get(measureCsvRoute, `/api/v1/measures/${measure.id}/data-points.csv`, cookies.lead, { id: measure.id });
    anon.push({ label: "GET /measures/{id}/data-points.csv as LEAD", text: answerText(measureCsv) });
    const auditCsv = await get(auditExportRoute, "/admin/audit/export", cookies.admin);
    expect(auditCsv.headers.get("content-type")).toContain("text/csv");
    anon.push({ label: "GET /admin/audit/export as ADMIN", text: answerText(auditCsv) });

    // What the database holds.
    const rows = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "Observation" WHERE "id" = ${anonId}`;
    storedRow = rows[0]!;
    anon.push({ label: "Observation row", text: JSON.stringify(storedRow) });
    const columns = await db.$queryRaw<{ column_name: string }[]>`SELECT column_name FROM information_schema.columns WHERE table_name = 'Observation'`;
    observationColumns = columns.map((c) => c.column_name);
    for (const c of await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "Comment" WHERE "observationId" = ${anonId}`) {
      anon.push({ label: "Comment row", text: JSON.stringify(c) });
    }
    const notifications = await db.notification.findMany({ where: { createdAt: { gte: startedAt } } });
    for (const n of notifications) anon.push({ label: "Notification row", text: JSON.stringify(n) });
    const auditEvents = await db.auditEvent.findMany({ where: { createdAt: { gte: startedAt } }, include: { actor: { select: { id: true, name: true, email: true } } } });
    auditEventCount = auditEvents.length;
    for (const e of auditEvents) anon.push({ label: `AuditEvent ${e.action}`, text: JSON.stringify(e) });
    for (const k of rateLimitKeysWritten) anon.push({ label: "RateLimit key", text: k });
  } finally {
    for (const s of spies) s.mockRestore();
  }
  anon.push({ label: "console output", text: consoleLines.join("\n") });

  // ---- Phase 2 (positive control): the same person, named. The same scan must find them. ----
  const named = await invoke(createRoute, {
    method: "POST",
    path: "/api/v1/observations",
    cookie: cookies.zelda,
    body: { teamId: world.teamA1.id, kind: "problem", text: NAMED_TEXT, anonymous: false },
  });
  expect(named.status, named.text).toBe(201);
  control.push({ label: "POST /observations (named)", text: answerText(named) });
  const namedId = (named.json as { observation: Obs }).observation.id;
  control.push({ label: "GET /observations/{id} (named) as LEAD", text: answerText(await get(getRoute, `/api/v1/observations/${namedId}`, cookies.lead, { id: namedId })) });
  control.push({ label: "GET /observations (named) as LEAD", text: answerText(await get(listRoute, `/api/v1/observations?q=${encodeURIComponent(NAMED_TEXT)}`, cookies.lead)) });
});

afterAll(() => {
  vi.restoreAllMocks();
});

describe("anonymous observations stay anonymous", () => {
  it("scans enough artefacts to mean something", () => {
    console.info(`anonymity: ${anon.length} artefacts scanned (${auditEventCount} audit events, ${rateLimitKeysWritten.length} rate-limit keys, ${consoleLines.length} console lines)`);
    expect(anon.length).toBeGreaterThan(10);
    // 3 readers × (10 lists + item + comments) alone are 36.
    expect(anon.length).toBeGreaterThanOrEqual(36);
    expect(auditEventCount, "the exports are audited, so the audit scan is not empty").toBeGreaterThanOrEqual(2);
    expect(rateLimitKeysWritten.length, "the submission hit a rate limit").toBeGreaterThan(0);
    expect(consoleLines.some((l) => l.includes("anonymity-canary")), "console capture works").toBe(true);
  });

  it("never exposes the author's id, email or name", () => {
    expect(findLeaks(anon, zelda)).toEqual([]);
  });

  it("positive control: the same scan finds the author of a named observation", () => {
    const hits = findLeaks(control, zelda);
    expect(hits.map((h) => h.needle)).toEqual(expect.arrayContaining([zelda.id.toLowerCase(), zelda.name.toLowerCase()]));
    expect(new Set(hits.map((h) => h.label)).size).toBe(control.length);
  });

  it("stores no author and only the hour, and has no column for where it came from", () => {
    expect(storedRow.authorId).toBeNull();
    expect(storedRow.anonymous).toBe(true);
    for (const field of ["createdAt", "occurredAt"] as const) {
      const d = storedRow[field] as Date;
      expect([d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()], field).toEqual([0, 0, 0]);
    }
    expect(observationColumns.length).toBeGreaterThan(10);
    expect(observationColumns.filter((c) => /(^ip$|ip_?addr|^ip[A-Z_]|address|useragent|user_agent|forwarded|device)/i.test(c))).toEqual([]);
  });

  it("a lead searching for the author by name, email or id finds nothing anonymous", () => {
    expect(leadSearches).toHaveLength(4);
    for (const s of leadSearches) expect(s.ids, s.needle).toEqual([]);
  });

  it("rate-limit keys written by the anonymous submission do not name the author", () => {
    for (const k of rateLimitKeysWritten) {
      for (const needle of needlesFor(zelda)) expect(k.toLowerCase()).not.toContain(needle);
    }
  });
});

describe("replies on anonymous observations", () => {
  // Found by this suite: a reporter answering a lead's question on their own anonymous observation
  // used to be stored (and shown) as the comment's author. Non-lead replies on anonymous
  // observations are now stored without an author and with the hour only.
  it("a reply by the reporter on their own anonymous observation does not name them", async () => {
    const path = `/api/v1/observations/${anonId}/comments`;
    const reply = await invoke(replyRoute, { method: "POST", path, cookie: cookies.zelda, params: { id: anonId }, body: { body: "It was the night shift" } });
    expect(reply.status, reply.text).toBe(201);
    const thread = await get(listComments, path, cookies.lead, { id: anonId });
    const view = await lookupReceipt(receiptCode);
    const artefacts = [
      { label: "POST comments as reporter", text: answerText(reply) },
      { label: "GET comments as LEAD", text: answerText(thread) },
      { label: "lookupReceipt(code)", text: JSON.stringify(view) },
    ];
    expect(findLeaks(artefacts, zelda)).toEqual([]);
  });
});
