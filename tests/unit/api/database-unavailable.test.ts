// The error shapes a PostgreSQL restart produces (recorded from a real restart under load, see
// tests/reliability/postgres-restart.test.ts) must answer 503 + Retry-After; other database errors
// must not be mistaken for an outage.
import net from "node:net";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { Prisma } from "@/lib/db/generated/client.ts";
import { isDatabaseUnavailable, toErrorResponse } from "@/lib/api/handler.ts";

const known = (message: string, code: string, cause?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError(message, {
    code,
    clientVersion: "7.10.0",
    ...(cause ? { meta: { driverAdapterError: new DriverAdapterError(cause as never) } } : {}),
  });

/** A port nothing listens on: bind one, note it, close it. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

describe("isDatabaseUnavailable", () => {
  it("recognises a real refused connection from pg", async () => {
    const client = new pg.Client({ connectionString: `postgresql://x:y@127.0.0.1:${await closedPort()}/db`, connectionTimeoutMillis: 2000 });
    const error = await client.connect().then(() => null, (e: unknown) => e);
    expect(error).toBeTruthy();
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["P1001 can't reach", known("Can't reach database server at 127.0.0.1:5432", "P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 })],
    ["P1017 server closed the connection", known("Server has closed the connection.", "P1017", { kind: "ConnectionClosed" })],
    ["P2024 pool timeout", known("Timed out fetching a new connection from the connection pool.", "P2024")],
    [
      "P2039 with 57P03 (shutting down), code only in the adapter cause",
      known("Database error.", "P2039", { kind: "postgres", code: "57P03", originalCode: "57P03", severity: "FATAL", message: "the database system is shutting down" }),
    ],
    ["P2010 raw query with 57P01 in the message", known("Raw query failed. Code: `57P01`. Message: `terminating connection due to administrator command`", "P2010")],
    ["a bare DriverAdapterError (interactive transaction) with 57P01", new DriverAdapterError({ kind: "postgres", code: "57P01", severity: "FATAL", message: "x" } as never)],
    ["pg: Connection terminated unexpectedly", new Error("Connection terminated unexpectedly")],
    ["pg: a client that is not queryable", new Error("Client has encountered a connection error and is not queryable")],
    ["pg: connect timeout", new Error("timeout exceeded when trying to connect")],
    ["the database is starting up", new Error("the database system is starting up")],
    ["wrapped in another error's cause", new Error("query failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) })],
  ])("%s → unavailable (503 + Retry-After)", async (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    const response = toErrorResponse(error);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
  });

  it.each([
    ["unique violation", known("Unique constraint failed", "P2002", { kind: "UniqueConstraintViolation", constraint: { fields: ["key"] } })],
    ["record not found", known("No record was found", "P2025")],
    ["a syntax error from PostgreSQL", known("Database error.", "P2039", { kind: "postgres", code: "42601", severity: "ERROR", message: "syntax error" })],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
    ["not an error at all", "oops"],
    ["null", null],
  ])("%s → not an outage", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("stops on a cause cycle", () => {
    const a = new Error("a") as Error & { cause?: unknown };
    const b = new Error("b", { cause: a });
    a.cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
