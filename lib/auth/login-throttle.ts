import "server-only";
import { getDb } from "@/lib/db/client.ts";
import { hitRateLimit, envLimit } from "@/lib/rate-limit/limiter.ts";

const WINDOW_SECONDS = 15 * 60;

const keys = (email: string, ip: string | null) => ({
  pair: `login-fail:pair:${email}:${ip ?? "unknown"}`,
  account: `login-fail:account:${email}`,
  ip: `login-fail:ip:${ip ?? "unknown"}`,
});

/**
 * Login throttling that slows guessing without letting an attacker lock a real user out:
 * - the same account from the same address is blocked after a few failures (that is the guesser);
 * - one address failing across many accounts is blocked too (credential stuffing);
 * - an account failing from many addresses is only *slowed* (a growing delay), never blocked, so
 *   the real person on their own device can still get in.
 * Counters live in PostgreSQL, shared by every app instance.
 */
export async function loginThrottle(email: string, ip: string | null): Promise<{ blocked: boolean; delayMs: number }> {
  const k = keys(email, ip);
  const rows = await getDb().rateLimit.findMany({
    where: { key: { in: [k.pair, k.account, k.ip] }, windowStart: { gt: new Date(Date.now() - WINDOW_SECONDS * 1000) } },
    select: { key: true, count: true },
  });
  const count = (key: string) => rows.find((r) => r.key === key)?.count ?? 0;
  const blocked = count(k.pair) >= envLimit("LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP", 10) || count(k.ip) >= envLimit("LOGIN_MAX_FAILURES_PER_IP", 100);
  const accountFailures = count(k.account);
  const delayMs = accountFailures > 5 ? Math.min(3_000, (accountFailures - 5) * 250) : 0;
  return { blocked, delayMs };
}

export async function recordLoginFailure(email: string, ip: string | null): Promise<void> {
  const k = keys(email, ip);
  await Promise.all([k.pair, k.account, k.ip].map((key) => hitRateLimit(key, Number.MAX_SAFE_INTEGER, WINDOW_SECONDS)));
}
