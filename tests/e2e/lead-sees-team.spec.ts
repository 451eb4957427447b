import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures.ts";

test("a team lead sees the team's processes and observations", async ({ page }) => {
  await signIn(page, "lead.cardio@stolav.example");
  const card = page.getByRole("main").getByRole("link", { name: /Cardiology Ward 7/ });
  await expect(card).toBeVisible();
  await card.click();

  await expect(page.getByRole("heading", { level: 1, name: "Cardiology Ward 7" })).toBeVisible();
  await expect(page.getByText("Your role:")).toBeVisible();
  const processes = page.getByRole("region", { name: "Processes and guidelines" });
  await expect(processes.getByRole("heading", { name: "Central line insertion" })).toBeVisible();
  const observations = page.getByRole("region", { name: "Recent observations" });
  await expect(observations.getByRole("listitem")).toHaveCount(10);

  // A lead sees the members but may not invite (only managers and admins do).
  await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("region", { name: "Members" }).getByText("lead.cardio@stolav.example")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
});

test("a manager can invite to the teams they manage", async ({ page }) => {
  await signIn(page, "manager@stolav.example");
  await page.getByRole("main").getByRole("link", { name: /Emergency Department/ }).click();
  await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("button", { name: "Send invitation" })).toBeVisible();
  // A manager hands out lead and member roles, never manager or admin.
  await expect(page.getByLabel("Role").locator("option")).toHaveText(["Lead", "Member"]);
});
