import "server-only";
import pg from "pg";
import PgBoss from "pg-boss";
import { bossTiming, instanceName, jobsEnabled, startRetryDelayMs } from "./config.ts";
import { createErrorReporter } from "./error-log.ts";
import { registerJobs } from "./register-jobs.ts";

type Env = Record<string, string | undefined>;
type Report = (error: unknown, context?: string) => boolean;

export type JobsRuntime = { boss: PgBoss; instance: string; stop: () => Promise<void> };

const log = (line: string) => console.log(line);

/**
 * Starts pg-boss once against `connectionString` and registers the jobs; throws if that fails
 * (after releasing everything it opened). pg-boss gets its own small pool rather than a
 * connection string: a failed start of pg-boss cannot be retried on the same instance (it stays
 * "starting") and would not close a pool it opened itself, so each attempt is a new instance on a
 * pool we own and close.
 */
export async function startJobs(options: { connectionString: string; env?: Env; report?: Report }): Promise<JobsRuntime> {
  const env = options.env ?? process.env;
  const instance = instanceName(env);
  const report = options.report ?? createErrorReporter((line) => console.error(line));
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: 4,
    application_name: `jobs ${instance}`.slice(0, 63),
    connectionTimeoutMillis: 5_000,
  });
  // Without this, an idle connection dropped by a PostgreSQL restart would crash the process.
  pool.on("error", (error) => report(error, "pool"));
  const { cronMonitorIntervalSeconds, cronWorkerIntervalSeconds } = bossTiming(env);
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    schema: "pgboss",
    cronMonitorIntervalSeconds,
    cronWorkerIntervalSeconds,
  });
  boss.on("error", (error) => report(error));
  try {
    await withStartLock(pool, async () => {
      await boss.start();
      await registerJobs(boss, { env, instance, log });
    });
  } catch (error) {
    await boss.stop({ graceful: false, close: false, wait: true }).catch(() => undefined);
    await pool.end().catch(() => undefined);
    throw error;
  }
  log(`jobs: pg-boss started on ${instance}`);
  return {
    boss,
    instance,
    stop: async () => {
      await boss.stop({ graceful: true, close: false, wait: true, timeout: 10_000 }).catch((error) => report(error, "stop"));
      await pool.end().catch(() => undefined);
    },
  };
}

// Any number no other advisory lock in the app uses.
const START_LOCK_KEY = 604_002;

/**
 * pg-boss creates each queue as a partition of its job table; two instances creating queues at
 * the same moment (first boot of a fleet) deadlock in PostgreSQL. Instances therefore start one
 * at a time, behind a session advisory lock held on a connection of their own (released when the
 * start ends, or by PostgreSQL if that connection dies).
 */
async function withStartLock(pool: pg.Pool, work: () => Promise<void>): Promise<void> {
  const client = await pool.connect();
  let unlocked = false;
  try {
    await client.query("SELECT pg_advisory_lock($1::bigint)", [START_LOCK_KEY]);
    try {
      await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1::bigint)", [START_LOCK_KEY]);
      unlocked = true;
    }
  } finally {
    // A connection that may still hold the lock is closed rather than reused: closing releases it.
    client.release(!unlocked);
  }
}

type BackgroundJobs = { runtime: JobsRuntime | null; stopped: boolean; timer: NodeJS.Timeout | null };

// One per process: instrumentation runs once per server, but dev reloads would start a second one.
const globalForJobs = globalThis as unknown as { learningLoopJobs?: BackgroundJobs };

/**
 * Starts the jobs without holding up the server, and never throws: when PostgreSQL is unreachable
 * at boot, the start is retried in the background (1 s doubling to 30 s) while the app serves
 * (its own requests answer 503 meanwhile). Errors are logged once per kind (error-log.ts).
 */
export function startJobsInBackground(env: Env = process.env): void {
  if (globalForJobs.learningLoopJobs) return;
  if (!jobsEnabled(env)) {
    log("jobs: off (JOBS_ENABLED=false)");
    return;
  }
  const connectionString = env.DATABASE_URL;
  if (!connectionString) {
    log("jobs: off (DATABASE_URL is not set)");
    return;
  }
  const state: BackgroundJobs = { runtime: null, stopped: false, timer: null };
  globalForJobs.learningLoopJobs = state;
  const report = createErrorReporter((line) => console.error(line));
  const attempt = async (n: number): Promise<void> => {
    if (state.stopped) return;
    try {
      state.runtime = await startJobs({ connectionString, env, report });
      if (state.stopped) await state.runtime.stop();
    } catch (error) {
      if (report(error, "start")) log(`jobs: could not start pg-boss; retrying in the background`);
      state.timer = setTimeout(() => void attempt(n + 1), startRetryDelayMs(n));
      state.timer.unref();
    }
  };
  void attempt(0);
}

/** Whether this process's background jobs are running (pg-boss started), and under which name. */
export function backgroundJobsStatus(): { running: boolean; instance: string | null } {
  const runtime = globalForJobs.learningLoopJobs?.runtime ?? null;
  return { running: Boolean(runtime), instance: runtime?.instance ?? null };
}

/** Stops the background jobs (finishing a running job for up to 10 s). */
export async function stopBackgroundJobs(): Promise<void> {
  const state = globalForJobs.learningLoopJobs;
  if (!state) return;
  state.stopped = true;
  if (state.timer) clearTimeout(state.timer);
  await state.runtime?.stop();
  delete globalForJobs.learningLoopJobs;
}
