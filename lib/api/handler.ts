import "server-only";
import { z } from "zod";
import { AppError, isAppError } from "@/lib/errors.ts";
import { callerFromRequest } from "@/lib/auth/session.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { enforceRateLimit, envLimit } from "@/lib/rate-limit/limiter.ts";
import { reportDatabaseUnreachable } from "@/lib/db/availability.ts";

const MAX_BODY_BYTES = 256 * 1024;

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (args: { request: Request; caller: Caller; params: P }) => Promise<Response>;

const noStore = { "Cache-Control": "no-store" };

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(body, { status: init.status ?? 200, headers: { ...noStore, ...init.headers } });
}

export function errorResponse(error: AppError): Response {
  const headers: Record<string, string> = {};
  if (error.retryAfterSeconds) headers["Retry-After"] = String(error.retryAfterSeconds);
  const body: { error: { code: string; message: string; details?: Record<string, unknown> } } = {
    error: { code: error.code, message: error.message },
  };
  if (error.details) body.error.details = error.details;
  return json(body, { status: error.status, headers });
}

/** Maps anything thrown to a safe response: typed errors keep their status, the rest become 503/500. */
export function toErrorResponse(error: unknown): Response {
  if (isAppError(error)) return errorResponse(error);
  if (error instanceof z.ZodError) return errorResponse(validationError(error));
  if (isInvalidTextEncoding(error)) return errorResponse(nulError());
  if (isDatabaseUnavailable(error)) {
    reportDatabaseUnreachable();
    return errorResponse(new AppError("UNAVAILABLE", "The database is unavailable. Try again shortly.", { retryAfterSeconds: 5 }));
  }
  console.error("api: unexpected error", error);
  return json({ error: { code: "INTERNAL", message: "Something went wrong on our side." } }, { status: 500 });
}

export function validationError(error: z.ZodError): AppError {
  const fields = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  const first = fields[0];
  return new AppError("BAD_REQUEST", first ? `Invalid input: ${first.path || "body"}: ${first.message}` : "Invalid input.", {
    details: { fields },
  });
}

/** PostgreSQL refuses NUL in text (22021); any that slips past validation is bad input, not a crash. */
export function isInvalidTextEncoding(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""} ${String((error as { cause?: unknown })?.cause ?? "")}`;
  return /22021|22P05|invalid byte sequence|0x00/i.test(text);
}

const NUL = "\u0000";

/** True when any string inside `value` contains NUL, which PostgreSQL cannot store. */
function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes(NUL);
  if (depth > 64 || value === null || typeof value !== "object") return false;
  for (const [key, item] of Object.entries(value)) if (key.includes(NUL) || containsNul(item, depth + 1)) return true;
  return false;
}

const nulError = () => new AppError("BAD_REQUEST", "Invalid input: text may not contain NUL (\\u0000) characters.");

// What a PostgreSQL outage or restart looks like once it reaches us, seen in tests/reliability:
// Prisma codes (P1001 can't reach, P1002/P1008 timed out, P1017 server closed the connection, P2024
// pool timeout), the driver adapter's kinds and the SQLSTATE it carries in
// `meta.driverAdapterError.cause` (57P01 admin shutdown, 57P02 crash shutdown, 57P03 starting up or
// shutting down, class 08 connection exceptions, 53300 too many connections), Node socket codes, and
// pg's own plain errors ("Connection terminated unexpectedly", "... is not queryable").
const UNAVAILABLE_CODES = /^(P1001|P1002|P1008|P1017|P2024|57P0[123]|08\w{3}|53300|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE)$/;
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|terminating connection|database system is (starting up|shutting down|in recovery|not yet accepting)|Can't reach database server|Server has closed the connection|Code: `(57P0[123]|08\w{3}|53300)`/i;

/** True when `error` (or anything it wraps) says the database is unreachable or restarting: answer 503, not 500. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || error === null || typeof error !== "object") return false;
  const e = error as { code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  if ([e.code, e.originalCode].some((c) => typeof c === "string" && UNAVAILABLE_CODES.test(c))) return true;
  if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated writes must come from our own pages: a cross-site form or fetch (including
 * text/plain "simple" requests that skip CORS preflight) carries another Origin, and a write with no
 * Origin at all is refused too. Bearer-token calls are not exposed to CSRF (browsers never attach
 * the header on their own), so scripts and system feeds need no Origin.
 */
function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase()) || request.headers.has("authorization")) return;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  if (!originHost || originHost !== host) throw new AppError("FORBIDDEN", "Cross-site request refused.");
}

/**
 * The one wrapper for /api/v1 route handlers: resolves the caller (session cookie or bearer token),
 * refuses anonymous calls with 401, and turns every error into `{ error: { code, message } }`.
 */
export function withApi<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      assertSameOrigin(request);
      const caller = await callerFromRequest(request);
      if (!caller) throw new AppError("UNAUTHORIZED", "Authentication required: sign in or send `Authorization: Bearer <token>`.");
      if (caller.tokenId) await enforceTokenLimit(caller.tokenId);
      const params = await context.params;
      if (containsNul(params)) throw nulError();
      return await handler({ request, caller, params });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

/**
 * Every API token gets one budget across all routes, counted in PostgreSQL so that all instances
 * share it. A runaway script or leaked token is slowed to this rate without touching people's
 * sessions; per-route limits (observations) apply on top.
 */
async function enforceTokenLimit(tokenId: string): Promise<void> {
  const limit = envLimit("API_TOKEN_LIMIT_PER_MINUTE", 6000);
  await enforceRateLimit(`api:token:${tokenId}`, limit, 60, `This API token made more than ${limit} requests in a minute. Wait for Retry-After seconds.`);
}

/** Reads and validates a JSON body: 413 when too large, 400 when malformed or invalid. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `Request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `Request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "Request body must be valid JSON.");
  }
  if (containsNul(data)) throw nulError();
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/** Validates query parameters. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams.entries());
  if (containsNul(params)) throw nulError();
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
