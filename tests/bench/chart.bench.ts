// The chart use case for one measure over one year (1,000,000 points in the table), against the
// same aggregation in raw SQL from the same process as the floor. Seed first:
//   npx tsx scripts/bench-seed-datapoints.ts
//   npx vitest run --config tests/bench/vitest.config.mts
import { afterAll, beforeAll, expect, it } from "vitest";
import pg from "pg";
import { encode } from "next-auth/jwt";
import type { ChartKind } from "@/lib/measures/schema.ts";
import { BENCH_ORG_SLUG, startBenchDatabase } from "./bench-db.ts";

const WARMUP = 30;
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const DAY = 86_400_000;

let stop: () => Promise<void> = async () => {};
let client: pg.Client;
let ctx: { orgId: string; userId: string; measures: { id: string; type: string }[] };

beforeAll(async () => {
  const db = await startBenchDatabase();
  stop = db.stop;
  process.env.DATABASE_URL = db.url;
  process.env.NEXTAUTH_SECRET ??= "bench-secret";
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const org = await client.query(`SELECT id FROM "Organization" WHERE slug = $1`, [BENCH_ORG_SLUG]).catch(() => ({ rowCount: 0, rows: [] }));
  if (!org.rowCount) throw new Error("No benchmark data: run `npx tsx scripts/bench-seed-datapoints.ts` first.");
  const orgId = org.rows[0].id as string;
  const user = await client.query(`SELECT id FROM "User" WHERE "organizationId" = $1`, [orgId]);
  const measures = await client.query(`SELECT id, type::text AS type FROM "Measure" WHERE "organizationId" = $1 ORDER BY name LIMIT 4`, [orgId]);
  ctx = { orgId, userId: user.rows[0].id, measures: measures.rows };
});

afterAll(async () => {
  await client?.end();
  await stop();
});

async function timeIt(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(RUNS * 0.5)]!, p95: samples[Math.floor(RUNS * 0.95)]! };
}

const ms = (x: number) => `${x.toFixed(2)} ms`.padStart(10);

it("chart endpoint p50 for one measure over a year, vs raw SQL", async () => {
  const { GET } = await import("@/app/api/v1/measures/[id]/chart/route.ts");
  const { getMeasureChart } = await import("@/lib/measures/get-chart.ts");
  const { callerFromSession } = await import("@/lib/auth/resolve-caller.ts");
  const jwt = await encode({ token: { uid: ctx.userId, sv: 0, authTime: Math.floor(Date.now() / 1000) }, secret: process.env.NEXTAUTH_SECRET! });
  const cookie = `next-auth.session-token=${jwt}`;
  const caller = await callerFromSession(ctx.userId, 0);
  if (!caller) throw new Error("bench user has no session");

  const to = new Date(Math.floor(Date.now() / DAY) * DAY);
  const from = new Date(to.getTime() - 365 * DAY);
  const qs = `from=${from.toISOString().slice(0, 10)}&to=${to.toISOString().slice(0, 10)}`;
  const rows: string[] = [];

  for (const m of ctx.measures) {
    const kinds: Record<string, ChartKind> = { COUNT: "c", PROPORTION: "p", CONTINUOUS: "i", RATE: "u" };
    const kind = kinds[m.type] ?? "run";
    const endpoint = await timeIt(async () => {
      const res = await GET(new Request(`http://localhost/api/v1/measures/${m.id}/chart?kind=${kind}&${qs}`, { headers: { cookie } }), { params: Promise.resolve({ id: m.id }) });
      if (res.status !== 200) throw new Error(`chart answered ${res.status}`);
      await res.text();
    });
    const useCase = await timeIt(() => getMeasureChart(caller, m.id, { kind, from, to, phases: "true", maxPoints: 1000 }));
    // The floor: the same bucketed aggregation, sent by the pg driver straight from this process.
    const raw = await timeIt(() =>
      client.query(
        `SELECT date_trunc('day', "periodStart") AS start, sum(value), avg(value), sum(numerator), sum(denominator), count(*)::int,
                string_agg(nullif(note, ''), '; ' ORDER BY "periodStart")
         FROM "DataPoint" WHERE "organizationId" = $1 AND "measureId" = $2 AND "periodStart" >= $3 AND "periodStart" < $4
         GROUP BY 1 ORDER BY 1`,
        [ctx.orgId, m.id, from, to],
      ),
    );
    rows.push(
      `${m.type.padEnd(11)} ${kind.padEnd(2)} endpoint p50 ${ms(endpoint.p50)} (p95 ${ms(endpoint.p95)}) · use case p50 ${ms(useCase.p50)} · raw SQL p50 ${ms(raw.p50)} · endpoint/raw ${(endpoint.p50 / raw.p50).toFixed(1)}× · use case/raw ${(useCase.p50 / raw.p50).toFixed(1)}×`,
    );
    expect(endpoint.p50).toBeGreaterThan(0);
  }
  console.log(`\nChart over one year (365 daily buckets), ${RUNS} runs after ${WARMUP} warm-up, 1,000,000 points in the table:\n${rows.join("\n")}\n`);
});
