import { describe, expect, it } from "vitest";
import { createErrorReporter, errorKind } from "@/lib/jobs/error-log.ts";

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe("errorKind", () => {
  it("groups by driver code, else by the message without ids and numbers", () => {
    expect(errorKind(pgError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432"))).toBe("ECONNREFUSED");
    const a = errorKind(new Error("Connection terminated unexpectedly (Queue: q, Worker: 1b4e28ba-2fa1-11d2-883f-0016d3cca427)"));
    const b = errorKind(new Error("Connection terminated unexpectedly (Queue: q, Worker: 6fa459ea-ee8a-3ca4-894e-db77e160355e)"));
    expect(a).toBe(b);
    expect(errorKind(new Error("timeout after 5000 ms"))).toBe(errorKind(new Error("timeout after 7 ms")));
    expect(errorKind("plain")).toBe("plain");
  });
});

describe("createErrorReporter", () => {
  it("logs each kind once per quiet period and says how many were suppressed", () => {
    const lines: string[] = [];
    let t = 0;
    const report = createErrorReporter((l) => lines.push(l), { quietMs: 1000, now: () => t });
    const down = pgError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432");
    expect(report(down)).toBe(true);
    expect(report(down)).toBe(false);
    expect(report(down)).toBe(false);
    expect(report(pgError("57P01", "terminating connection due to administrator command"))).toBe(true);
    t = 1500;
    expect(report(down)).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^jobs: pg-boss error \[ECONNREFUSED\]: connect ECONNREFUSED/);
    expect(lines[1]).toContain("[57P01]");
    expect(lines[2]).toContain("2 more of this kind");
  });
});
