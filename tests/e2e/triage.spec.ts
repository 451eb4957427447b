import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn } from "./fixtures.ts";

const LEAD = "lead.cardio@stolav.example";

async function cardiologyTeamId(page: Page): Promise<string> {
  const res = await page.request.get("/api/v1/teams");
  const { teams } = (await res.json()) as { teams: { id: string; name: string }[] };
  const team = teams.find((t) => t.name === "Cardiology Ward 7");
  if (!team) throw new Error("Cardiology Ward 7 not found");
  return team.id;
}

test("a lead finds a report, triages it from the keyboard and closes the loop", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === "phone", "The triage inbox is a desktop workflow (keyboard navigation).");
  const marker = `triage-${Date.now().toString(36)}`;
  await signIn(page, LEAD);
  const teamId = await cardiologyTeamId(page);
  const created = await page.request.post("/api/v1/observations", {
    data: { teamId, kind: "problem", text: `${marker} the pump alarm is too quiet at night`, severity: "high", anonymous: false },
    // Cookie-authenticated writes must carry our Origin (CSRF defence in lib/api/handler.ts).
    headers: { origin: new URL(page.url()).origin },
  });
  expect(created.status(), await created.text()).toBe(201);

  await page.goto(`/teams/${teamId}/observations`);
  await expect(page.getByRole("heading", { level: 1, name: "Observations" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "observation inbox");
  await expect(page.getByRole("list", { name: "Observations" }).getByRole("listitem")).toHaveCount(50);

  await page.getByLabel("Search").fill(marker);
  await page.getByRole("button", { name: "Apply filters" }).click();
  const rows = page.getByRole("list", { name: "Observations" }).getByRole("listitem");
  await expect(rows).toHaveCount(1);

  // j moves focus to the first report once the inbox has hydrated (retried until it has).
  const firstLink = rows.first().getByRole("link");
  await expect(async () => {
    await page.keyboard.press("j");
    await expect(firstLink).toBeFocused({ timeout: 500 });
  }).toPass();
  await page.keyboard.press("x");
  await expect(page.getByText("1 selected")).toBeVisible();
  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(rows.first().getByText("Acknowledged")).toBeVisible();

  await rows.first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Problem" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "observation detail");
  await page.getByLabel("Reply", { exact: true }).fill("We turned the alarm volume up on all pumps");
  await page.getByLabel(/You said, we did/).check();
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByRole("region", { name: "Thread" }).getByText("We turned the alarm volume up on all pumps")).toBeVisible();
  await expect(page.getByRole("region", { name: "Thread" }).getByText("You said, we did", { exact: true })).toBeVisible();
  await expect(page.getByText("Acted on").first()).toBeVisible();
});

test("filters that match nothing show an empty state", async ({ page }) => {
  await signIn(page, LEAD);
  const teamId = await cardiologyTeamId(page);
  await page.goto(`/teams/${teamId}/observations?q=nothing-matches-${Date.now()}`);
  await expect(page.getByText("Nothing matches these filters")).toBeVisible();
});
