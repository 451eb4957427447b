// Job settings read from the environment. Pure (the environment is passed in) so that the rules
// — what turns jobs off, which cron wins, how an instance names itself — are unit-tested.
import os from "node:os";

type Env = Record<string, string | undefined>;

export const JOB_NAMES = ["guideline-review-reminders", "prune-rate-limits"] as const;
export type JobName = (typeof JOB_NAMES)[number];

/** Default schedules (UTC) and the variable that overrides each one. */
export const JOB_SCHEDULES: Record<JobName, { env: string; cron: string }> = {
  "guideline-review-reminders": { env: "JOB_CRON_GUIDELINE_REVIEW", cron: "0 6 * * *" },
  "prune-rate-limits": { env: "JOB_CRON_PRUNE_RATE_LIMITS", cron: "0 * * * *" },
};

const OFF = new Set(["false", "0", "off", "no", "disabled"]);

/** Jobs run unless JOBS_ENABLED says otherwise (e.g. a read-only replica of the app). */
export function jobsEnabled(env: Env): boolean {
  const value = env.JOBS_ENABLED?.trim().toLowerCase();
  return !value || !OFF.has(value);
}

// Five fields (minute precision) or six (with seconds), in cron-parser's syntax. pg-boss parses the
// expression again; this check only keeps a typo in an env var from stopping every job at start.
const CRON_FIELD = /^[0-9A-Za-z*?/,#-]+$/;

export function isCronExpression(value: string): boolean {
  const fields = value.trim().split(/\s+/);
  return (fields.length === 5 || fields.length === 6) && fields.every((f) => CRON_FIELD.test(f));
}

/**
 * The schedule of one job: the override when it is a cron expression, none when it says "off",
 * and the default (with a warning to log) when it is anything else.
 */
export function cronFor(job: JobName, env: Env): { cron: string | null; warning: string | null } {
  const { env: name, cron: fallback } = JOB_SCHEDULES[job];
  const raw = env[name]?.trim();
  if (!raw) return { cron: fallback, warning: null };
  if (OFF.has(raw.toLowerCase())) return { cron: null, warning: null };
  if (isCronExpression(raw)) return { cron: raw, warning: null };
  return { cron: fallback, warning: `jobs: ignoring ${name}="${raw}" (not a cron expression); using "${fallback}"` };
}

/** Recorded with every job run, so that a run can be traced to the instance that did it. */
export function instanceName(env: Env, host = os.hostname(), pid = process.pid): string {
  return env.INSTANCE_NAME?.trim() || `${host}:${pid}`;
}

function bounded(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = Number(env[name]);
  return Number.isFinite(value) && value >= min && value <= max ? value : fallback;
}

/**
 * pg-boss timing. The defaults are pg-boss's own; tests shorten them so that a per-minute schedule
 * is picked up within seconds (pg-boss accepts 1–45 s for the cron intervals).
 */
export function bossTiming(env: Env) {
  return {
    cronMonitorIntervalSeconds: bounded(env, "JOBS_CRON_MONITOR_INTERVAL_SECONDS", 30, 1, 45),
    cronWorkerIntervalSeconds: bounded(env, "JOBS_CRON_WORKER_INTERVAL_SECONDS", 5, 1, 45),
    pollingIntervalSeconds: bounded(env, "JOBS_POLLING_INTERVAL_SECONDS", 2, 0.5, 300),
  };
}

/** Delay before the next attempt to start pg-boss (database down at boot): 1 s doubling to 30 s. */
export function startRetryDelayMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
}
