// The six kinds of caller the page and action matrices run as, each an API request context that
// signed in once through next-auth's credentials endpoint (the same cookie a browser gets).
import { expect, request, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD } from "../fixtures.ts";

export const CALLERS = ["ADMIN", "MANAGER", "LEAD", "MEMBER", "SIGNED_OUT", "OTHER_ORG"] as const;
export type CallerKind = (typeof CALLERS)[number];

/** Org A is St Olav, team A1 its Cardiology Ward 7; OTHER_ORG is Riverside's org admin. */
export const CALLER_EMAILS: Record<Exclude<CallerKind, "SIGNED_OUT">, string> = {
  ADMIN: "admin@stolav.example",
  MANAGER: "manager@stolav.example",
  LEAD: "lead.cardio@stolav.example",
  MEMBER: "nurse.cardio@stolav.example",
  OTHER_ORG: "admin@riverside.example",
};

export const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token$/;

/** A request context signed in as `email` (or signed out when null). Redirects are never followed. */
export async function callerContext(baseURL: string, email: string | null, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL, maxRedirects: 0 });
  if (!email) return ctx;
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: baseURL, json: "true" },
    headers: { Origin: baseURL },
  });
  expect(res.status(), `sign-in of ${email}`).toBeLessThan(400);
  const { cookies } = await ctx.storageState();
  expect(cookies.some((c) => SESSION_COOKIE.test(c.name)), `no session cookie for ${email}`).toBe(true);
  return ctx;
}

/** One signed-in (or signed-out) context per caller kind. */
export async function allCallers(baseURL: string): Promise<Record<CallerKind, APIRequestContext>> {
  const entries = await Promise.all(
    CALLERS.map(async (kind) => [kind, await callerContext(baseURL, kind === "SIGNED_OUT" ? null : CALLER_EMAILS[kind])] as const),
  );
  return Object.fromEntries(entries) as Record<CallerKind, APIRequestContext>;
}

export async function disposeAll(callers: Partial<Record<CallerKind, APIRequestContext>>): Promise<void> {
  await Promise.all(Object.values(callers).map((c) => c?.dispose()));
}
