import "server-only";
import { getDb } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";

export type RateLimitResult = { ok: boolean; count: number; retryAfterSeconds: number };

/**
 * Fixed-window counter in PostgreSQL, so every app instance shares it. One atomic upsert per hit:
 * a window that has ended restarts at 1; otherwise the count goes up. Keys must never contain
 * anything that could identify the author of anonymous content (see callers).
 */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const rows = await getDb().$queryRaw<{ count: number; windowStart: Date; now: Date }[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds}::int) THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds}::int) THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING "count", "windowStart", now() AS "now"`;
  const row = rows[0];
  if (!row) return { ok: true, count: 0, retryAfterSeconds: 0 };
  const endsAt = new Date(row.windowStart).getTime() + windowSeconds * 1000;
  const retryAfterSeconds = Math.max(1, Math.ceil((endsAt - new Date(row.now).getTime()) / 1000));
  return { ok: row.count <= limit, count: row.count, retryAfterSeconds };
}

/** Throws 429 with Retry-After when the key is over its limit. */
export async function enforceRateLimit(key: string, limit: number, windowSeconds: number, message: string): Promise<void> {
  const result = await hitRateLimit(key, limit, windowSeconds);
  if (!result.ok) throw new AppError("RATE_LIMITED", message, { retryAfterSeconds: result.retryAfterSeconds });
}

/** A limit read from the environment at call time (so tests and deployments can tune it). */
export function envLimit(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
