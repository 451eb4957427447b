// Middleware bypass, API half (issue 5, item 3; CVE-2025-29927): the `x-middleware-subrequest`
// header that made Next.js skip middleware must change nothing, because authorization lives in the
// route handlers and use cases. Every protected handler answers exactly as it does without it.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getMe } from "@/app/api/v1/me/route.ts";
import { GET as listTeams } from "@/app/api/v1/teams/route.ts";
import { GET as getTeam } from "@/app/api/v1/teams/[id]/route.ts";
import { GET as getMeasure, PATCH as updateMeasure } from "@/app/api/v1/measures/[id]/route.ts";
import { GET as exportCsv } from "@/app/api/v1/measures/[id]/data-points.csv/route.ts";
import { GET as getObservation } from "@/app/api/v1/observations/[id]/route.ts";
import { POST as createObservation } from "@/app/api/v1/observations/route.ts";
import { GET as getProcess } from "@/app/api/v1/processes/[id]/route.ts";
import { createWorld, testDb } from "../support/factories.ts";
import { createFixtures, credentialsFor, fingerprint, invoke, type CallerKind, type Credentials, type Fixtures, type RouteFn, type World } from "./harness.ts";

const BYPASS_HEADERS: Record<string, string>[] = [
  { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
  { "x-middleware-subrequest": "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware" },
  { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
  { "x-middleware-subrequest": "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy" },
  { "x-middleware-subrequest": "pages/_middleware" },
  { "x-middleware-subrequest": "middleware", "x-middleware-prefetch": "1", "x-nextjs-data": "1" },
];

type Target = { name: string; handler: unknown; method: string; params: (f: Fixtures) => Record<string, string>; body?: (f: Fixtures) => unknown; addressesOrgA: boolean };

const TARGETS: Target[] = [
  { name: "GET /me", handler: getMe, method: "GET", params: () => ({}), addressesOrgA: false },
  { name: "GET /teams", handler: listTeams, method: "GET", params: () => ({}), addressesOrgA: false },
  { name: "GET /teams/{id}", handler: getTeam, method: "GET", params: (f) => ({ id: f.teamId }), addressesOrgA: true },
  { name: "GET /measures/{id}", handler: getMeasure, method: "GET", params: (f) => ({ id: f.measureId }), addressesOrgA: true },
  { name: "PATCH /measures/{id}", handler: updateMeasure, method: "PATCH", params: (f) => ({ id: f.measureId }), body: () => ({ name: "Bypassed" }), addressesOrgA: true },
  { name: "GET /measures/{id}/data-points.csv", handler: exportCsv, method: "GET", params: (f) => ({ id: f.measureId }), addressesOrgA: true },
  { name: "GET /observations/{id}", handler: getObservation, method: "GET", params: (f) => ({ id: f.observationId }), addressesOrgA: true },
  { name: "POST /observations", handler: createObservation, method: "POST", params: () => ({}), body: (f) => ({ teamId: f.teamId, kind: "idea", text: "Bypass probe" }), addressesOrgA: true },
  { name: "GET /processes/{id}", handler: getProcess, method: "GET", params: (f) => ({ id: f.processId }), addressesOrgA: true },
];

let world: World;
let f: Fixtures;
let creds: Record<CallerKind, Credentials>;

beforeAll(async () => {
  world = await createWorld();
  f = await createFixtures(world);
  creds = await credentialsFor(world);
});

describe("x-middleware-subrequest does not bypass authorization", () => {
  for (const target of TARGETS) {
    const callers: [CallerKind, number][] = [["SIGNED_OUT", 401]];
    if (target.addressesOrgA) callers.push(["ORG_B_ADMIN", 404], ["ORG_B_TOKEN", 404]);
    for (const [caller, status] of callers) {
      it(`${target.name} as ${caller} still answers ${status} with every bypass header`, async () => {
        const send = (headers: Record<string, string>) =>
          invoke(target.handler as RouteFn, {
            method: target.method,
            params: target.params(f),
            ...creds[caller],
            headers,
            ...(target.body ? { body: target.body(f) } : {}),
          });
        const before = await fingerprint();
        const plain = await send({});
        expect(plain.status).toBe(status);
        for (const headers of BYPASS_HEADERS) {
          const res = await send(headers);
          expect(res.status, `${JSON.stringify(headers)} → ${res.text.slice(0, 200)}`).toBe(status);
          expect(res.json).toEqual(plain.json);
        }
        expect(await fingerprint()).toEqual(before);
      });
    }
  }

  it("the write that was refused left no observation behind", async () => {
    expect(await testDb().observation.count({ where: { text: "Bypass probe" } })).toBe(0);
  });
});
