// npm start / npm run dev
// Without DATABASE_URL: starts the embedded PostgreSQL (data in .data/), applies migrations, seeds
// the demo data on the first run, and serves the app (building first when the build is stale).
// With DATABASE_URL: uses that database and never starts an embedded one.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded-postgres.ts";
import { applyMigrations } from "../lib/db/migrations.ts";
import { createPrismaClient } from "../lib/db/create-client.ts";
import { seedDemoData } from "../lib/db/seed/index.ts";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../lib/db/seed/logins.ts";
import { buildIfStale } from "./lib/build-stamp.ts";
import { localSecret } from "./lib/secret.ts";

const dev = process.argv.includes("--dev");
const dataDir = process.env.LEARNING_LOOP_DATA_DIR ?? ".data";
const port = Number(process.env.PORT ?? 3000);
const nextBin = path.resolve("node_modules/next/dist/bin/next");

let embedded: EmbeddedDatabase | null = null;
let child: ChildProcess | null = null;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 8_000);
        child!.once("exit", () => resolve(clearTimeout(timer)));
      });
    }
    if (embedded) {
      await embedded.stop().catch(() => {});
      console.log("PostgreSQL stopped.");
    }
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  let url = process.env.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), database: "learning_loop" });
    url = embedded.url;
    console.log(`Embedded PostgreSQL running on port ${embedded.port} (data in ${dataDir}/postgres).`);
  }
  const applied = await applyMigrations(url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);

  // Demo data only where it cannot surprise anyone: the embedded database, or when asked for.
  if (embedded || process.env.SEED_DEMO_DATA === "true") {
    const db = createPrismaClient(url, { max: 2 });
    const { seeded } = await seedDemoData(db);
    await db.$disconnect();
    if (seeded) console.log("Seeded demo data.");
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? localSecret(dataDir),
    // No telemetry calls from a machine that may have no network.
    NEXT_TELEMETRY_DISABLED: "1",
  };

  if (!dev) {
    const status = buildIfStale(env);
    if (status !== 0) await shutdown(status);
  }

  child = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", String(port)], { stdio: "inherit", env });
  child.on("exit", (code) => void shutdown(code ?? 0));

  console.log(`\nLearning Loop: http://localhost:${port}`);
  if (embedded || process.env.SEED_DEMO_DATA === "true") {
    console.log(`Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const login of DEMO_LOGINS) console.log(`  ${login.email.padEnd(30)} ${login.role}`);
  }
  console.log("Press Ctrl-C to stop.\n");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
