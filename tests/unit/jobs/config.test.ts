import { describe, expect, it } from "vitest";
import { bossTiming, cronFor, instanceName, isCronExpression, jobsEnabled, JOB_NAMES, JOB_SCHEDULES, startRetryDelayMs } from "@/lib/jobs/config.ts";

describe("jobsEnabled", () => {
  it("is on unless switched off explicitly", () => {
    expect(jobsEnabled({})).toBe(true);
    expect(jobsEnabled({ JOBS_ENABLED: "" })).toBe(true);
    expect(jobsEnabled({ JOBS_ENABLED: "true" })).toBe(true);
    for (const off of ["false", "FALSE", " 0 ", "off", "no"]) expect(jobsEnabled({ JOBS_ENABLED: off })).toBe(false);
  });
});

describe("cronFor", () => {
  it("uses the default schedules: reminders daily at 06:00 UTC, pruning hourly", () => {
    expect(cronFor("guideline-review-reminders", {})).toEqual({ cron: "0 6 * * *", warning: null });
    expect(cronFor("prune-rate-limits", {})).toEqual({ cron: "0 * * * *", warning: null });
  });

  it("takes a valid override from the job's own variable only", () => {
    const env = { JOB_CRON_PRUNE_RATE_LIMITS: "* * * * *" };
    expect(cronFor("prune-rate-limits", env).cron).toBe("* * * * *");
    expect(cronFor("guideline-review-reminders", env).cron).toBe("0 6 * * *");
    expect(cronFor("guideline-review-reminders", { JOB_CRON_GUIDELINE_REVIEW: "30 7 * * 1-5" }).cron).toBe("30 7 * * 1-5");
    expect(cronFor("prune-rate-limits", { JOB_CRON_PRUNE_RATE_LIMITS: "*/15 * * * * *" }).cron).toBe("*/15 * * * * *");
  });

  it("turns a job off with 'off' and falls back (with a warning) on anything that is not cron", () => {
    expect(cronFor("prune-rate-limits", { JOB_CRON_PRUNE_RATE_LIMITS: "off" })).toEqual({ cron: null, warning: null });
    const bad = cronFor("prune-rate-limits", { JOB_CRON_PRUNE_RATE_LIMITS: "every minute" });
    expect(bad.cron).toBe("0 * * * *");
    expect(bad.warning).toContain("JOB_CRON_PRUNE_RATE_LIMITS");
  });

  it("has a schedule and a distinct variable for every job", () => {
    expect(new Set(JOB_NAMES.map((n) => JOB_SCHEDULES[n].env)).size).toBe(JOB_NAMES.length);
    for (const n of JOB_NAMES) expect(isCronExpression(JOB_SCHEDULES[n].cron)).toBe(true);
  });
});

describe("isCronExpression", () => {
  it("accepts 5 or 6 cron fields and rejects the rest", () => {
    for (const ok of ["* * * * *", "0 6 * * *", "0 0 1 JAN MON-FRI", "5,35 */2 * * 0"]) expect(isCronExpression(ok)).toBe(true);
    for (const bad of ["", "* * * *", "* * * * * * *", "0 6 * * *; rm -rf", "@daily"]) expect(isCronExpression(bad)).toBe(false);
  });
});

describe("instanceName", () => {
  it("prefers INSTANCE_NAME and otherwise names the host and process", () => {
    expect(instanceName({ INSTANCE_NAME: " app-a " }, "h", 1)).toBe("app-a");
    expect(instanceName({}, "web-3", 4242)).toBe("web-3:4242");
  });
});

describe("bossTiming", () => {
  it("keeps pg-boss's defaults and accepts overrides only inside pg-boss's bounds", () => {
    expect(bossTiming({})).toEqual({ cronMonitorIntervalSeconds: 30, cronWorkerIntervalSeconds: 5, pollingIntervalSeconds: 2 });
    expect(bossTiming({ JOBS_CRON_MONITOR_INTERVAL_SECONDS: "2", JOBS_CRON_WORKER_INTERVAL_SECONDS: "1", JOBS_POLLING_INTERVAL_SECONDS: "0.5" })).toEqual({
      cronMonitorIntervalSeconds: 2,
      cronWorkerIntervalSeconds: 1,
      pollingIntervalSeconds: 0.5,
    });
    // pg-boss throws on a cron interval outside 1–45 s: fall back instead of failing the start.
    expect(bossTiming({ JOBS_CRON_MONITOR_INTERVAL_SECONDS: "60", JOBS_CRON_WORKER_INTERVAL_SECONDS: "0" })).toMatchObject({ cronMonitorIntervalSeconds: 30, cronWorkerIntervalSeconds: 5 });
  });
});

describe("startRetryDelayMs", () => {
  it("doubles from 1 s and caps at 30 s", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(startRetryDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});
