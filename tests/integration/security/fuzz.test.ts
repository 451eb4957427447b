// Bad-input fuzzing (issue 5, item 8): fast-check drives every zod-validated endpoint (JSON bodies,
// query strings, path ids, the Idempotency-Key header) with random and hostile input. No answer may
// be a 5xx, every 4xx is the `{ error: { code, message } }` envelope, and stored text comes back as
// the same plain string.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listTeams } from "@/app/api/v1/teams/route.ts";
import { GET as getTeam } from "@/app/api/v1/teams/[id]/route.ts";
import { GET as listMeasures, POST as createMeasure } from "@/app/api/v1/measures/route.ts";
import { GET as getMeasure, PATCH as updateMeasure } from "@/app/api/v1/measures/[id]/route.ts";
import { GET as chart } from "@/app/api/v1/measures/[id]/chart/route.ts";
import { GET as listPoints, POST as recordPoints } from "@/app/api/v1/measures/[id]/data-points/route.ts";
import { PATCH as editPoint } from "@/app/api/v1/measures/[id]/data-points/[pointId]/route.ts";
import { POST as importCsv } from "@/app/api/v1/measures/[id]/data-points/import/route.ts";
import { GET as listObservations, POST as createObservation } from "@/app/api/v1/observations/route.ts";
import { GET as getObservation, PATCH as triageObservation } from "@/app/api/v1/observations/[id]/route.ts";
import { GET as listComments, POST as replyToObservation } from "@/app/api/v1/observations/[id]/comments/route.ts";
import { GET as listProcesses } from "@/app/api/v1/processes/route.ts";
import { GET as getProcess } from "@/app/api/v1/processes/[id]/route.ts";
import { createWorld, sessionCookie } from "../support/factories.ts";
import { createFixtures, invoke, type Answer, type Fixtures, type RouteFn, type World } from "./harness.ts";

const NUM_RUNS = 30;
const SCRIPT = "<script>alert(1)</script>";

// Valid submissions during fuzzing must not trip the per-user observation limit (429 is a fine
// answer, but it would stop the input from reaching validation and the database).
const previousLimit = process.env.OBSERVATION_USER_LIMIT_PER_MINUTE;
process.env.OBSERVATION_USER_LIMIT_PER_MINUTE = "1000000";
afterAll(() => {
  if (previousLimit === undefined) delete process.env.OBSERVATION_USER_LIMIT_PER_MINUTE;
  else process.env.OBSERVATION_USER_LIMIT_PER_MINUTE = previousLimit;
});

// ---- hostile input ----

const NASTY = [
  SCRIPT,
  "\"><img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "\u202Eevil\u202C txt.exe",
  "مرحبا بالعالم",
  "שלום",
  "🏥💉🧑🏽‍⚕️",
  "e\u0301\u0301\u0301",
  "\uFEFF\u200B",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e308",
  "-1e308",
  "1e309",
  "-0",
  "0x10",
  "__proto__",
  "constructor",
  "prototype",
  "' OR 1=1 --",
  "%00",
  "%",
  "../../etc/passwd",
  "null",
  "undefined",
  "true",
  "",
  " ",
  "2026-02-30",
  "9999-99-99",
  "2026-03-02T25:61:00Z",
  "=HYPERLINK(\"http://x\")",
];
/**
 * NUL (U+0000) is kept out of the random input and tested on its own at the end of this file:
 * PostgreSQL cannot store it, so the API refuses it at the boundary with 400.
 */
const hasNul = (s: string) => s.includes("\u0000");

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 300_000 }).map((n) => "é".repeat(Math.floor(n / 2))) },
  { weight: 1, arbitrary: fc.constantFrom(300_000, 5_000, 4_001).map((n) => "x".repeat(n)) },
).filter((s) => !hasNul(s));

const deepNest = fc.integer({ min: 10, max: 3000 }).map((depth) => {
  let v: unknown = "bottom";
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
});

const { value: hostileValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -0, 2 ** 53 + 1),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }).filter((k) => !hasNul(k)), fc.constantFrom("__proto__", "constructor", "prototype")), tie("value"), { maxKeys: 3 }),
    deepNest,
  ),
}));

