// The stack for load runs (the mixed-load CLI, load.test.ts, postgres-restart.test.ts): a seeded
// database, `next start` with the submission rate limits lifted (they are tested elsewhere and
// would rightly stop a load test), a team API token, a signed-in lead's session cookie, a seeded
// measure to chart, and the bare http + pg ceiling measured on the same database.
import { freePort } from "../../../lib/db/embedded-postgres.ts";
import type { Db } from "../../../lib/db/create-client.ts";
import { startBareServer } from "../../bench/bare-server.ts";
import { runLoad, type LoadResult } from "../../bench/load.ts";
import { signIn } from "../../bench/mixed-runner.ts";
import { createTeamToken, newSecret, startApp, startDatabase, type App, type Database } from "./stack.ts";

export const DEMO_LEAD = { email: "lead.cardio@stolav.example", password: "learning-loop-demo" };

/** Rate limits high enough that no load run reaches them; the limiter's own cost is still paid. */
export const LIFTED_LIMITS = {
  OBSERVATION_TOKEN_LIMIT_PER_MINUTE: "100000000",
  API_TOKEN_LIMIT_PER_MINUTE: "100000000",
  OBSERVATION_USER_LIMIT_PER_MINUTE: "100000000",
  RECEIPT_LOOKUP_LIMIT_PER_MINUTE: "100000000",
};

export type LoadStack = {
  db: Database;
  app: App;
  token: string;
  teamId: string;
  measureId: string;
  cookie: string;
  stop: () => Promise<void>;
};

export async function startLoadStack(name: string, env: Record<string, string> = {}): Promise<LoadStack> {
  const db = await startDatabase(name);
  let app: App | undefined;
  try {
    const { token, teamId } = await createTeamToken(db.prisma);
    const measure = await db.prisma.measure.findFirstOrThrow({ where: { teamId, name: "Hand hygiene compliance" }, select: { id: true } });
    app = await startApp({ databaseUrl: db.url, secret: newSecret(), env: { ...LIFTED_LIMITS, ...env } });
    const cookie = await signIn(app.url, DEMO_LEAD.email, DEMO_LEAD.password);
    const started = app;
    return {
      db,
      app,
      token,
      teamId,
      measureId: measure.id,
      cookie,
      stop: async () => {
        await started.kill();
        await db.destroy();
      },
    };
  } catch (error) {
    await app?.kill("SIGKILL");
    await db.destroy();
    throw error;
  }
}

/** The bare Node http + pg server doing the same insert as POST /api/v1/observations (after a short warm-up). */
export async function measureCeiling(stack: LoadStack, connections: number, seconds: number): Promise<LoadResult> {
  const port = await freePort();
  const server = await startBareServer(stack.db.url, port);
  try {
    const load = (prefix: string, secs: number) =>
      runLoad({
        url: `http://127.0.0.1:${port}/`,
        connections,
        seconds: secs,
        headers: { authorization: `Bearer ${stack.token}` },
        next: (n) => ({ key: `${prefix}-${n}`, body: JSON.stringify({ teamId: stack.teamId, kind: "problem", text: `ceiling report ${n}`, anonymous: false }) }),
      });
    await load("ceiling-warm", 2);
    return await load("ceiling", seconds);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/**
 * Collects the app's output lines that match `pattern` from now on. App.output() keeps only the
 * last 20 kB, which a database outage fills with page-render stack traces.
 */
export function watchOutput(app: App, pattern: RegExp): () => string[] {
  const lines: string[] = [];
  for (const stream of [app.process.stdout, app.process.stderr]) {
    let partial = "";
    stream?.on("data", (chunk: Buffer) => {
      const parts = (partial + chunk.toString("utf8")).split("\n");
      partial = parts.pop() ?? "";
      lines.push(...parts.filter((l) => pattern.test(l)));
    });
  }
  return () => lines;
}

export type SubmissionCheck = {
  /** Rows whose clientSubmissionId starts with the run's prefix. */
  rows: number;
  /** Acknowledged keys with no row. */
  missing: string[];
  /** Keys that have more than one row anywhere in the table (must be none: the key is unique). */
  duplicateKeys: number;
};

/** Every acknowledged key must have exactly one row: one query for the run's keys, one for duplicates. */
export async function checkSubmissions(prisma: Db, keyPrefix: string, acknowledged: Iterable<string>): Promise<SubmissionCheck> {
  const rows = await prisma.observation.findMany({ where: { clientSubmissionId: { startsWith: `${keyPrefix}-` } }, select: { clientSubmissionId: true } });
  const present = new Set(rows.map((r) => r.clientSubmissionId));
  const missing = [...acknowledged].filter((k) => !present.has(k));
  const duplicates = await prisma.$queryRaw<{ n: bigint }[]>`
    select count(*) as n from (select 1 from "Observation" group by "organizationId", "clientSubmissionId" having count(*) > 1) d`;
  return { rows: rows.length, missing, duplicateKeys: Number(duplicates[0]?.n ?? 0) };
}
