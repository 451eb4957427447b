import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn } from "./fixtures.ts";

async function cardiologyTeamId(page: Page): Promise<string> {
  const res = await page.request.get("/api/v1/teams");
  const { teams } = (await res.json()) as { teams: { id: string; name: string }[] };
  return teams.find((t) => t.name === "Cardiology Ward 7")!.id;
}

test("a nurse opens the current guideline and logs an observation about a step", async ({ page }) => {
  await signIn(page, "nurse.cardio@stolav.example");
  const teamId = await cardiologyTeamId(page);
  await page.goto(`/teams/${teamId}/guidelines`);
  await page.getByRole("link", { name: /Central line insertion/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Central line insertion" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "guideline page");
  const steps = page.getByRole("region", { name: "Steps" }).getByRole("listitem");
  expect(await steps.count()).toBeGreaterThan(3);
  const firstStepTitle = ((await steps.first().locator("p").first().textContent()) ?? "").replace(/^1\.\s*/, "");
  await steps.first().getByRole("link", { name: /Log an observation about step 1/ }).click();
  await expect(page).toHaveURL(/\/capture\?teamId=.+&processId=.+&stepId=.+/);
  await expect(page.getByLabel(/^Process/)).toHaveValue(/.+/);
  await expect(page.getByLabel(/^Step/).locator("option:checked")).toHaveText(`1. ${firstStepTitle}`);
});

test("a lead writes a process, adopts it, trials a revision and compares the versions", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === "phone", "Editing guidelines is a desktop workflow.");
  const name = `Bed rails ${Date.now().toString(36)}`;
  await signIn(page, "lead.cardio@stolav.example");
  const teamId = await cardiologyTeamId(page);
  await page.goto(`/teams/${teamId}/guidelines`);
  await page.getByLabel("New process").fill(name);
  await page.getByRole("button", { name: "Create process" }).click();
  await expect(page.getByRole("heading", { name: `Edit ${name}, version 1` })).toBeVisible();

  for (const [i, title] of ["Check the rails", "Lower the bed"].entries()) {
    await page.getByRole("button", { name: "Add a step" }).click();
    await page.getByLabel(`Step ${i + 1}`, { exact: true }).fill(title);
  }
  await page.getByLabel("Guideline text (Markdown)").fill("**Why:** falls at night. <script>alert(1)</script>");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { name: `${name}, version 1` })).toBeVisible();
  await expect(page.locator("strong", { hasText: "Why:" })).toBeVisible();
  await expect(page.locator("main script")).toHaveCount(0);
  await page.getByRole("button", { name: "Adopt" }).click();
  await expect(page.getByText("Current", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: `← ${name}` }).click();
  await page.getByRole("button", { name: "Propose a new version" }).click();
  await expect(page.getByRole("heading", { name: `Edit ${name}, version 2` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Revision queue" })).toBeVisible();
  await page.getByLabel("Step 2", { exact: true }).fill("Lower the bed fully");
  await page.getByRole("button", { name: "Add a step" }).click();
  await page.getByLabel("Step 3", { exact: true }).fill("Put the call bell in reach");
  await page.getByLabel("What changed and why").fill("Two falls reached for the bell.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByRole("button", { name: "Start a trial (tentative)" }).click();
  await expect(page.getByText("Current", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Compare with v1" }).click();
  await expect(page.getByText("1 added · 0 removed · 1 changed · 1 unchanged steps")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "guideline compare");
  await expect(page.getByText("Put the call bell in reach")).toBeVisible();
});
