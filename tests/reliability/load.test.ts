// Load: 50 connections for LOAD_SECONDS (default 60) of ~70 % observation submissions (a tenth of
// them outbox replays) and ~30 % reads (chart, filtered list, team page) against `next start` on
// a seeded database, with the bare Node http + pg ceiling measured in the same run. Zero errors,
// every acknowledged submission stored exactly once, and bounded memory growth.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatTable, runMixedLoad, toJson, type MixedLoadResult } from "../bench/mixed-runner.ts";
import type { LoadResult } from "../bench/load.ts";
import { checkSubmissions, measureCeiling, startLoadStack, type LoadStack, type SubmissionCheck } from "./support/load-scenario.ts";

const CONNECTIONS = 50;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const WARMUP_SECONDS = 5;
const CEILING_SECONDS = 12;
/**
 * Memory, from the end of the warm-up to the end of the run (app process tree RSS, sampled every
 * second). Measured here (2 shared cores, ~96 req/s): 276 → 500 MiB, +224 MiB, in steps that stop
 * after ~40 s (V8 growing its heap to the load, then staying there), and +19 MiB in the second
 * half. A leak grows with the number of requests instead, so it also shows in the second half:
 * - the whole run may grow by at most MAX_RSS_GROWTH_MIB (~1.7× what was measured), and
 * - the second half by at most MAX_SECOND_HALF_GROWTH_MIB (room for one late heap step or a
 *   slower machine that reaches its plateau later; a leak of even 20 KiB per request at 100 req/s
 *   adds ~60 MiB per half minute, on top of that).
 */
const MAX_RSS_GROWTH_MIB = 384;
const MAX_SECOND_HALF_GROWTH_MIB = 160;

let stack: LoadStack;
beforeAll(async () => {
  stack = await startLoadStack("load");
});
afterAll(async () => {
  await stack?.stop();
});

describe("mixed load at 50 connections", () => {
  it(`answers ${SECONDS} s of mixed traffic without errors, loses or duplicates no submission, and keeps memory bounded`, { timeout: (SECONDS + CEILING_SECONDS + 120) * 1000 }, async () => {
    const base = { baseUrl: stack.app.url, connections: CONNECTIONS, token: stack.token, teamId: stack.teamId, measureId: stack.measureId, cookie: stack.cookie };
    // JIT, route compilation caches and the connection pool settle first; memory is measured from here.
    const warmup = await runMixedLoad({ ...base, seconds: WARMUP_SECONDS, keyPrefix: "warm" });
    const keyPrefix = `load-${Date.now()}`;
    const result = await runMixedLoad({ ...base, seconds: SECONDS, keyPrefix, sampleRss: stack.app.rssMiB });
    const ceiling = await measureCeiling(stack, CONNECTIONS, CEILING_SECONDS);
    const check = await checkSubmissions(stack.db.prisma, keyPrefix, result.acknowledged);
    const memory = rssSummary(result);
    report(result, ceiling, check, memory);

    expect(warmup.errors, `warm-up errors: ${JSON.stringify(warmup.overall.statuses)}`).toBe(0);
    expect(result.errors, `unexpected answers: ${JSON.stringify(result.byKind)}`).toBe(0);
    expect(stack.app.process.exitCode).toBeNull();
    // Every kind really ran, and submissions were about 70 % of the traffic.
    for (const kind of ["post", "replay", "chart", "list", "page"] as const) expect(result.byKind[kind]?.requests ?? 0).toBeGreaterThan(0);
    const submissions = (result.byKind.post?.requests ?? 0) + (result.byKind.replay?.requests ?? 0);
    expect(submissions / result.overall.requests).toBeGreaterThan(0.65);
    expect(submissions / result.overall.requests).toBeLessThan(0.75);
    // Exactly once: every acknowledged key has its row, no row without a sent key, no key twice.
    expect(check.missing).toEqual([]);
    expect(check.rows).toBe(result.acknowledged.size);
    expect(check.duplicateKeys).toBe(0);
    expect(memory.growth, `RSS ${JSON.stringify(memory)}`).toBeLessThanOrEqual(MAX_RSS_GROWTH_MIB);
    expect(memory.secondHalfGrowth, `RSS ${JSON.stringify(memory)}`).toBeLessThanOrEqual(MAX_SECOND_HALF_GROWTH_MIB);
  });
});

function rssSummary(result: MixedLoadResult) {
  const mib = result.rss.map((s) => s.mib);
  const start = mib[0] ?? 0;
  const end = mib.at(-1) ?? 0;
  const half = result.rss.find((s) => s.at >= (result.seconds * 1000) / 2)?.mib ?? start;
  return {
    start,
    half,
    peak: Math.max(...mib),
    end,
    growth: round1(end - start),
    secondHalfGrowth: round1(end - half),
    bounds: { growth: MAX_RSS_GROWTH_MIB, secondHalfGrowth: MAX_SECOND_HALF_GROWTH_MIB },
  };
}

function report(result: MixedLoadResult, ceiling: LoadResult, check: SubmissionCheck, memory: ReturnType<typeof rssSummary>) {
  const { keys: _keys, ...ceilingStats } = ceiling;
  const summary = {
    at: new Date().toISOString(),
    cores: os.cpus().length,
    connections: CONNECTIONS,
    result: toJson(result),
    ceiling: ceilingStats,
    ratios: {
      throughput: round(result.overall.rps / Math.max(ceiling.rps, 1)),
      postP50: round((result.byKind.post?.p50 ?? 0) / Math.max(ceiling.p50, 0.1)),
      postP99: round((result.byKind.post?.p99 ?? 0) / Math.max(ceiling.p99, 0.1)),
    },
    memory,
    submissions: { acknowledged: result.acknowledged.size, rows: check.rows, missing: check.missing.length, duplicateKeys: check.duplicateKeys },
  };
  console.log(
    `\nMixed load: ${CONNECTIONS} connections, ${result.seconds} s (ceiling ${CEILING_SECONDS} s, ${summary.cores} cores)\n${formatTable(result, ceiling)}\n` +
      `RSS after warm-up ${memory.start} MiB, at half time ${memory.half}, peak ${memory.peak}, end ${memory.end}: growth ${memory.growth} MiB (bound ${MAX_RSS_GROWTH_MIB}), ` +
      `second half ${memory.secondHalfGrowth} MiB (bound ${MAX_SECOND_HALF_GROWTH_MIB})\n` +
      `submissions: acknowledged ${result.acknowledged.size}, rows ${check.rows}, missing ${check.missing.length}, duplicate keys ${check.duplicateKeys}`,
  );
  const file = path.resolve(".data/test-results/load-summary.json");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(summary, null, 2));
}

const round = (x: number) => Math.round(x * 100) / 100;
const round1 = (x: number) => Math.round(x * 10) / 10;
