import { expect, test } from "@playwright/test";
import { signIn, signOut, teamIdFromUrl } from "./fixtures.ts";

// Header and cookie policy (issue 5, item 5) and the session rules a browser can observe.
test.describe("security headers and session cookies", () => {
  test.skip(({ isMobile }) => isMobile, "Headers do not depend on the viewport: desktop only.");

  test("pages carry a nonce-based CSP and the hardening headers; scripts still run", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
    });
    const response = await page.goto("/sign-in");
    const headers = response!.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
    expect(headers["strict-transport-security"]).toContain("max-age=");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // Every script element Next rendered carries this response's nonce.
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    const scriptNonces = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(scriptNonces.every((n) => n === nonce)).toBe(true);
    // Hydrated: the client-side form works (a wrong password shows the generic message).
    await page.getByLabel("Email").fill("nobody@example.test");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
    expect(violations).toEqual([]);
    // A second load gets a different nonce.
    const again = (await page.goto("/sign-in"))!.headers()["content-security-policy"];
    expect(again).not.toBe(csp);
  });

  test("the session cookie is HttpOnly and SameSite=Lax; signed-in pages and the API are not cached", async ({ page, context }) => {
    await signIn(page, "lead.cardio@stolav.example");
    const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(cookie).toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.sameSite).toBe("Lax");
    const pageResponse = await page.goto("/");
    expect(pageResponse!.headers()["cache-control"]).toContain("no-store");
    const api = await context.request.get("/api/v1/me");
    expect(api.status()).toBe(200);
    expect(api.headers()["cache-control"]).toContain("no-store");
  });

  test("logging out revokes the session: a copied cookie is rejected afterwards", async ({ page, context, browser }) => {
    await signIn(page, "nurse.cardio@stolav.example");
    const copied = (await context.cookies()).filter((c) => c.name.includes("next-auth"));
    await signOut(page);
    const replay = await browser.newContext();
    await replay.addCookies(copied);
    const me = await replay.request.get("/api/v1/me");
    expect(me.status()).toBe(401);
    await replay.close();
  });

  test("middleware-bypass headers and path tricks do not skip authorization", async ({ page, browser }) => {
    await signIn(page, "lead.cardio@stolav.example");
    await page.goto("/");
    const href = await page.getByRole("link", { name: /Cardiology Ward 7/ }).first().getAttribute("href");
    const teamId = teamIdFromUrl(new URL(href!, page.url()).toString());
    const outsider = await browser.newContext();
    const bypass = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware", "x-nextjs-data": "1" };
    for (const path of [`/api/v1/teams/${teamId}`, `/api/v1/teams/${teamId}/`, `/api/v1/teams/${encodeURIComponent(teamId)}`, "/api/v1/me", "/api/v1//me"]) {
      const res = await outsider.request.get(path, { headers: bypass, maxRedirects: 0 });
      expect([401, 404, 308]).toContain(res.status());
      if (res.status() === 308) {
        const followed = await outsider.request.get(res.headers()["location"]!, { headers: bypass });
        expect([401, 404]).toContain(followed.status());
      }
    }
    for (const path of [`/teams/${teamId}`, `/teams/${teamId}/`, `/_next/data/x/teams/${teamId}.json`]) {
      const res = await outsider.request.get(path, { headers: bypass });
      expect(res.status()).not.toBe(500);
      expect(await res.text()).not.toContain("Cardiology Ward 7");
    }
    await outsider.close();
  });
});