/** A raw request body: a valid body with one field replaced or added, a whole hostile value, or not JSON at all. */
function bodies(valid: Record<string, unknown>) {
  const keys = [...Object.keys(valid), "__proto__", "constructor", "organizationId", "id", "extra"];
  const mutated = fc
    .array(fc.tuple(fc.constantFrom(...keys), hostileValue), { minLength: 1, maxLength: 3 })
    .map((pairs) => {
      const body: Record<string, unknown> = { ...valid };
      for (const [k, v] of pairs) Object.defineProperty(body, k, { value: v, enumerable: true, configurable: true, writable: true });
      return JSON.stringify(body);
    });
  const protoPollution = fc.constantFrom(
    JSON.stringify(valid).replace(/^\{/, '{"__proto__":{"isAdmin":true,"role":"ADMIN"},'),
    JSON.stringify(valid).replace(/^\{/, '{"constructor":{"prototype":{"isAdmin":true}},'),
  );
  const whole = hostileValue.map((v) => JSON.stringify(v) ?? "null");
  const notJson = fc.oneof(fc.string({ maxLength: 50 }), fc.constantFrom("", "{", "{\"a\":", "[1,2", "\u0000", "NaN", "undefined", "{'a':1}"));
  return fc.oneof({ weight: 6, arbitrary: mutated }, { weight: 1, arbitrary: protoPollution }, { weight: 2, arbitrary: whole }, { weight: 1, arbitrary: notJson });
}

/** A query string mixing known keys with hostile values (some valid values too). */
function queries(keys: string[], valid: Record<string, string> = {}) {
  return fc
    .array(fc.tuple(fc.constantFrom(...keys, "__proto__", "constructor", "x"), hostileString), { maxLength: 4 })
    .map((pairs) => {
      const params = new URLSearchParams(valid);
      for (const [k, v] of pairs) params.append(k, v);
      return params.toString();
    });
}

/** A path id: hostile strings, never one that addresses anything. */
const hostileId = hostileString;

// ---- the harness ----

let world: World;
let f: Fixtures;
let lead: string;
let cases = 0;

beforeAll(async () => {
  world = await createWorld();
  f = await createFixtures(world);
  lead = await sessionCookie(world.a.lead.id);
});

function assertSafe(res: Answer, what: string) {
  const detail = `${what} → ${res.status} ${res.text.slice(0, 300)}`;
  expect(res.status, detail).toBeLessThan(500);
  if (res.status >= 400) {
    const body = res.json as { error?: { code?: unknown; message?: unknown } } | undefined;
    expect(typeof body?.error?.code, detail).toBe("string");
    expect(typeof body?.error?.message, detail).toBe("string");
    expect(res.headers.get("content-type") ?? "", detail).toMatch(/^application\/json/);
  }
}

type BodyTarget = { name: string; handler: unknown; method: "POST" | "PATCH"; params?: (f: Fixtures) => Record<string, string>; valid: (f: Fixtures) => Record<string, unknown> };
type QueryTarget = { name: string; handler: unknown; params?: (f: Fixtures) => Record<string, string>; keys: string[]; valid?: (f: Fixtures) => Record<string, string> };

const BODY_TARGETS: BodyTarget[] = [
  {
    name: "POST /measures",
    handler: createMeasure,
    method: "POST",
    valid: (x) => ({ teamId: x.teamId, name: "Fuzzed measure", type: "COUNT", direction: "DOWN", frequency: "WEEKLY", target: 3, unit: "falls", definition: "d", label: "OUTCOME", processId: null, ownerId: null }),
  },
  { name: "PATCH /measures/{id}", handler: updateMeasure, method: "PATCH", params: (x) => ({ id: x.measureId }), valid: () => ({ name: "Fuzzed", definition: "d", target: 1, unit: "u", direction: "UP", archived: false }) },
  {
    name: "POST /measures/{id}/data-points",
    handler: recordPoints,
    method: "POST",
    params: (x) => ({ id: x.measureId }),
    valid: () => ({ period: "2026-04-06", value: 4, numerator: null, denominator: null, note: "n" }),
  },
  {
    name: "PATCH /measures/{id}/data-points/{pointId}",
    handler: editPoint,
    method: "PATCH",
    params: (x) => ({ id: x.measureId, pointId: x.pointId }),
    valid: () => ({ value: 5, numerator: null, denominator: null, note: "n" }),
  },
  { name: "POST /measures/{id}/data-points/import", handler: importCsv, method: "POST", params: (x) => ({ id: x.measureId }), valid: () => ({ csv: "date,value,note\n2026-06-01,3,\n", preview: true }) },
  {
    name: "POST /observations",
    handler: createObservation,
    method: "POST",
    valid: (x) => ({ teamId: x.teamId, kind: "deviation", text: "Fuzzed observation", deviationReason: "r", severity: "low", anonymous: false, processId: x.processId, stepId: x.stepId, occurredAt: "2026-03-02T10:00:00Z" }),
  },
  { name: "PATCH /observations/{id}", handler: triageObservation, method: "PATCH", params: (x) => ({ id: x.observationId }), valid: () => ({ status: "acknowledged", guidelineVersionId: null, stepId: null, experimentId: null, groupId: null }) },
  { name: "POST /observations/{id}/comments", handler: replyToObservation, method: "POST", params: (x) => ({ id: x.observationId }), valid: () => ({ body: "Fuzzed reply", direction: "down", closesLoop: false }) },
];

const QUERY_TARGETS: QueryTarget[] = [
  { name: "GET /teams", handler: listTeams, keys: ["q", "cursor", "limit"] },
  { name: "GET /measures", handler: listMeasures, keys: ["teamId", "q", "archived", "cursor", "limit"] },
  { name: "GET /measures/{id}/chart", handler: chart, params: (x) => ({ id: x.measureId }), keys: ["kind", "from", "to", "phases", "maxPoints", "baseline"] },
  { name: "GET /measures/{id}/data-points", handler: listPoints, params: (x) => ({ id: x.measureId }), keys: ["from", "to", "limit"] },
  {
    name: "GET /observations",
    handler: listObservations,
    keys: ["teamId", "kind", "status", "severity", "processId", "stepId", "guidelineVersionId", "from", "to", "q", "cursor", "limit"],
    valid: (x) => ({ teamId: x.teamId }),
  },
  { name: "GET /processes", handler: listProcesses, keys: ["teamId"] },
];

const ID_TARGETS: { name: string; handler: unknown; params: (id: string, x: Fixtures) => Record<string, string> }[] = [
  { name: "GET /teams/{id}", handler: getTeam, params: (id) => ({ id }) },
  { name: "GET /measures/{id}", handler: getMeasure, params: (id) => ({ id }) },
  { name: "PATCH /measures/{id}/data-points/{pointId}", handler: editPoint, params: (id, x) => ({ id: x.measureId, pointId: id }) },
  { name: "GET /observations/{id}", handler: getObservation, params: (id) => ({ id }) },
  { name: "GET /observations/{id}/comments", handler: listComments, params: (id) => ({ id }) },
  { name: "GET /processes/{id}", handler: getProcess, params: (id) => ({ id }) },
];

describe("fuzz: JSON bodies", () => {
  for (const target of BODY_TARGETS) {
    it(`${target.name} never answers 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(bodies(target.valid(f)), async (raw) => {
          cases += 1;
          const res = await invoke(target.handler as RouteFn, { method: target.method, cookie: lead, params: target.params?.(f) ?? {}, body: raw, headers: { "content-type": "application/json" } });
          assertSafe(res, `${target.method} ${target.name} body=${raw.slice(0, 200)}`);
        }),
        { numRuns: NUM_RUNS },
      );
    });
  }

  it("POST /observations with a hostile Idempotency-Key header never answers 5xx", async () => {
    const header = hostileString.filter((s) => !/[\r\n]/.test(s) && /^[\u0020-\u00ff]*$/.test(s));
    await fc.assert(
      fc.asyncProperty(header, async (key) => {
        cases += 1;
        const res = await invoke(createObservation as RouteFn, {
          method: "POST",
          cookie: lead,
          headers: { "idempotency-key": key },
          body: { teamId: f.teamId, kind: "idea", text: "Idempotency fuzz" },
        });
        assertSafe(res, `idempotency-key=${JSON.stringify(key.slice(0, 100))}`);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe("fuzz: query strings", () => {
  for (const target of QUERY_TARGETS) {
    it(`${target.name} never answers 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(queries(target.keys, target.valid?.(f)), async (qs) => {
          cases += 1;
          const res = await invoke(target.handler as RouteFn, { cookie: lead, params: target.params?.(f) ?? {}, path: `/api/v1/fuzz?${qs}` });
          assertSafe(res, `${target.name}?${qs.slice(0, 200)}`);
        }),
        { numRuns: NUM_RUNS },
      );
    });
  }
});

