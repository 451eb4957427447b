import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn } from "./fixtures.ts";

test("an org admin filters the audit log and finds their own sign-in", async ({ page }) => {
  await signIn(page, "admin@stolav.example");
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();

  await page.getByLabel("Action").fill("auth.sign_in");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=auth\.sign_in/);

  const table = page.getByRole("table", { name: "Audit events, newest first" });
  const newest = table.getByRole("row").nth(1);
  await expect(newest).toContainText("admin@stolav.example");
  await expect(newest.getByRole("cell").nth(2)).toHaveText(/^auth\.sign_in/);
  // The filter is a prefix: every listed action starts with it.
  for (const action of await table.locator("tbody code").allTextContents()) expect(action.startsWith("auth.sign_in")).toBe(true);
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", "/admin/audit/export?action=auth.sign_in");
  await expectNoSeriousA11yViolations(page, "audit log");
});

test("a team lead gets the not-found page at /admin/audit", async ({ page }) => {
  await signIn(page, "lead.cardio@stolav.example");
  const response = await page.goto("/admin/audit");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});

test("a manager sees member controls with a confirm step, but none for themselves", async ({ page }) => {
  await signIn(page, "manager@stolav.example");
  await page.getByRole("main").getByRole("link", { name: /Cardiology Ward 7/ }).click();
  await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Members" }).click();
  const members = page.getByRole("region", { name: "Members" });
  const leadRow = members.getByRole("listitem").filter({ hasText: "lead.cardio@stolav.example" });
  await expect(leadRow.getByRole("combobox").locator("option")).toHaveText(["Lead", "Member"]);
  await leadRow.getByRole("button", { name: /^Remove / }).click();
  await expect(leadRow.getByRole("button", { name: /^Confirm removing/ })).toBeVisible();
  await leadRow.getByRole("button", { name: "Cancel" }).click();
  await expect(leadRow.getByRole("button", { name: /^Confirm removing/ })).toHaveCount(0);
  const ownRow = members.getByRole("listitem").filter({ hasText: "manager@stolav.example" });
  await expect(ownRow.getByRole("button")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "members page with controls");
});
