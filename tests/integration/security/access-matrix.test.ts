// Access matrix (issue 5, item 1): every (route, method) under app/api/v1 × every kind of caller,
// with the expected answer taken from the written policy in route-policy.ts.
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createWorld } from "../support/factories.ts";
import { CALLERS, createFixtures, credentialsFor, fingerprint, invoke, type CallerKind, type Credentials, type Fixtures, type RouteFn, type World } from "./harness.ts";
import { expectedOutcome, policyKey, PUBLIC_ROUTES, ROUTE_POLICY, type PolicyEntry } from "./route-policy.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

type Discovered = { file: string; method: string; handler: RouteFn };

/** Every exported method of every route file under app/api/v1, read from disk at test time. */
async function discoverRoutes(): Promise<Discovered[]> {
  const files = readdirSync(path.join(ROOT, "app/api/v1"), { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "route.ts")
    .map((f) => path.posix.join("app/api/v1", f.split(path.sep).join("/")))
    .sort();
  const found: Discovered[] = [];
  for (const file of files) {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      const handler = mod[method];
      if (typeof handler === "function") found.push({ file, method, handler: handler as RouteFn });
    }
  }
  return found;
}

let world: World;
let creds: Record<CallerKind, Credentials>;
let shared: Fixtures;
let routes: Discovered[];
const handlers = new Map<string, RouteFn>();

beforeAll(async () => {
  world = await createWorld();
  creds = await credentialsFor(world);
  shared = await createFixtures(world);
  routes = await discoverRoutes();
  for (const r of routes) handlers.set(policyKey(r.file, r.method), r.handler);
});

describe("route discovery", () => {
  it("finds the route files on disk", () => {
    expect(routes.length).toBeGreaterThan(10);
  });

  it("has a written policy entry for every discovered (route, method), and no stale entries", () => {
    const policyKeys = new Set(ROUTE_POLICY.map((e) => policyKey(e.file, e.method)));
    const missing = routes.filter((r) => !PUBLIC_ROUTES.includes(r.file) && !policyKeys.has(policyKey(r.file, r.method))).map((r) => policyKey(r.file, r.method));
    expect(missing, "add these to tests/integration/security/route-policy.ts").toEqual([]);
    const stale = [...policyKeys].filter((k) => !handlers.has(k));
    expect(stale, "policy entries with no route on disk").toEqual([]);
    expect(policyKeys.size).toBe(ROUTE_POLICY.length);
  });
});

function pathFor(entry: PolicyEntry, f: Fixtures): string {
  let p = "/" + entry.file.replace(/^app/, "").replace(/\/route\.ts$/, "");
  for (const [k, v] of Object.entries(entry.params(f))) p = p.replace(`[${k}]`, v);
  return entry.query ? `${p}?${entry.query(f)}` : p;
}

const EXPECTED_CELLS = ROUTE_POLICY.length * CALLERS.length;
let checked = 0;

describe("access matrix", () => {
  for (const entry of ROUTE_POLICY) {
    describe(`${entry.method} ${entry.file}`, () => {
      for (const caller of CALLERS) {
        const expected = expectedOutcome(entry, caller);
        const label = expected.kind === "success" ? `success (${expected.statuses.join("/")})` : String(expected.status);
        it(`${caller} → ${label}`, async () => {
          const handler = handlers.get(policyKey(entry.file, entry.method));
          expect(handler, "route not found on disk").toBeDefined();
          const f = entry.write ? await createFixtures(world) : shared;
          const before = expected.kind === "denied" ? await fingerprint() : null;
          const res = await invoke(handler!, {
            method: entry.method,
            path: pathFor(entry, f),
            params: entry.params(f),
            ...creds[caller],
            ...(entry.body ? { body: entry.body(f) } : {}),
          });
          if (expected.kind === "success") {
            expect(expected.statuses, `body: ${res.text.slice(0, 300)}`).toContain(res.status);
          } else {
            expect(res.status, `body: ${res.text.slice(0, 300)}`).toBe(expected.status);
            const body = res.json as { error?: { code?: unknown; message?: unknown } };
            expect(typeof body?.error?.code).toBe("string");
            expect(typeof body?.error?.message).toBe("string");
            expect(await fingerprint(), "a denied request changed the database").toEqual(before);
          }
          expect(res.headers.get("cache-control")).toBe("no-store");
          checked += 1;
        });
      }
    });
  }

  it("checked every cell the policy defines", () => {
    console.info(`access matrix: ${checked} cells checked (${ROUTE_POLICY.length} route methods × ${CALLERS.length} callers)`);
    expect(EXPECTED_CELLS).toBeGreaterThan(100);
    expect(checked).toBe(EXPECTED_CELLS);
  });
});