describe("fuzz: path ids", () => {
  for (const target of ID_TARGETS) {
    it(`${target.name} with a hostile id answers 404 or 400, never 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(hostileId, async (id) => {
          cases += 1;
          const method = target.name.startsWith("PATCH") ? "PATCH" : "GET";
          const res = await invoke(target.handler as RouteFn, { method, cookie: lead, params: target.params(id, f), ...(method === "PATCH" ? { body: { note: "x" } } : {}) });
          assertSafe(res, `${target.name} id=${JSON.stringify(id.slice(0, 100))}`);
          expect(res.status).toBeGreaterThanOrEqual(400);
        }),
        { numRuns: NUM_RUNS },
      );
    });
  }
});

describe("stored text comes back as the same plain string", () => {
  const texts = fc.constantFrom(SCRIPT, `${SCRIPT} & "quotes" 'single' <b>bold</b>`, "<img src=x onerror=alert(1)> \u202Eevil 🏥 مرحبا");

  it("observation text", async () => {
    await fc.assert(
      fc.asyncProperty(texts, fc.uuid(), async (text, nonce) => {
        cases += 1;
        const created = await invoke(createObservation as RouteFn, { method: "POST", cookie: lead, body: { teamId: f.teamId, kind: "idea", text: `${text} ${nonce}` } });
        expect(created.status, created.text).toBe(201);
        const id = (created.json as { observation: { id: string; text: string } }).observation.id;
        const read = await invoke(getObservation as RouteFn, { cookie: lead, params: { id } });
        expect(read.headers.get("content-type")).toMatch(/^application\/json/);
        expect((read.json as { observation: { text: string } }).observation.text).toBe(`${text} ${nonce}`);
      }),
      { numRuns: 5 },
    );
  });

  it("comment body", async () => {
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        cases += 1;
        const created = await invoke(replyToObservation as RouteFn, { method: "POST", cookie: lead, params: { id: f.observationId }, body: { body: text } });
        expect(created.status, created.text).toBe(201);
        const commentId = (created.json as { comment: { id: string } }).comment.id;
        const read = await invoke(listComments as RouteFn, { cookie: lead, params: { id: f.observationId } });
        const stored = (read.json as { comments: { id: string; body: string }[] }).comments.find((c) => c.id === commentId);
        expect(stored?.body).toBe(text);
      }),
      { numRuns: 5 },
    );
  });

  it("measure name, definition and data-point note", async () => {
    await fc.assert(
      fc.asyncProperty(texts, fc.uuid(), async (text, nonce) => {
        cases += 1;
        const name = `${text.slice(0, 100)} ${nonce.slice(0, 8)}`;
        const created = await invoke(createMeasure as RouteFn, {
          method: "POST",
          cookie: lead,
          body: { teamId: f.teamId, name, definition: text, type: "COUNT", direction: "DOWN", frequency: "WEEKLY" },
        });
        expect(created.status, created.text).toBe(201);
        const id = (created.json as { measure: { id: string } }).measure.id;
        const read = await invoke(getMeasure as RouteFn, { cookie: lead, params: { id } });
        expect((read.json as { measure: { name: string; definition: string } }).measure).toMatchObject({ name, definition: text });
        const recorded = await invoke(recordPoints as RouteFn, { method: "POST", cookie: lead, params: { id }, body: { period: "2026-03-02", value: 1, note: text } });
        expect(recorded.status, recorded.text).toBe(200);
        const points = await invoke(listPoints as RouteFn, { cookie: lead, params: { id } });
        expect(JSON.stringify(points.json)).toContain(JSON.stringify(text).slice(1, -1));
      }),
      { numRuns: 5 },
    );
  });
});

// Found by this suite: a NUL character (U+0000) used to reach PostgreSQL, which refuses it (22021),
// and the API answered 500. Bodies, queries and path ids are now checked at the boundary.
describe("NUL in input is refused with 400, never 500", () => {
  const nul = "a\u0000b";
  const cases500: [string, () => Promise<Answer>][] = [
    ["POST /observations text", () => invoke(createObservation as RouteFn, { method: "POST", cookie: lead, body: { teamId: f.teamId, kind: "idea", text: nul } })],
    ["POST /measures name", () => invoke(createMeasure as RouteFn, { method: "POST", cookie: lead, body: { teamId: f.teamId, name: nul, type: "COUNT", direction: "DOWN", frequency: "WEEKLY" } })],
    ["PATCH /measures/{id} definition", () => invoke(updateMeasure as RouteFn, { method: "PATCH", cookie: lead, params: { id: f.measureId }, body: { definition: nul } })],
    ["POST /observations/{id}/comments body", () => invoke(replyToObservation as RouteFn, { method: "POST", cookie: lead, params: { id: f.observationId }, body: { body: nul } })],
    ["GET /measures/{id} with NUL in the id", () => invoke(getMeasure as RouteFn, { cookie: lead, params: { id: nul } })],
    ["GET /measures?q=a%00b", () => invoke(listMeasures as RouteFn, { cookie: lead, path: "/api/v1/measures?q=a%00b" })],
    ["GET /observations?teamId=…&q=a%00b", () => invoke(listObservations as RouteFn, { cookie: lead, path: `/api/v1/observations?teamId=${f.teamId}&q=a%00b` })],
    ["POST /measures/{id}/data-points/import note", () => invoke(importCsv as RouteFn, { method: "POST", cookie: lead, params: { id: f.measureId }, body: { csv: "date,value,note\n2026-06-01,3,a\u0000b\n" } })],
  ];
  for (const [name, send] of cases500) {
    it(`${name} answers 400`, async () => {
      const res = await send();
      expect(res.status, res.text).toBe(400);
      expect(res.text).toContain("NUL");
    });
  }
});

describe("fuzz totals", () => {
  it("ran the expected number of cases", () => {
    console.info(`fuzz: ${cases} cases run`);
    expect(cases).toBe((BODY_TARGETS.length + 1 + QUERY_TARGETS.length + ID_TARGETS.length) * NUM_RUNS + 15);
  });
});
