// Grouping: a lead finds the main report by typing words from it (no ids to paste), groups a similar
// report under it, and both threads show the link. Only the same team's reports are offered.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn } from "./fixtures.ts";

async function teamIdByName(page: Page, name: string): Promise<string> {
  const res = await page.request.get("/api/v1/teams");
  const { teams } = (await res.json()) as { teams: { id: string; name: string }[] };
  const team = teams.find((t) => t.name === name);
  if (!team) throw new Error(`${name} not found`);
  return team.id;
}

async function report(page: Page, teamId: string, text: string, anonymous: boolean): Promise<string> {
  const res = await page.request.post("/api/v1/observations", {
    data: { teamId, kind: "problem", text, anonymous },
    // Cookie-authenticated writes must carry our Origin (CSRF defence in lib/api/handler.ts).
    headers: { origin: new URL(page.url()).origin },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { observation: { id: string } }).observation.id;
}

test("a lead groups a report under another by searching for it, and both threads show the group", async ({ page }, testInfo) => {
  const marker = `grp${Date.now().toString(36)}${testInfo.project.name}`;
  // Same words in a team this lead is not in: never offered.
  await signIn(page, "manager@stolav.example");
  await report(page, await teamIdByName(page, "Emergency Department"), `${marker} ED door alarm, another team`, false);
  await page.context().clearCookies();

  await signIn(page, "lead.cardio@stolav.example");
  const teamId = await teamIdByName(page, "Cardiology Ward 7");
  const mainText = `${marker} the medicine room door alarm sounds all night`;
  await report(page, teamId, mainText, true);
  const similarId = await report(page, teamId, `${marker} door alarm again, woke two patients`, false);

  await page.goto(`/teams/${teamId}/observations/${similarId}`);
  const search = page.getByRole("combobox", { name: "Group under another report" });
  await search.fill(marker);
  const options = page.getByRole("listbox", { name: "Reports to group under" }).getByRole("option");
  // Only the other report of this team: not this one, not the other team's.
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText(mainText);
  // Anonymous: kind and date, no author.
  await expect(options.first().locator("span span").last()).toHaveText(/^Problem · \d{1,2} \w{3} \d{4}$/);
  await expectNoSeriousA11yViolations(page, "group picker open");

  if (testInfo.project.name === "phone") {
    await options.first().tap();
  } else {
    await search.press("ArrowDown");
    await expect(options.first()).toHaveAttribute("aria-selected", "true");
    await expect(search).toHaveAttribute("aria-activedescendant", (await options.first().getAttribute("id"))!);
    await search.press("Enter");
  }
  await expect(page.getByTestId("group-choice")).toContainText(mainText);
  await page.getByRole("button", { name: "Save triage" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // This report now names its main report; the main report lists it.
  const groupedUnder = page.getByRole("link", { name: mainText });
  await expect(groupedUnder).toBeVisible();
  await groupedUnder.click();
  await expect(page.getByRole("region", { name: /1 similar report grouped here/ })).toContainText("door alarm again, woke two patients");
  await expectNoSeriousA11yViolations(page, "main report with its group");
});
