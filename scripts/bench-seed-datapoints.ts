// npx tsx scripts/bench-seed-datapoints.ts — 1,000,000 data points across 200 measures for the chart
// benchmark (tests/bench/chart.bench.ts). Reproducible: it replaces the "bench-org" organization
// each run. Points are generated inside PostgreSQL (generate_series), not shipped from Node.
import pg from "pg";
import { applyMigrations } from "../lib/db/migrations.ts";
import { createPrismaClient } from "../lib/db/create-client.ts";
import { BENCH_ORG_SLUG, withBenchDatabase } from "../tests/bench/bench-db.ts";

const MEASURES = Number(process.env.BENCH_MEASURES ?? 200);
const POINTS_PER_MEASURE = Number(process.env.BENCH_POINTS ?? 5000);
const TYPES = ["COUNT", "PROPORTION", "CONTINUOUS", "RATE"] as const;

await withBenchDatabase(async (url) => {
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = Date.now();
    await client.query(`DELETE FROM "Organization" WHERE slug = $1`, [BENCH_ORG_SLUG]);
    // The few parent rows go through Prisma, so they follow the schema's defaults.
    const db = createPrismaClient(url, { max: 1 });
    const org = await db.organization.create({ data: { name: "Bench Hospital", slug: BENCH_ORG_SLUG }, select: { id: true } });
    const team = await db.team.create({ data: { organizationId: org.id, name: "Bench Ward", slug: "bench-ward" }, select: { id: true } });
    const user = await db.user.create({ data: { organizationId: org.id, email: "bench.lead@bench.example", name: "Bench Lead" }, select: { id: true } });
    await db.membership.create({ data: { organizationId: org.id, teamId: team.id, userId: user.id, role: "LEAD" }, select: { id: true } });
    await db.measure.createMany({
      data: Array.from({ length: MEASURES }, (_, i) => ({
        organizationId: org.id,
        teamId: team.id,
        name: `Bench measure ${String(i + 1).padStart(3, "0")}`,
        type: TYPES[i % TYPES.length]!,
        direction: "UP" as const,
        frequency: "DAILY" as const,
        unit: TYPES[i % TYPES.length] === "PROPORTION" ? "%" : TYPES[i % TYPES.length] === "RATE" ? "per 1,000 days" : "",
      })),
    });
    await db.$disconnect();
    // One point per day per measure, ending yesterday: 5,000 days is about 13.7 years per measure.
    await client.query(
      `INSERT INTO "DataPoint" (id, "organizationId", "measureId", "periodStart", value, numerator, denominator, source, "updatedAt")
       SELECT gen_random_uuid()::text, m."organizationId", m.id, date_trunc('day', now() AT TIME ZONE 'UTC') - g * interval '1 day',
              CASE m.type WHEN 'COUNT' THEN floor(random() * 6) WHEN 'CONTINUOUS' THEN 50 + random() * 10 END,
              CASE m.type WHEN 'PROPORTION' THEN 60 + floor(random() * 30) WHEN 'RATE' THEN floor(random() * 3) END,
              CASE m.type WHEN 'PROPORTION' THEN 90 WHEN 'RATE' THEN 150 + floor(random() * 100) END,
              'SEED', now()
       FROM "Measure" m CROSS JOIN generate_series(1, $2::int) AS g
       WHERE m."organizationId" = $1`,
      [org.id, POINTS_PER_MEASURE],
    );
    await client.query(`ANALYZE "DataPoint"`);
    const count = (await client.query(`SELECT count(*)::int AS n FROM "DataPoint" WHERE "organizationId" = $1`, [org.id])).rows[0].n as number;
    console.log(`Seeded ${count.toLocaleString("en")} data points across ${MEASURES} measures in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await client.end();
  }
});
