// The scheduled jobs against the real database: each handler run twice (and concurrently) does its
// work once, and pg-boss itself — started the way the app starts it — runs jobs, records the
// instance, survives PostgreSQL being down at boot and restarted, and leaves our migrations alone.
import { afterAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import pg from "pg";
import PgBoss from "pg-boss";
import { sendGuidelineReviewReminders } from "@/lib/jobs/guideline-review-reminders.ts";
import { pruneRateLimits } from "@/lib/jobs/prune-rate-limits.ts";
import { REVIEW_REMINDER_PREFIX } from "@/lib/jobs/review-reminders.ts";
import { backgroundJobsStatus, startJobs, startJobsInBackground, stopBackgroundJobs, type JobsRuntime } from "@/lib/jobs/boss.ts";
import { applyMigrations, diffToSchema } from "@/lib/db/migrations.ts";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres.ts";
import { createOrg, createTeam, createUser, testDb } from "./support/factories.ts";

const url = process.env.TEST_DATABASE_URL!;
const uid = () => randomUUID().slice(0, 8);
const runtimes: JobsRuntime[] = [];
afterAll(async () => {
  await Promise.all(runtimes.map((r) => r.stop()));
  await stopBackgroundJobs();
});

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function overdueWorld() {
  const db = testDb();
  const org = await createOrg();
  const team = await createTeam(org.id);
  const otherTeam = await createTeam(org.id);
  const leadA = await createUser(org.id, { teams: [{ teamId: team.id, role: "LEAD" }] });
  const leadB = await createUser(org.id, { teams: [{ teamId: team.id, role: "LEAD" }] });
  const member = await createUser(org.id, { teams: [{ teamId: team.id, role: "MEMBER" }] });
  const gone = await createUser(org.id, { teams: [{ teamId: team.id, role: "LEAD" }] });
  await db.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() }, select: { id: true } });
  const otherLead = await createUser(org.id, { teams: [{ teamId: otherTeam.id, role: "LEAD" }] });
  const process = await db.process.create({ data: { organizationId: org.id, teamId: team.id, name: "Line care", slug: `p-${uid()}` }, select: { id: true } });
  const archived = await db.process.create({
    data: { organizationId: org.id, teamId: team.id, name: "Old", slug: `p-${uid()}`, archivedAt: new Date("2000-01-01T00:00:00Z") },
    select: { id: true },
  });
  const version = (processId: string, number: number, status: "DRAFT" | "TENTATIVE" | "ADOPTED" | "RETIRED", reviewBy: string) =>
    db.guidelineVersion.create({
      data: { organizationId: org.id, processId, number, status, title: `v${number} ${status}`, reviewBy: new Date(reviewBy) },
      select: { id: true, number: true },
    });
  // The test's clock is set in 2001, so only these rows (not other files' or the demo's) are overdue.
  const overdue = await version(process.id, 1, "ADOPTED", "2000-06-01T00:00:00Z");
  const overdueTentative = await version(process.id, 2, "TENTATIVE", "2000-12-01T00:00:00Z");
  await version(process.id, 3, "TENTATIVE", "2001-06-01T00:00:00Z"); // not due yet
  await version(process.id, 4, "DRAFT", "2000-01-01T00:00:00Z"); // not in use
  await version(process.id, 5, "RETIRED", "2000-01-01T00:00:00Z"); // not in use
  await version(archived.id, 1, "ADOPTED", "2000-01-01T00:00:00Z"); // archived process
  return { org, team, process, leadA, leadB, member, gone, otherLead, overdue, overdueTentative };
}

describe("guideline-review-reminders", () => {
  it("notifies each lead once per overdue version per day, however often it runs", async () => {
    const w = await overdueWorld();
    const reminders = () =>
      testDb().notification.findMany({
        where: { organizationId: w.org.id, title: { startsWith: REVIEW_REMINDER_PREFIX } },
        select: { userId: true, link: true, title: true, createdAt: true },
      });
    const day1 = new Date("2001-01-01T06:00:00Z");

    const first = await sendGuidelineReviewReminders(day1);
    const second = await sendGuidelineReviewReminders(new Date("2001-01-01T18:00:00Z"));
    expect(first.sent).toBeGreaterThanOrEqual(4);
    expect(second.sent).toBe(0);
    const sent = await reminders();
    // Two overdue versions × two active leads; not the member, the deactivated lead or another team's lead.
    expect(sent).toHaveLength(4);
    expect(new Set(sent.map((n) => n.userId))).toEqual(new Set([w.leadA.id, w.leadB.id]));
    expect(new Set(sent.map((n) => n.link))).toEqual(
      new Set([`/teams/${w.team.id}/guidelines/${w.process.id}/versions/1`, `/teams/${w.team.id}/guidelines/${w.process.id}/versions/2`]),
    );
    expect(sent.find((n) => n.link.endsWith("/versions/1"))!.title).toContain("review was due 2000-06-01");

    // The next day, still overdue: one more each — even with two runs at the same moment.
    const day2 = new Date("2001-01-02T06:00:00Z");
    const concurrent = await Promise.all([sendGuidelineReviewReminders(day2), sendGuidelineReviewReminders(day2)]);
    expect(concurrent.map((r) => r.sent).sort()).toEqual([0, first.sent]);
    const after = await reminders();
    expect(after).toHaveLength(8);
    expect(after.filter((n) => n.createdAt.getTime() === day2.getTime())).toHaveLength(4);

    // Reviewed (review date moved on): no more reminders for that version.
    await testDb().guidelineVersion.update({ where: { id: w.overdue.id }, data: { reviewBy: new Date("2002-01-01T00:00:00Z") }, select: { id: true } });
    await sendGuidelineReviewReminders(new Date("2001-01-03T06:00:00Z"));
    const day3 = (await reminders()).filter((n) => n.createdAt.toISOString().startsWith("2001-01-03"));
    expect(day3.map((n) => n.link).every((l) => l.endsWith("/versions/2"))).toBe(true);
    expect(day3).toHaveLength(2);
  });
});

