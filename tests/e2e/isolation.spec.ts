import { expect, test } from "@playwright/test";
import { newProjectContext, signIn, teamIdFromUrl } from "./fixtures.ts";

test.describe("tenant isolation", () => {
  test("another organization's team is not found, in pages and in the API", async ({ page, browser }, testInfo) => {
    // A St Olav team id, taken from the lead's own page.
    await signIn(page, "lead.cardio@stolav.example");
    await page.getByRole("main").getByRole("link", { name: /Cardiology Ward 7/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Cardiology Ward 7" })).toBeVisible();
    const stOlavTeamId = teamIdFromUrl(page.url());

    // Riverside's lead, in a separate browser context.
    const riverside = await newProjectContext(browser, testInfo);
    const other = await riverside.newPage();
    await signIn(other, "lead@riverside.example");

    for (const path of [`/teams/${stOlavTeamId}`, `/teams/${stOlavTeamId}/members`]) {
      const response = await other.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(other.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      await expect(other.getByText("Cardiology Ward 7")).toHaveCount(0);
    }

    const team = await riverside.request.get(`/api/v1/teams/${stOlavTeamId}`);
    expect(team.status()).toBe(404);
    expect(await team.json()).toMatchObject({ error: { code: "NOT_FOUND" } });

    const list = await riverside.request.get("/api/v1/teams");
    expect(list.status()).toBe(200);
    const names = ((await list.json()) as { teams: { id: string; name: string }[] }).teams.map((t) => t.name);
    expect(names).toContain("Primary Care");
    expect(names).not.toContain("Cardiology Ward 7");
    expect(names).not.toContain("Emergency Department");
    await riverside.close();
  });

  test("the API refuses signed-out callers", async ({ request }) => {
    const me = await request.get("/api/v1/me");
    expect(me.status()).toBe(401);
    expect(await me.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
  });

  test("signed-out pages redirect to sign-in and come back afterwards", async ({ page }) => {
    await page.goto("/admin/api-tokens");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fapi-tokens/);
    await page.getByLabel("Email").fill("admin@stolav.example");
    await page.getByLabel("Password").fill("learning-loop-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin\/api-tokens$/);
    await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  });

  test("the sign-in page ignores off-site callback URLs", async ({ page }) => {
    await page.goto("/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2F");
    await page.getByLabel("Email").fill("nurse.cardio@stolav.example");
    await page.getByLabel("Password").fill("learning-loop-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/localhost:\d+\/$/);
  });

  test("API tokens are for org admins only", async ({ page }) => {
    await signIn(page, "manager@stolav.example");
    const response = await page.goto("/admin/api-tokens");
    expect(response?.status()).toBe(404);
  });
});
