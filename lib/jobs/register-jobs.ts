import "server-only";
import type PgBoss from "pg-boss";
import { bossTiming, cronFor, type JobName } from "./config.ts";
import { sendGuidelineReviewReminders } from "./guideline-review-reminders.ts";
import { pruneRateLimits } from "./prune-rate-limits.ts";

type Env = Record<string, string | undefined>;

export type JobDefinition = {
  name: JobName;
  run: () => Promise<Record<string, unknown>>;
  /** A run still active after this is failed by pg-boss and retried (handlers are idempotent). */
  expireInSeconds: number;
};

export const JOBS: readonly JobDefinition[] = [
  { name: "guideline-review-reminders", run: () => sendGuidelineReviewReminders(), expireInSeconds: 15 * 60 },
  { name: "prune-rate-limits", run: () => pruneRateLimits(), expireInSeconds: 5 * 60 },
];

/**
 * Runs one job and returns what pg-boss stores as the job's output: the result plus the instance
 * that ran it, so a run can be traced (and single execution across instances checked) from
 * `pgboss.job` / `pgboss.archive` alone.
 */
export async function runJob(job: JobDefinition, jobId: string | undefined, instance: string, log: (line: string) => void) {
  const started = Date.now();
  try {
    const result = await job.run();
    log(`jobs: ${job.name} ${jobId ?? ""} done on ${instance}: ${JSON.stringify(result)}`);
    return { instance, ...result, ms: Date.now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`jobs: ${job.name} ${jobId ?? ""} failed on ${instance}: ${message}`);
    throw Object.assign(new Error(message), { instance });
  }
}

/**
 * Creates the queues, (re)writes their schedules and starts this instance's workers. Every
 * instance does this at start: queue creation and schedules are upserts, and pg-boss's cron
 * monitor lets only one instance enqueue a given slot. The schedule also carries a per-minute
 * singleton key, so even a duplicate enqueue of the same slot is refused by a unique index.
 */
export async function registerJobs(boss: PgBoss, options: { env: Env; instance: string; log: (line: string) => void }): Promise<void> {
  const { pollingIntervalSeconds } = bossTiming(options.env);
  for (const job of JOBS) {
    await boss.createQueue(job.name, { name: job.name, retryLimit: 2, retryDelay: 60, expireInSeconds: job.expireInSeconds });
    const { cron, warning } = cronFor(job.name, options.env);
    if (warning) options.log(warning);
    if (cron) await boss.schedule(job.name, cron, {}, { tz: "UTC", singletonKey: job.name, singletonSeconds: 60 });
    else await boss.unschedule(job.name);
    await boss.work(job.name, { pollingIntervalSeconds, batchSize: 1 }, async ([pgJob]) => runJob(job, pgJob?.id, options.instance, options.log));
  }
}
