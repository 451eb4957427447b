// Benchmark: POST /api/v1/observations on `next start` (auth by API token, idempotency keys) vs a
// bare Node http + pg server doing the same insert, the ceiling on this machine. Not part of npm test.
//   npx tsx tests/bench/observations-bench.ts [--seconds 10] [--connections 50]
// Uses its own embedded PostgreSQL, and the shared production build in .next (built first when the
// sources changed) while holding the e2e lock, so no e2e run rebuilds it underneath.
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { freePort, startEmbeddedPostgres } from "../../lib/db/embedded-postgres.ts";
import { applyMigrations } from "../../lib/db/migrations.ts";
import { createPrismaClient } from "../../lib/db/create-client.ts";
import { seedDemoData } from "../../lib/db/seed/index.ts";
import { buildIfStale } from "../../scripts/lib/build-stamp.ts";
import { acquireBuildLock, releaseBuildLock } from "../../scripts/lib/build-lock.ts";
import { startBareServer } from "./bare-server.ts";
import { runLoad, type LoadResult } from "./load.ts";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg("seconds", 10);
const connections = arg("connections", 50);
const nextBin = path.resolve("node_modules/next/dist/bin/next");
const secret = randomBytes(24).toString("hex");

await acquireBuildLock();
// A leftover cluster from an interrupted run would be reused half-initialised: start clean.
fs.rmSync(".data/bench-postgres", { recursive: true, force: true });
const db = await startEmbeddedPostgres({ dataDir: ".data/bench-postgres", database: "bench", persistent: false });
const children: ReturnType<typeof spawn>[] = [];
const cleanup = async () => {
  for (const c of children) c.kill("SIGTERM");
  await db.stop().catch(() => undefined);
  releaseBuildLock();
};
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));

try {
  await applyMigrations(db.url);
  const prisma = createPrismaClient(db.url, { max: 2 });
  await seedDemoData(prisma);
  const team = await prisma.team.findFirstOrThrow({ where: { name: "Cardiology Ward 7" }, select: { id: true, organizationId: true } });
  const token = `llt_${randomBytes(32).toString("base64url")}`;
  await prisma.apiToken.create({
    data: { organizationId: team.organizationId, teamId: team.id, name: "bench", tokenHash: createHash("sha256").update(token).digest("hex"), prefix: token.slice(0, 12) },
    select: { id: true },
  });

  if (buildIfStale() !== 0) throw new Error("next build failed");
  const nextPort = await freePort();
  const next = spawn(process.execPath, [nextBin, "start", "-p", String(nextPort)], {
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: db.url,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: `http://localhost:${nextPort}`,
      // The per-token limit would (rightly) stop a load test; the limiter's cost is still paid.
      OBSERVATION_TOKEN_LIMIT_PER_MINUTE: "100000000",
      API_TOKEN_LIMIT_PER_MINUTE: "100000000",
    },
  });
  children.push(next);
  for (let i = 0; ; i++) {
    const ok = await fetch(`http://localhost:${nextPort}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (i > 120) throw new Error("next start did not become healthy");
    await new Promise((r) => setTimeout(r, 500));
  }
  const barePort = await freePort();
  const bare = await startBareServer(db.url, barePort);

  const headers = { authorization: `Bearer ${token}` };
  // Every 10th request retries an earlier key (a phone replaying its outbox): it must answer 200.
  const load = (url: string, prefix: string, secs: number) =>
    runLoad({
      url,
      connections,
      seconds: secs,
      headers,
      next: (n) => {
        const k = n % 10 === 9 && n > 20 ? n - 15 : n;
        return { key: `${prefix}-key-${String(k).padStart(6, "0")}`, body: JSON.stringify({ teamId: team.id, kind: "problem", text: `bench report ${k}`, anonymous: false }) };
      },
    });

  await load(`http://localhost:${barePort}/`, "warm-bare", 2);
  await load(`http://localhost:${nextPort}/api/v1/observations`, "warm-next", 3);
  const ceiling = await load(`http://localhost:${barePort}/`, "bare", seconds);
  const app = await load(`http://localhost:${nextPort}/api/v1/observations`, "next", seconds);
  // For context: the same server answering GET /api/v1/me (auth and the route wrapper, no insert).
  const probe = await runLoad({ url: `http://localhost:${nextPort}/api/v1/me`, connections, seconds: Math.min(5, seconds), headers, method: "GET", next: (n) => ({ key: String(n), body: "" }) });
  bare.close();

  const duplicates = await prisma.$queryRaw<{ n: bigint }[]>`
    select count(*) as n from (select "clientSubmissionId" from "Observation" group by "organizationId", "clientSubmissionId" having count(*) > 1) d`;
  const rows = await prisma.observation.count({ where: { clientSubmissionId: { startsWith: "next-key-" } } });
  const acknowledged = new Set(app.keys).size;
  await prisma.$disconnect();

  const line = (name: string, r: LoadResult) =>
    `${name.padEnd(22)} ${String(r.rps).padStart(7)} req/s   p50 ${String(r.p50).padStart(6)} ms   p99 ${String(r.p99).padStart(6)} ms   max ${String(r.max).padStart(7)} ms   ${JSON.stringify(r.statuses)}`;
  const ratio = app.rps / ceiling.rps;
  console.log(`\n${connections} connections, ${seconds} s each, on ${process.platform} with ${(await import("node:os")).cpus().length} cores`);
  console.log(line("bare http + pg", ceiling));
  console.log(line("next start (API)", app));
  console.log(line("next GET /me (probe)", probe));
  console.log(`throughput ratio ${(ratio * 100).toFixed(1)} % (target ≥ 50 %) · p99 ${app.p99} ms (target < 150 ms)`);
  console.log(`rows for acknowledged keys: ${rows} rows / ${acknowledged} distinct keys · duplicate keys in the table: ${duplicates[0]?.n ?? 0}`);
  const pass = ratio >= 0.5 && app.p99 < 150 && rows === acknowledged && Number(duplicates[0]?.n ?? 0) === 0;
  console.log(pass ? "PASS" : "FAIL");
  process.exitCode = pass ? 0 : 1;
} finally {
  await cleanup();
}
