// Is PostgreSQL reachable right now? Asked by proxy.ts before a page renders, so that during an
// outage a page answers 503 with Retry-After (like the API does) instead of rendering the error
// page with a 500. One tiny probe per second per process at most; every other request reuses the
// last answer, so the cost on the hot path is an already-resolved promise.
import pg from "pg";

const PROBE_EVERY_MS = 1_000;

type State = { pool: pg.Pool | null; checkedAt: number; reachable: boolean; inflight: Promise<boolean> | null };
const globalForProbe = globalThis as unknown as { learningLoopDbProbe?: State };
const state: State = (globalForProbe.learningLoopDbProbe ??= { pool: null, checkedAt: 0, reachable: true, inflight: null });

function pool(url: string): pg.Pool {
  if (!state.pool) {
    // One connection, quick to give up: the answer only has to be "yes" or "not now".
    state.pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 1_000, idleTimeoutMillis: 30_000, query_timeout: 1_000 });
    // A connection killed by a restart emits "error" on the idle client; without a listener Node exits.
    state.pool.on("error", () => undefined);
  }
  return state.pool;
}

async function probe(url: string): Promise<boolean> {
  try {
    await pool(url).query("select 1");
    return true;
  } catch {
    return false;
  }
}

/** True unless the last probe (at most a second old) failed. Always true without DATABASE_URL. */
export async function databaseReachable(): Promise<boolean> {
  const url = process.env.DATABASE_URL;
  if (!url) return true;
  if (Date.now() - state.checkedAt < PROBE_EVERY_MS) return state.reachable;
  state.inflight ??= probe(url).then((reachable) => {
    state.reachable = reachable;
    state.checkedAt = Date.now();
    state.inflight = null;
    return reachable;
  });
  return state.inflight;
}

/**
 * A request that just failed to reach PostgreSQL says so, so pages answer 503 at once rather than
 * after the next probe. The next probe (a second later) decides when it is back.
 */
export function reportDatabaseUnreachable(): void {
  state.reachable = false;
  state.checkedAt = Date.now();
}
