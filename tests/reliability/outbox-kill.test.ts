// Fault test: the app is SIGKILLed in the middle of a phone submission. The capture page's
// IndexedDB outbox must keep the report, replay it once the app is back, and the server's
// idempotency (same key + same body → 200 replay) must leave exactly one row per report.
// The browser (real Chromium, Pixel 7) talks to a small proxy on a fixed port, so its origin,
// session cookie and outbox survive the app being killed and restarted on its own fixed port.
import fs from "node:fs";
import { chromium, devices, expect as ui, type Browser, type Page } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../lib/db/embedded-postgres.ts";
import { DEMO_PASSWORD } from "../../lib/db/seed/logins.ts";
import { startKillProxy, type KillProxy, type ProxyEvent } from "./support/kill-proxy.ts";
import { newSecret, startApp, startDatabase, type App, type Database } from "./support/stack.ts";

const NURSE = "nurse.cardio@stolav.example";
const run = `outbox-kill-${Date.now().toString(36)}`;
const TEXT_A = `${run} A: killed after commit, before the answer`;
const TEXT_B = `${run} B: killed before the app saw the request`;
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
// The same flags as playwright.config.ts (without the networking ones Chromium floods the closed network).
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

let db: Database;
let app: App;
let proxy: KillProxy;
let browser: Browser;
let page: Page;
let appPort: number;
const secret = newSecret();
const t0 = Date.now();
const timeline: string[] = [];
const note = (scenario: string, what: string) => timeline.push(`[${scenario}] +${((Date.now() - t0) / 1000).toFixed(1)}s ${what}`);

async function bootApp(): Promise<App> {
  return startApp({ databaseUrl: db.url, secret, port: appPort, env: { NEXTAUTH_URL: proxy.url, JOBS_ENABLED: "false" } });
}

const rowsFor = (text: string) => db.prisma.observation.findMany({ where: { text }, select: { clientSubmissionId: true, text: true, kind: true } });

/** The phone's outbox as stored in IndexedDB (read only: the test never drives the outbox itself). */
const storedOutbox = () =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open("learning-loop");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          if (!idb.objectStoreNames.contains("outbox")) return resolve([]);
          const all = idb.transaction("outbox").objectStore("outbox").getAll();
          all.onsuccess = () => resolve((all.result as { clientSubmissionId: string }[]).map((i) => i.clientSubmissionId));
          all.onerror = () => reject(all.error);
        };
      }),
  );

async function fillReport(text: string) {
  await page.getByText("Problem", { exact: true }).click();
  await page.getByLabel("In a few words").fill(text);
}

/** After the fault: the page says the report is queued, and the phone still holds it under its key. */
async function expectQueued(key: string) {
  await ui(page.getByRole("status").filter({ hasText: "queued" })).toBeVisible({ timeout: 20_000 });
  await ui(page.getByTestId("outbox")).toContainText("1 report queued", { timeout: 20_000 });
  expect(await storedOutbox()).toEqual([key]);
}

/** Waits for the first successful POST of `key` recorded after event index `from`. */
const replayed = (key: string, from: number, timeoutMs: number) =>
  proxy.waitFor((e) => proxy.events.indexOf(e) >= from && e.idempotencyKey === key && (e.outcome === 200 || e.outcome === 201), timeoutMs, `2xx replay of ${key}`);

const describeEvent = (e: ProxyEvent) => `+${((e.at - t0) / 1000).toFixed(1)}s POST ${e.path} key=${e.idempotencyKey?.slice(0, 8)}… → ${e.outcome}${e.upstreamStatus ? ` (app had answered ${e.upstreamStatus})` : ""}`;

beforeAll(async () => {
  db = await startDatabase("outbox-kill");
  appPort = await freePort();
  proxy = await startKillProxy({ targetPort: appPort });
  app = await bootApp();
  browser = await chromium.launch({ ...(systemChromium ? { executablePath: systemChromium } : {}), args: CHROMIUM_ARGS });
  const context = await browser.newContext({ ...devices["Pixel 7"], baseURL: proxy.url });
  page = await context.newPage();
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/capture")}`);
  await page.getByLabel("Email").fill(NURSE);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/capture/);
  await ui(page.getByRole("heading", { name: "Log an observation" })).toBeVisible();
  // Hydrated once the page has registered its service worker (the same signal the e2e tests use).
  await page.waitForFunction(() => navigator.serviceWorker?.getRegistration().then((r) => Boolean(r)));
  note("setup", `signed in as ${NURSE} through the proxy ${proxy.url}; app on port ${appPort}`);
});

afterAll(async () => {
  console.log(`outbox-kill timeline:\n${timeline.join("\n")}`);
  await browser?.close();
  await app?.kill("SIGKILL");
  await proxy?.close();
  await db?.destroy();
});

