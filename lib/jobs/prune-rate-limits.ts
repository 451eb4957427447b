import "server-only";
import { getDb } from "@/lib/db/client.ts";

/**
 * The longest window any caller of lib/rate-limit/limiter.ts uses (anonymous observations and
 * invitations: one hour; sign-in failures: 15 minutes; the rest: one minute). A `RateLimit` row
 * does not record its window, so a row is expired once even the longest window has passed since
 * it started: the limiter would restart it at 1 on the next hit anyway, and the login throttle
 * ignores it, so deleting it changes no decision. Raise this if a caller gets a longer window.
 */
export const LONGEST_RATE_LIMIT_WINDOW_SECONDS = 3600;

/**
 * Deletes expired rate-limit rows, which otherwise pile up one per key ever seen (every address
 * that failed a sign-in, every token). Uses the database clock, as the limiter does. Idempotent.
 */
export async function pruneRateLimits(): Promise<{ deleted: number }> {
  const deleted = await getDb().$executeRaw`
    DELETE FROM "RateLimit" WHERE "windowStart" <= now() - make_interval(secs => ${LONGEST_RATE_LIMIT_WINDOW_SECONDS}::int)`;
  return { deleted };
}
