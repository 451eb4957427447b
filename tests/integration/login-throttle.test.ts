import { beforeAll, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options.ts";
import { hashPassword } from "@/lib/auth/crypto.ts";
import { createOrg, createUser, testDb } from "./support/factories.ts";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string } | null>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const attempt = (email: string, password: string, ip: string) => authorize({ email, password }, { headers: { "x-forwarded-for": ip } });

let email: string;
beforeAll(async () => {
  const org = await createOrg();
  email = `throttle-${Date.now()}@example.test`;
  await createUser(org.id, { email, passwordHash: await hashPassword("the-right-password") });
});

describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one without saying which part was wrong", async () => {
    expect(await attempt(email, "the-right-password", "10.9.0.1")).toMatchObject({ email });
    expect(await attempt(email, "wrong", "10.9.0.1")).toBeNull();
    expect(await attempt("nobody-here@example.test", "wrong", "10.9.0.1")).toBeNull();
    const events = await testDb().auditEvent.findMany({ where: { action: { in: ["auth.sign_in", "auth.sign_in_failed"] }, metadata: { path: ["email"], equals: email } }, select: { action: true } });
    expect(events.map((e) => e.action)).toContain("auth.sign_in_failed");
  });

  it("blocks a guesser on one address but never locks the real user out from theirs", { timeout: 60_000 }, async () => {
    for (let i = 0; i < 10; i++) expect(await attempt(email, `guess-${i}`, "10.9.0.66")).toBeNull();
    // Even the right password is refused from the guessing address for the rest of the window…
    expect(await attempt(email, "the-right-password", "10.9.0.66")).toBeNull();
    const throttled = await testDb().auditEvent.count({ where: { action: "auth.sign_in_throttled", ip: "10.9.0.66" } });
    expect(throttled).toBeGreaterThan(0);
    // …while the owner, elsewhere, still gets in (only slowed down).
    expect(await attempt(email, "the-right-password", "10.9.0.77")).toMatchObject({ email });
  });
});
