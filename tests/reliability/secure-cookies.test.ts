// Issue 5, item 5: over https, session and CSRF cookies carry Secure and the __Secure-/__Host-
// prefixes (as well as HttpOnly and SameSite=Lax), and the app accepts the prefixed session
// cookie. Run against `next start` configured for an https deployment (NEXTAUTH_URL https://…);
// the TLS itself is the load balancer's job, so the test talks plain http to the instance.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../lib/db/seed/logins.ts";
import { newSecret, startApp, startDatabase, type App, type Database } from "./support/stack.ts";
import { cookieAttributes, signIn } from "./support/sign-in.ts";

let db: Database;
let httpsApp: App;
let httpApp: App;

beforeAll(async () => {
  db = await startDatabase("cookies");
  const secret = newSecret();
  httpsApp = await startApp({ databaseUrl: db.url, secret, env: { NEXTAUTH_URL: "https://learning-loop.example", JOBS_ENABLED: "false" } });
  httpApp = await startApp({ databaseUrl: db.url, secret, env: { JOBS_ENABLED: "false" } });
});

afterAll(async () => {
  await httpsApp?.kill();
  await httpApp?.kill();
  await db?.destroy();
});

describe("cookies over https", () => {
  it("prefixes and secures the session and CSRF cookies, and the prefixed session works", async () => {
    // Requests reach the instance through a TLS-terminating proxy, which names the public host.
    const proxied = { "x-forwarded-proto": "https", "x-forwarded-host": "learning-loop.example" };
    const session = await signIn(httpsApp.url, "lead.cardio@stolav.example", DEMO_PASSWORD, proxied);
    const cookies = new Map(session.setCookies.map((line) => [cookieAttributes(line).name, cookieAttributes(line).attributes]));

    const sessionCookie = cookies.get("__Secure-next-auth.session-token");
    expect(sessionCookie, `got: ${[...cookies.keys()].join(", ")}`).toBeDefined();
    expect(sessionCookie!.has("secure")).toBe(true);
    expect(sessionCookie!.has("httponly")).toBe(true);
    expect(sessionCookie!.get("samesite")?.toLowerCase()).toBe("lax");

    // __Host- means Secure, Path=/ and no Domain: it cannot be set or read by a sibling subdomain.
    const csrf = cookies.get("__Host-next-auth.csrf-token");
    expect(csrf).toBeDefined();
    expect(csrf!.has("secure")).toBe(true);
    expect(csrf!.has("httponly")).toBe(true);
    expect(csrf!.get("path")).toBe("/");
    expect(csrf!.has("domain")).toBe(false);
    // No unprefixed session cookie is issued next to the secure one.
    expect(cookies.has("next-auth.session-token")).toBe(false);

    const me = await fetch(`${httpsApp.url}/api/v1/me`, { headers: { cookie: session.cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe("lead.cardio@stolav.example");
  });

  it("over plain http (local use) the cookies are HttpOnly and SameSite=Lax but unprefixed", async () => {
    const session = await signIn(httpApp.url, "lead.cardio@stolav.example", DEMO_PASSWORD);
    const line = session.setCookies.find((l) => l.startsWith("next-auth.session-token="));
    expect(line).toBeDefined();
    const { attributes } = cookieAttributes(line!);
    expect(attributes.has("httponly")).toBe(true);
    expect(attributes.get("samesite")?.toLowerCase()).toBe("lax");
    expect(attributes.has("secure")).toBe(false);
  });
});
