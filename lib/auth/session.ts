import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import type { Caller } from "./context.ts";
import { callerFromApiToken, callerFromSession } from "./resolve-caller.ts";
import { sessionPolicy } from "./session-policy.ts";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

async function callerFromJwt(raw: string | undefined): Promise<Caller | null> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!raw || !secret) return null;
  let token: Awaited<ReturnType<typeof decode>>;
  try {
    token = await decode({ token: raw, secret });
  } catch {
    return null;
  }
  if (!token || typeof token.uid !== "string" || typeof token.sv !== "number") return null;
  const authTime = typeof token.authTime === "number" ? token.authTime : 0;
  if (Date.now() / 1000 - authTime > sessionPolicy.absoluteSeconds) return null;
  return callerFromSession(token.uid, token.sv);
}

/**
 * The signed-in person for pages, layouts and server actions, or null. Cached per request: the
 * layout and the page both ask, and one database round trip is enough.
 */
export const getSessionCaller = cache(async (): Promise<Caller | null> => {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const value = jar.get(name)?.value;
    if (value) return callerFromJwt(value);
  }
  return null;
});

/** For pages: the caller, or a redirect to sign-in. */
export async function requireSessionCaller(returnTo = "/"): Promise<Caller> {
  const caller = await getSessionCaller();
  if (!caller) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return caller;
}

/** For route handlers: `Authorization: Bearer <token>` or the session cookie. */
export async function callerFromRequest(request: Request): Promise<Caller | null> {
  const auth = request.headers.get("authorization");
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth.trim());
    return match?.[1] ? callerFromApiToken(match[1]) : null;
  }
  const cookieHeader = request.headers.get("cookie") ?? "";
  for (const name of SESSION_COOKIES) {
    const match = new RegExp(`(?:^|;\\s*)${name.replace(/[.$]/g, "\\$&")}=([^;]+)`).exec(cookieHeader);
    if (match?.[1]) return callerFromJwt(decodeURIComponent(match[1]));
  }
  return null;
}