describe("prune-rate-limits", () => {
  it("deletes rows whose longest window has passed and keeps live ones", async () => {
    const prefix = `jobs-test:${uid()}`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO "RateLimit" ("key", "count", "windowStart") VALUES
           ($1 || ':day-old', 3, now() - interval '1 day'),
           ($1 || ':two-hours', 9, now() - interval '2 hours'),
           ($1 || ':59-minutes', 2, now() - interval '59 minutes'),
           ($1 || ':fresh', 1, now())`,
        [prefix],
      );
      const keys = async () =>
        (await client.query<{ key: string }>(`SELECT "key" FROM "RateLimit" WHERE "key" LIKE $1 || ':%' ORDER BY "key"`, [prefix])).rows.map((r) => r.key);

      const first = await pruneRateLimits();
      expect(first.deleted).toBeGreaterThanOrEqual(2);
      expect(await keys()).toEqual([`${prefix}:59-minutes`, `${prefix}:fresh`]);
      const second = await pruneRateLimits();
      expect(second.deleted).toBe(0);
      expect(await keys()).toEqual([`${prefix}:59-minutes`, `${prefix}:fresh`]);
    } finally {
      await client.end();
    }
  });
});

describe("pg-boss", () => {
  const quiet = { JOB_CRON_PRUNE_RATE_LIMITS: "off", JOB_CRON_GUIDELINE_REVIEW: "off", JOBS_POLLING_INTERVAL_SECONDS: "0.5" };

  it("two instances start side by side; a job runs once and records the instance that ran it", async () => {
    const [a, b] = await Promise.all([
      startJobs({ connectionString: url, env: { ...quiet, INSTANCE_NAME: "itest-a" } }),
      startJobs({ connectionString: url, env: { ...quiet, INSTANCE_NAME: "itest-b" } }),
    ]);
    runtimes.push(a, b);
    const id = (await a.boss.send("prune-rate-limits", {}))!;
    const job = await waitFor("the job to complete", async () => {
      const j = await b.boss.getJobById<object>("prune-rate-limits", id, { includeArchive: true });
      return j?.state === "completed" ? j : null;
    });
    const output = job.output as { instance: string; deleted: number };
    expect(["itest-a", "itest-b"]).toContain(output.instance);
    expect(typeof output.deleted).toBe("number");

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const runs = await client.query(
      `SELECT id FROM pgboss.job WHERE id = $1 UNION ALL SELECT id FROM pgboss.archive WHERE id = $1`,
      [id],
    );
    await client.end();
    expect(runs.rowCount).toBe(1);
  });

  it("keeps our migrations clean: pg-boss's own schema is invisible to applyMigrations and the drift check", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const schema = await client.query(`SELECT 1 FROM information_schema.schemata WHERE schema_name = 'pgboss'`);
    await client.end();
    expect(schema.rowCount).toBe(1);
    expect(await applyMigrations(url)).toEqual([]);
    expect(await diffToSchema(url)).toContain("empty migration");
  });

  it("starts in the background once PostgreSQL comes up, and keeps working across a restart", { timeout: 90_000 }, async () => {
    const dataDir = `.data/jobs-test-${process.pid}`;
    fs.rmSync(dataDir, { recursive: true, force: true });
    let server = await startEmbeddedPostgres({ dataDir, database: "jobs", persistent: true });
    const { port, url: jobsUrl } = server;
    await server.stop();
    try {
      // Down at boot: no throw, no crash, nothing running yet.
      expect(() => startJobsInBackground({ ...quiet, DATABASE_URL: jobsUrl, INSTANCE_NAME: "itest-bg" })).not.toThrow();
      await new Promise((r) => setTimeout(r, 1500));
      expect(backgroundJobsStatus().running).toBe(false);

      server = await startEmbeddedPostgres({ dataDir, database: "jobs", port, persistent: true });
      await waitFor("pg-boss to start after the database came up", async () => backgroundJobsStatus().running, 60_000);
      expect(backgroundJobsStatus().instance).toBe("itest-bg");

      // Restart under it, then prove its workers still fetch and complete jobs.
      await server.stop();
      await new Promise((r) => setTimeout(r, 1500));
      server = await startEmbeddedPostgres({ dataDir, database: "jobs", port, persistent: true });
      // A bare pg-boss with no workers sends the job, so only the instance that lived through the restart can run it.
      const sender = new PgBoss({ connectionString: jobsUrl, supervise: false, schedule: false });
      sender.on("error", () => undefined);
      await sender.start();
      try {
        const id = (await sender.send("prune-rate-limits", {}))!;
        const job = await waitFor(
          "a job after the restart",
          async () => {
            const j = await sender.getJobById<object>("prune-rate-limits", id, { includeArchive: true });
            return j?.state === "completed" ? j : null;
          },
          45_000,
        );
        expect((job.output as { instance: string }).instance).toBe("itest-bg");
      } finally {
        await sender.stop({ graceful: false });
      }
    } finally {
      await stopBackgroundJobs();
      await Promise.all(runtimes.splice(0).map((r) => r.stop()));
      await server.stop().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