describe("killing the app mid-submission", () => {
  it("A: killed after the commit, before the answer → queued, replayed as 200, one row", async () => {
    await fillReport(TEXT_A);
    const fault = proxy.arm("after-commit", () => app.kill("SIGKILL"));
    await page.getByRole("button", { name: "Send observation" }).click();
    const cut = await fault;
    const key = cut.idempotencyKey!;
    note("A", `proxy: app answered ${cut.upstreamStatus}, app SIGKILLed (exit ${app.process.signalCode}), browser connection dropped`);
    expect(cut.upstreamStatus).toBe(201);
    expect(app.process.signalCode).toBe("SIGKILL");

    await expectQueued(key);
    note("A", "UI: report shown as queued on this phone; IndexedDB holds its key");
    const committed = await rowsFor(TEXT_A);
    expect(committed).toEqual([{ clientSubmissionId: key, text: TEXT_A, kind: "PROBLEM" }]);
    note("A", "DB: exactly 1 row (committed before the kill)");

    const from = proxy.events.length;
    app = await bootApp();
    // The phone's network comes back: Chromium fires a real `online` event, which the page replays on
    // (its 30 s timer would also do it, only later).
    await page.context().setOffline(true);
    await page.context().setOffline(false);
    note("A", `app restarted on port ${appPort}; the phone went offline and online again (a real 'online' event, no reload)`);
    const replay = await replayed(key, from, 45_000);
    note("A", `replay: ${describeEvent(replay)}`);
    expect(replay.outcome).toBe(200);
    await ui(page.getByTestId("outbox")).toHaveCount(0, { timeout: 10_000 });
    expect(await storedOutbox()).toEqual([]);
    await ui(page.getByRole("status")).toContainText("has now reached your team");
    note("A", `UI: queued banner gone; IndexedDB outbox empty; status line reads "${(await page.getByRole("status").innerText()).trim()}"`);

    const after = await rowsFor(TEXT_A);
    expect(after).toEqual([{ clientSubmissionId: key, text: TEXT_A, kind: "PROBLEM" }]);
    note("A", "DB: still exactly 1 row, text intact");
  });

  it("B: killed before the app saw the request → queued, replayed on reload, one row", async () => {
    // This time the whole server is gone rather than one instance behind a load balancer: while it is
    // down, connections are cut (fetch rejects) instead of answered with 502.
    proxy.whileDown = "drop";
    await fillReport(TEXT_B);
    const fault = proxy.arm("before-app", () => app.kill("SIGKILL"));
    await page.getByRole("button", { name: "Send observation" }).click();
    const cut = await fault;
    const key = cut.idempotencyKey!;
    note("B", "proxy: POST arrived, app SIGKILLed before forwarding, browser connection dropped");

    await expectQueued(key);
    note("B", "UI: report shown as queued on this phone; IndexedDB holds its key");
    expect(await rowsFor(TEXT_B)).toEqual([]);
    note("B", "DB: 0 rows");

    const from = proxy.events.length;
    app = await bootApp();
    note("B", `app restarted on port ${appPort}; reloading the page (it replays its outbox on load)`);
    await page.reload();
    const replay = await replayed(key, from, 30_000);
    note("B", `replay: ${describeEvent(replay)}`);
    // The row did not exist yet, so the first successful send creates it (201), whether the reload
    // or, if it happened to fire first, the 30 s timer sent it.
    expect(replay.outcome).toBe(201);
    await ui.poll(storedOutbox, { timeout: 10_000 }).toEqual([]);
    await ui(page.getByTestId("outbox")).toHaveCount(0);
    note("B", "UI: no queued banner; IndexedDB outbox empty");

    expect(await rowsFor(TEXT_B)).toEqual([{ clientSubmissionId: key, text: TEXT_B, kind: "PROBLEM" }]);
    note("B", "DB: exactly 1 row, text intact");
  });

  it("across both: no duplicate clientSubmissionId and exactly 2 rows for this run", async () => {
    const duplicates = await db.prisma.$queryRaw<{ clientSubmissionId: string; n: bigint }[]>`
      SELECT "clientSubmissionId", count(*) AS n FROM "Observation" GROUP BY "organizationId", "clientSubmissionId" HAVING count(*) > 1`;
    expect(duplicates).toEqual([]);
    const ours = await db.prisma.observation.count({ where: { text: { startsWith: run } } });
    expect(ours).toBe(2);
    // The second POST right after each cut is Chromium's own network stack re-sending a request
    // whose reused keep-alive connection closed without an answer; the page's fetch made one attempt.
    const posts = proxy.events.map(describeEvent);
    note("all", `no duplicate keys; ${ours} rows for this run; proxy saw ${posts.length} submission POSTs:\n  ${posts.join("\n  ")}`);
  });
});
