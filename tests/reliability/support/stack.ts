// Real parts for the reliability suite: an embedded PostgreSQL that a test can stop and start again
// on the same port, migrated and seeded with the demo data, and `next start` processes on the
// production build (built once by global-setup.ts, which holds the shared build lock meanwhile).
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from "../../../lib/db/embedded-postgres.ts";
import { applyMigrations } from "../../../lib/db/migrations.ts";
import { createPrismaClient, type Db } from "../../../lib/db/create-client.ts";
import { seedDemoData } from "../../../lib/db/seed/index.ts";

const nextBin = path.resolve("node_modules/next/dist/bin/next");

export type Database = {
  /** Current connection URL (stable across restarts: same port). */
  url: string;
  prisma: Db;
  /** Stops PostgreSQL (fast shutdown: open connections are terminated). */
  stop: () => Promise<void>;
  /** Starts it again on the same port and data folder. */
  start: () => Promise<void>;
  /** Stops it for good and removes the data folder. */
  destroy: () => Promise<void>;
};

/** A fresh, migrated, seeded database in `.data/reliability-<name>`, or a new database on DATABASE_URL's server. */
export async function startDatabase(name: string): Promise<Database> {
  const dataDir = path.resolve(`.data/reliability-${name}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  let pgServer: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir, database: "reliability", port, persistent: true });
  const url = pgServer.url;
  await applyMigrations(url);
  const prisma = createPrismaClient(url, { max: 4 });
  await seedDemoData(prisma);
  return {
    url,
    prisma,
    stop: () => pgServer.stop(),
    start: async () => {
      pgServer = await startEmbeddedPostgres({ dataDir, database: "reliability", port, persistent: true });
    },
    destroy: async () => {
      await prisma.$disconnect().catch(() => undefined);
      await pgServer.stop().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type App = {
  port: number;
  url: string;
  process: ChildProcess;
  /** Output so far (stdout + stderr), for diagnosing a failure. */
  output: () => string;
  /** Resident memory of the server process and its children, in MiB (Linux /proc). */
  rssMiB: () => number;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
};

/** `next start` on a free port against `databaseUrl`; resolves once /api/health answers 200. */
export async function startApp(options: { databaseUrl: string; secret: string; port?: number; env?: Record<string, string> }): Promise<App> {
  const port = options.port ?? (await freePort());
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: options.secret,
      NEXTAUTH_URL: url,
      ...options.env,
    },
  });
  let log = "";
  child.stdout!.on("data", (d) => (log = (log + d).slice(-20_000)));
  child.stderr!.on("data", (d) => (log = (log + d).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const app: App = {
    port,
    url,
    process: child,
    output: () => log,
    rssMiB: () => treeRssMiB(child.pid!),
    kill: async (signal = "SIGTERM") => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    },
  };
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${log}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return app;
    if (i > 240) {
      await app.kill("SIGKILL");
      throw new Error(`next start did not become healthy:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

export const newSecret = () => randomBytes(24).toString("hex");

/** A team API token for the demo team `teamName`, stored hashed like the app does. */
export async function createTeamToken(prisma: Db, teamName = "Cardiology Ward 7"): Promise<{ token: string; teamId: string; organizationId: string }> {
  const team = await prisma.team.findFirstOrThrow({ where: { name: teamName }, select: { id: true, organizationId: true } });
  const token = `llt_${randomBytes(32).toString("base64url")}`;
  await prisma.apiToken.create({
    data: { organizationId: team.organizationId, teamId: team.id, name: `reliability ${Date.now()}`, tokenHash: createHash("sha256").update(token).digest("hex"), prefix: token.slice(0, 12) },
    select: { id: true },
  });
  return { token, teamId: team.id, organizationId: team.organizationId };
}

function treeRssMiB(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name (which may contain spaces) start after the last ")".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      const pages = Number(fields[21]);
      const pid = Number(entry);
      rss.set(pid, pages * 4096);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // the process ended while we read
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return Math.round((total / 1024 / 1024) * 10) / 10;
}
