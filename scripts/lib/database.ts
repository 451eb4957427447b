// Runs `work` against DATABASE_URL, or against the embedded PostgreSQL in .data/ when it is unset.
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres.ts";

export const EMBEDDED_DATA_DIR = ".data/postgres";
export const EMBEDDED_DATABASE = "learning_loop";

export async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return work(process.env.DATABASE_URL);
  const db = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, database: EMBEDDED_DATABASE });
  try {
    return await work(db.url);
  } finally {
    await db.stop();
  }
}
