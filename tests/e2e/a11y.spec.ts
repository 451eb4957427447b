import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn } from "./fixtures.ts";

test.describe("accessibility (axe, WCAG 2 A/AA)", () => {
  test("sign-in and sign-up", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "sign-in");

    await page.goto("/sign-up");
    await expect(page.getByRole("heading", { level: 1, name: "Create an organization" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "sign-up");
  });

  test("dashboard, team overview and members as a lead", async ({ page }) => {
    await signIn(page, "lead.cardio@stolav.example");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "dashboard");

    await page.getByRole("main").getByRole("link", { name: /Cardiology Ward 7/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Cardiology Ward 7" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "team overview");

    await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Members" }).click();
    await expect(page.getByRole("region", { name: "Members" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "members");
  });

  test("members page with the invite form, and API tokens, as an org admin", async ({ page }) => {
    await signIn(page, "admin@stolav.example");
    await page.getByRole("main").getByRole("link", { name: /Cardiology Ward 7/ }).click();
    await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Members" }).click();
    await expect(page.getByRole("button", { name: "Send invitation" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "members (admin)");

    await page.goto("/admin/api-tokens");
    await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "API tokens");
  });

  test("the phone menu", async ({ page, isMobile }) => {
    test.skip(!isMobile, "the menu button exists on narrow screens only");
    await signIn(page, "manager@stolav.example");
    await page.getByRole("button", { name: "Menu" }).click();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "phone menu");
  });
});
