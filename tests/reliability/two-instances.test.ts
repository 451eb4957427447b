// Two `next start` instances on different ports against one PostgreSQL, with the same secret:
// a session from one works on the other (and signing out on one ends it on both), rate limits and
// login throttling are shared, and scheduled jobs run once per slot across both instances.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTeamToken, newSecret, startApp, startDatabase, type App, type Database } from "./support/stack.ts";
import { DEMO_PASSWORD } from "../../lib/db/seed/logins.ts";
import { REVIEW_REMINDER_PREFIX } from "../../lib/jobs/review-reminders.ts";

const TOKEN_LIMIT = 5;
const LOGIN_LIMIT = 4;
const JOBS = ["prune-rate-limits", "guideline-review-reminders"] as const;

let db: Database;
let a: App;
let b: App;
let bothJobsStartedAt = 0;
let expiredRateLimits = 0;

/** A minimal cookie jar: what a browser would keep between requests (name → value). */
class Jar {
  private cookies = new Map<string, string>();
  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  get(name: string) {
    return this.cookies.get(name);
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

const SESSION = "next-auth.session-token";

async function csrf(app: App, jar: Jar): Promise<string> {
  const res = await fetch(`${app.url}/api/auth/csrf`, { headers: { cookie: jar.header() } });
  jar.store(res);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/** next-auth's credentials flow over HTTP, as a script or the sign-in form does it. True when a session cookie was issued. */
async function signIn(app: App, jar: Jar, email: string, password: string, ip: string): Promise<boolean> {
  const csrfToken = await csrf(app, jar);
  const res = await fetch(`${app.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), origin: app.url, "x-forwarded-for": ip },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: app.url }),
  });
  const before = jar.get(SESSION);
  jar.store(res);
  await res.text();
  return Boolean(jar.get(SESSION)) && jar.get(SESSION) !== before;
}

async function me(app: App, cookie: string) {
  const res = await fetch(`${app.url}/api/v1/me`, { headers: { cookie } });
  return { status: res.status, body: (await res.json()) as { user?: { email: string | null } } };
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}\n--- A ---\n${a?.output().slice(-3000)}\n--- B ---\n${b?.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  db = await startDatabase("two-instances");
  // Expired rate-limit rows for the prune job to find (it must delete them once, in total).
  await db.prisma.$executeRaw`INSERT INTO "RateLimit" ("key", "count", "windowStart")
    SELECT 'two-instances:expired:' || i, 1, now() - interval '3 hours' FROM generate_series(1, 3) AS i`;
  expiredRateLimits = Number(
    (await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "RateLimit" WHERE "windowStart" <= now() - interval '1 hour'`)[0]!.n,
  );
  const secret = newSecret();
  const env = (name: string) => ({
    INSTANCE_NAME: name,
    OBSERVATION_TOKEN_LIMIT_PER_MINUTE: String(TOKEN_LIMIT),
    LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP: String(LOGIN_LIMIT),
    JOBS_ENABLED: "true",
    JOB_CRON_PRUNE_RATE_LIMITS: "* * * * *",
    JOB_CRON_GUIDELINE_REVIEW: "* * * * *",
    // Check the schedules every 2 s (pg-boss's default is 30 s) so a slot fires within seconds.
    JOBS_CRON_MONITOR_INTERVAL_SECONDS: "2",
    JOBS_CRON_WORKER_INTERVAL_SECONDS: "1",
    JOBS_POLLING_INTERVAL_SECONDS: "1",
  });
  [a, b] = await Promise.all([
    startApp({ databaseUrl: db.url, secret, env: env("app-a") }),
    startApp({ databaseUrl: db.url, secret, env: env("app-b") }),
  ]);
  await waitFor("pg-boss to start on both instances", async () => a.output().includes("jobs: pg-boss started on app-a") && b.output().includes("jobs: pg-boss started on app-b"), 60_000);
  bothJobsStartedAt = Date.now();
});

afterAll(async () => {
  await Promise.all([a?.kill(), b?.kill()]);
  await db?.destroy();
});

describe("two app instances on one database", () => {
  it("a session from one instance works on the other, and signing out on one ends it on both", async () => {
    const jar = new Jar();
    expect(await signIn(a, jar, "lead.cardio@stolav.example", DEMO_PASSWORD, "10.50.0.1")).toBe(true);
    const cookie = `${SESSION}=${jar.get(SESSION)}`;

    const onA = await me(a, cookie);
    const onB = await me(b, cookie);
    expect(onA.status).toBe(200);
    expect(onB.status).toBe(200);
    expect(onB.body.user?.email).toBe("lead.cardio@stolav.example");
    expect(onB.body.user).toEqual(onA.body.user);

    // Sign out on B (next-auth's sign-out bumps the user's sessionVersion in the database)…
    const csrfToken = await csrf(b, jar);
    const out = await fetch(`${b.url}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), origin: b.url },
      body: new URLSearchParams({ csrfToken, json: "true", callbackUrl: b.url }),
    });
    expect(out.status).toBeLessThan(400);
    // …and the old cookie, replayed on A, is refused.
    expect((await me(a, cookie)).status).toBe(401);
    expect((await me(b, cookie)).status).toBe(401);
  });

  it("shares the observation rate limit: the (limit+1)th request overall is refused, whichever instance answers", async () => {
    const { token, teamId } = await createTeamToken(db.prisma);
    const post = (app: App, i: number) =>
      fetch(`${app.url}/api/v1/observations`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ teamId, kind: "problem", text: `two instances ${i}`, anonymous: false }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < TOKEN_LIMIT; i++) statuses.push((await post(i % 2 === 0 ? a : b, i)).status);
    expect(statuses).toEqual(Array(TOKEN_LIMIT).fill(201));
    // Request limit+1 lands on B (alternating A, B, …), limit+2 on A: both refuse.
    for (const app of [b, a]) {
      const res = await post(app, 99);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(Number(res.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    }
  });

  it("shares login throttling: failures alternated across instances hit the limit at the same count as on one", async () => {
    // The same sequence against both instances (alternating) and against A alone, from two addresses.
    const run = async (apps: App[], email: string, ip: string) => {
      const at = (i: number) => apps[i % apps.length]!;
      for (let i = 0; i < LOGIN_LIMIT - 1; i++) expect(await signIn(at(i), new Jar(), email, "wrong-password", ip)).toBe(false);
      // One below the limit: the right password still gets in (on the other instance when alternating).
      const beforeLimit = await signIn(at(1), new Jar(), email, DEMO_PASSWORD, ip);
      expect(await signIn(at(0), new Jar(), email, "wrong-password", ip)).toBe(false);
      // At the limit: even the right password is refused from this address, on either instance.
      const atLimit = [await signIn(at(1), new Jar(), email, DEMO_PASSWORD, ip), await signIn(at(0), new Jar(), email, DEMO_PASSWORD, ip)];
      const throttled = await db.prisma.auditEvent.count({ where: { action: "auth.sign_in_throttled", ip } });
      return { beforeLimit, atLimit, throttled };
    };
    const alternating = await run([a, b], "nurse.cardio@stolav.example", "10.60.0.1");
    const single = await run([a], "lead.ed@stolav.example", "10.60.0.2");
    expect(alternating).toEqual({ beforeLimit: true, atLimit: [false, false], throttled: 2 });
    expect(single).toEqual(alternating);
  });

  it("both instances survive a PostgreSQL restart with their jobs running, logging errors without a flood", async () => {
    const errorLines = (app: App) => app.output().split("\n").filter((l) => l.startsWith("jobs: ") && l.includes(" error ["));
    const before = [errorLines(a).length, errorLines(b).length];
    await db.stop();
    // Several cron checks (every 2 s) and polls (every 1 s) fail meanwhile.
    await new Promise((r) => setTimeout(r, 6_000));
    expect((await fetch(`${a.url}/api/health`)).status).toBe(503);
    await db.start();
    for (const app of [a, b]) {
      await waitFor("health after the restart", async () => (await fetch(`${app.url}/api/health`)).status === 200, 30_000);
      expect(app.process.exitCode).toBeNull();
    }
    // Once per kind of error, not once per failed poll: a handful of lines for ~20 failed attempts.
    const added = [errorLines(a).length - before[0]!, errorLines(b).length - before[1]!];
    console.log("two-instances: pg-boss error lines during the outage", added, errorLines(a).slice(-6));
    for (const n of added) expect(n).toBeLessThanOrEqual(8);
    // The instances' pg-boss workers are polling again: a job sent now is completed by one of them.
    const inserted = await db.prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO pgboss.job (name, data) VALUES ('prune-rate-limits', '{}'::jsonb) RETURNING id::text AS id`;
    const id = inserted[0]!.id;
    const done = await waitFor(
      "a job after the restart",
      async () => (await db.prisma.$queryRaw<{ instance: string }[]>`
        SELECT output->>'instance' AS instance FROM pgboss.job WHERE id = ${id}::uuid AND state = 'completed'`)[0],
      30_000,
    );
    expect(["app-a", "app-b"]).toContain(done.instance);
  });

  it("runs each scheduled slot once across both instances, recording which one ran it", async () => {
    // The next whole minute, at least 3 s away, with both instances' pg-boss running (and through
    // the restart above, so this also shows the schedules still run once after an outage).
    const slot = Math.ceil((Math.max(Date.now(), bothJobsStartedAt) + 3_000) / 60_000) * 60_000;
    type Run = { name: string; state: string; instance: string | null; created: Date; output: Record<string, unknown> | null; scheduled: boolean };
    const runs = async () =>
      db.prisma.$queryRaw<Run[]>`
        SELECT name, state::text AS state, output->>'instance' AS instance, created_on AS created, output, singleton_key IS NOT NULL AS scheduled
        FROM (SELECT name, state, output, created_on, singleton_key FROM pgboss.job
              UNION ALL SELECT name, state, output, created_on, singleton_key FROM pgboss.archive) j
        WHERE name IN ('prune-rate-limits', 'guideline-review-reminders')
        ORDER BY created_on`;
    const inSlot = (r: Run) => r.scheduled && r.created.getTime() >= slot && r.created.getTime() < slot + 60_000;
    await waitFor(
      `both jobs of the ${new Date(slot).toISOString()} slot to complete`,
      async () => {
        const done = (await runs()).filter((r) => inSlot(r) && r.state === "completed");
        return JOBS.every((name) => done.some((r) => r.name === name));
      },
      slot - Date.now() + 40_000,
    );
    // Give a duplicate (if there were one) time to show up: both instances check every 2 s.
    await new Promise((r) => setTimeout(r, 6_000));

    const all = await runs();
    for (const name of JOBS) {
      const slotRuns = all.filter((r) => r.name === name && inSlot(r));
      expect(slotRuns, `${name} runs in the slot`).toHaveLength(1);
      expect(slotRuns[0]!.state).toBe("completed");
      expect(["app-a", "app-b"]).toContain(slotRuns[0]!.instance);
      // Every earlier slot (e.g. the one already running when the instances started) ran once too.
      const perMinute = new Map<number, number>();
      for (const r of all.filter((r) => r.name === name && r.scheduled)) {
        const minute = Math.floor(r.created.getTime() / 60_000);
        perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
      }
      expect([...perMinute.values()].every((n) => n === 1), `${name}: runs per minute ${JSON.stringify([...perMinute])}`).toBe(true);
    }
    console.log(
      "two-instances: job runs",
      all.map((r) => `${r.name}@${r.created.toISOString()} ${r.scheduled ? "scheduled" : "sent"} ${r.state} by ${r.instance}`),
    );

    // Side effects, exactly once: the expired rate-limit rows were deleted once in total…
    const pruned = all.filter((r) => r.name === "prune-rate-limits" && r.state === "completed").reduce((sum, r) => sum + Number(r.output?.deleted ?? 0), 0);
    expect(pruned).toBe(expiredRateLimits);
    expect(await db.prisma.rateLimit.count({ where: { key: { startsWith: "two-instances:expired:" } } })).toBe(0);
    // …and each lead got one reminder per overdue version, however many runs and instances there were.
    const reminders = await db.prisma.notification.findMany({ where: { title: { startsWith: REVIEW_REMINDER_PREFIX } }, select: { userId: true, link: true } });
    const pairs = new Set(reminders.map((n) => `${n.userId} ${n.link}`));
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.length).toBe(pairs.size);
    const expected = await expectedReminderPairs();
    expect(pairs).toEqual(expected);
  });

});

/** (lead, version link) pairs for every version in use past its review date, computed independently of the job. */
async function expectedReminderPairs(): Promise<Set<string>> {
  const versions = await db.prisma.guidelineVersion.findMany({
    where: { status: { in: ["TENTATIVE", "ADOPTED"] }, reviewBy: { lt: new Date() }, process: { archivedAt: null } },
    select: { number: true, processId: true, process: { select: { teamId: true } } },
  });
  const leads = await db.prisma.membership.findMany({ where: { role: "LEAD", user: { deactivatedAt: null } }, select: { teamId: true, userId: true } });
  const pairs = new Set<string>();
  for (const v of versions)
    for (const l of leads.filter((l) => l.teamId === v.process.teamId)) pairs.add(`${l.userId} /teams/${v.process.teamId}/guidelines/${v.processId}/versions/${v.number}`);
  return pairs;
}
