// Faults: PostgreSQL restarts while the app is under load (submissions plus some reads). The app
// must answer every request promptly — the API 2xx, or 503 with Retry-After while the database is
// away, never a 500, a socket error or a hang (pages: see PAGE_500_GRACE_MS) — stay alive,
// recover on its own once PostgreSQL is back, and, after the phones' outboxes re-send whatever was
// not acknowledged, hold every submission exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMixedLoad, type RequestEvent, type RequestKind } from "../bench/mixed-runner.ts";
import { checkSubmissions, startLoadStack, watchOutput, type LoadStack } from "./support/load-scenario.ts";

const CONNECTIONS = 30;
const LOAD_SECONDS = 30;
const STOP_AT_MS = 5_000;
const DOWN_MS = 5_000;
/** The pool's connect timeout (lib/db/create-client.ts) plus margin: nothing may wait longer. */
const MAX_LATENCY_MS = 5_000 + 5_000;
/** After PostgreSQL accepts connections again, requests must succeed again within this time. */
const RECOVERY_MS = 5_000;
/**
 * HTML pages: a server component that throws renders app/error.tsx with status 500, and Next offers
 * no way to choose that status. So proxy.ts asks lib/db/availability.ts (a probe at most once a
 * second) and answers 503 + Retry-After itself while the database is away. Until the first failed
 * probe — up to a second, plus requests already rendering — a page may still get that 500.
 */
const PAGE_500_GRACE_MS = 2_500;
/** Reads use the API and the HTML team page; submissions dominate as in real use. */
const MIX: Record<RequestKind, number> = { post: 70, replay: 5, chart: 8, list: 9, page: 8 };

let stack: LoadStack;
beforeAll(async () => {
  stack = await startLoadStack("pg-restart");
});
afterAll(async () => {
  await stack?.stop();
});

describe("PostgreSQL restart under load", () => {
  it("answers 2xx or 503 + Retry-After, never hangs, recovers by itself, and keeps every submission exactly once", { timeout: 180_000 }, async () => {
    const events: RequestEvent[] = [];
    const keyPrefix = `restart-${Date.now()}`;
    const notableOutput = watchOutput(stack.app, /jobs|boss|uncaught|unhandled|fatal|api: unexpected/i);
    const t0 = performance.now();
    const at = () => Math.round(performance.now() - t0);
    const marks: Record<string, number> = {};

    const fault = (async () => {
      await sleep(STOP_AT_MS);
      marks.stopRequested = at();
      await stack.db.stop();
      marks.stopped = at();
      await sleep(DOWN_MS);
      marks.startRequested = at();
      await stack.db.start();
      marks.started = at();
    })();
    const result = await runMixedLoad({
      baseUrl: stack.app.url,
      connections: CONNECTIONS,
      seconds: LOAD_SECONDS,
      token: stack.token,
      teamId: stack.teamId,
      measureId: stack.measureId,
      cookie: stack.cookie,
      keyPrefix,
      mix: MIX,
      timeoutMs: MAX_LATENCY_MS * 3,
      onEvent: (e) => events.push(e),
    });
    // Both clocks start together: runMixedLoad reads its start time before its first await.
    await fault;

    // The outbox: re-send every key that was never acknowledged, same key and body, until it is.
    const unacknowledged = [...result.sent.keys()].filter((k) => !result.acknowledged.has(k));
    const resent = await resendUntilAcknowledged(unacknowledged, result.sent);
    const check = await checkSubmissions(stack.db.prisma, keyPrefix, result.sent.keys());
    const health = await fetch(`${stack.app.url}/api/health`).then((r) => r.status);

    const timeline = buildTimeline(events, marks);
    console.log(
      `\nPostgreSQL restart under load (${CONNECTIONS} connections, ${result.seconds} s)\n` +
        Object.entries(timeline)
          .map(([k, v]) => `  ${k.padEnd(26)} ${typeof v === "number" && !k.startsWith("count") ? `${v} ms` : JSON.stringify(v)}`)
          .join("\n") +
        `\n  submissions: sent ${result.sent.size}, acknowledged during load ${result.acknowledged.size}, re-sent ${unacknowledged.length} ` +
        `(${JSON.stringify(resent.statuses)}), rows ${check.rows}, missing ${check.missing.length}, duplicate keys ${check.duplicateKeys}`,
    );

    // The page renders log every failed query; show the rest (e.g. the background jobs' reports).
    console.log(`  app log lines about jobs or crashes:\n${notableOutput().slice(-20).map((l) => `    ${l}`).join("\n") || "    (none)"}`);
    if (stack.app.process.exitCode !== null || stack.app.process.signalCode !== null) console.log(`app exited; output tail:\n${stack.app.output().slice(-3000)}`);

    // Really faulted: the outage was seen by the clients.
    expect(timeline.count503).toBeGreaterThan(0);
    // Only clean answers: no socket errors or aborted hangs, no 500s, 503s carry Retry-After.
    expect(events.filter((e) => e.status === 0).map((e) => `${e.kind} ${e.error}`)).toEqual([]);
    const api = events.filter((e) => e.kind !== "page");
    expect(api.filter((e) => ![200, 201, 503].includes(e.status)).map((e) => `${e.kind} ${e.status}`)).toEqual([]);
    const inOutage = (e: RequestEvent) => e.at + e.ms >= marks.stopRequested! && e.at <= marks.started! + RECOVERY_MS;
    const pages = events.filter((e) => e.kind === "page");
    const pageAllowed = (e: RequestEvent) => {
      if (!inOutage(e)) return [200];
      // The probe has seen the outage: only the clean 503 (or 200 once PostgreSQL is back).
      if (e.at >= marks.stopped! + PAGE_500_GRACE_MS) return [200, 503];
      return [200, 500, 503];
    };
    expect(pages.filter((e) => !pageAllowed(e).includes(e.status)).map((e) => `${e.at} page ${e.status}`)).toEqual([]);
    const pages503 = pages.filter((e) => e.status === 503).length;
    const pages500 = pages.filter((e) => e.status === 500).length;
    console.log(`  pages during the outage: ${pages503} × 503 (proxy), ${pages500} × 500 (before the probe noticed)`);
    expect(pages503).toBeGreaterThan(0);
    expect(events.filter((e) => e.status === 503 && !e.retryAfter).length).toBe(0);
    expect(timeline.maxLatency).toBeLessThanOrEqual(MAX_LATENCY_MS);
    // The app lived through it and recovered on its own.
    expect(stack.app.process.exitCode).toBeNull();
    expect(stack.app.process.signalCode).toBeNull();
    expect(health).toBe(200);
    expect(timeline.firstSuccessAfterRestart).toBeLessThanOrEqual(marks.started! + RECOVERY_MS);
    const lateFailures = events.filter((e) => e.at > marks.started! + RECOVERY_MS && e.status >= 300);
    expect(lateFailures.map((e) => `${e.at} ${e.kind} ${e.status}`)).toEqual([]);
    // Exactly once, after the outbox caught up.
    expect(resent.failed).toEqual([]);
    expect(check.missing).toEqual([]);
    expect(check.rows).toBe(result.sent.size);
    expect(check.duplicateKeys).toBe(0);
  });
});

