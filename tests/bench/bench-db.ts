// The benchmark database: BENCH_DATABASE_URL when set, else an embedded PostgreSQL kept in
// .data/bench-postgres so that the seeding script and the benchmark see the same data.
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres.ts";

export const BENCH_ORG_SLUG = "bench-org";

/** Starts (or connects to) the benchmark database; `stop` is a no-op for BENCH_DATABASE_URL. */
export async function startBenchDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: async () => {} };
  const db = await startEmbeddedPostgres({ dataDir: ".data/bench-postgres", database: "learning_loop_bench" });
  return { url: db.url, stop: db.stop };
}

export async function withBenchDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  if (process.env.BENCH_DATABASE_URL) return work(process.env.BENCH_DATABASE_URL);
  const db = await startEmbeddedPostgres({ dataDir: ".data/bench-postgres", database: "learning_loop_bench" });
  try {
    return await work(db.url);
  } finally {
    await db.stop();
  }
}