async function resendUntilAcknowledged(keys: string[], bodies: Map<string, string>) {
  const statuses: Record<string, number> = {};
  const failed: string[] = [];
  for (const key of keys) {
    let status = 0;
    for (let attempt = 0; attempt < 10 && status !== 200 && status !== 201; attempt++) {
      if (attempt) await sleep(500);
      status = await fetch(`${stack.app.url}/api/v1/observations`, {
        method: "POST",
        headers: { authorization: `Bearer ${stack.token}`, "content-type": "application/json", "idempotency-key": key },
        body: bodies.get(key)!,
      }).then((r) => r.status, () => 0);
    }
    // 201: the lost request never reached the database; 200: it had been stored, only the answer was lost.
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status !== 200 && status !== 201) failed.push(`${key} ${status}`);
  }
  return { statuses, failed };
}

function buildTimeline(events: RequestEvent[], marks: Record<string, number>) {
  const byTime = [...events].sort((a, b) => a.at - b.at);
  const ok = (e: RequestEvent) => e.status >= 200 && e.status < 300;
  const failures = byTime.filter((e) => !ok(e));
  const statusesByKind: Record<string, Record<string, number>> = {};
  for (const e of events) {
    const counts = (statusesByKind[e.kind] ??= {});
    counts[e.status || e.error || "error"] = (counts[e.status || e.error || "error"] ?? 0) + 1;
  }
  return {
    ...marks,
    first503: byTime.find((e) => e.status === 503)?.at ?? -1,
    last503: failures.filter((e) => e.status === 503).at(-1)?.at ?? -1,
    firstSuccessAfterRestart: byTime.find((e) => e.at >= (marks.started ?? Infinity) && ok(e))?.at ?? Infinity,
    count503: events.filter((e) => e.status === 503).length,
    countOk: events.filter(ok).length,
    maxLatency: Math.round(Math.max(...events.map((e) => e.ms))),
    statusesByKind,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
