// Measures: a nurse tallies on a phone and the chart explains the new signal; a lead studies the
// chart on a desktop (chart kinds, table view, keyboard focus) and a bad CSV imports nothing.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn } from "./fixtures.ts";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

async function openMeasure(page: Page, name: string, query = ""): Promise<{ teamId: string; id: string }> {
  const res = await page.request.get("/api/v1/measures?limit=100");
  expect(res.ok()).toBe(true);
  const { measures } = (await res.json()) as { measures: { id: string; teamId: string; name: string }[] };
  const measure = measures.find((m) => m.name === name);
  if (!measure) throw new Error(`No measure named ${name}`);
  // Through the list page, as a person would.
  await page.goto(`/teams/${measure.teamId}/measures`);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  if (query) await page.goto(`/teams/${measure.teamId}/measures/${measure.id}${query}`);
  return { teamId: measure.teamId, id: measure.id };
}

test("a nurse tallies events on a phone and the chart shows the new signal, explained", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "phone data entry");
  await signIn(page, "nurse.cardio@stolav.example");
  await openMeasure(page, "Handoff omissions", "?kind=c");
  await expect(page.getByRole("heading", { name: "C chart" })).toBeVisible();
  // Days never tallied are gaps on the time axis, not joined up.
  await expect(page.getByTestId("chart-gaps")).toContainText(/No data for \d+ days?, shown as gaps in the line/);

  const today = new Date();
  const todayText = `${today.getUTCDate()} ${MONTHS[today.getUTCMonth()]}`;
  const explanations = page.getByTestId("signal-explanations");
  await expect(explanations).not.toContainText(`Point above the upper limit on ${todayText}`);

  // A bad shift: 12 omissions today, far above this ward's usual one or two.
  const plus = page.getByRole("button", { name: "Plus one" });
  for (let i = 0; i < 12; i++) await plus.click();
  await expect(page.getByTestId("tally-count")).toHaveText(/^(1[2-9]|[2-9]\d)$/);
  // Unsaved taps survive a reload (poor Wi-Fi, a locked phone).
  await page.reload();
  await expect(page.getByTestId("tally-count")).toHaveText(/^(1[2-9]|[2-9]\d)$/);
  await page.getByRole("button", { name: /Save count/ }).click();
  await expect(page.getByRole("status").filter({ hasText: /Saved|Updated the existing point/ })).toBeVisible();

  await expect(explanations).toContainText(new RegExp(`Point above the upper limit on ${todayText}`));
  // The table view of the chart lists the new point with its signal.
  await page.getByRole("button", { name: "Show data table" }).click();
  await expect(page.getByRole("table").getByRole("row").last()).toContainText("above the upper limit");
  await expect(page.getByTestId("chart-gap-row").first()).toContainText(/No data for \d+ days?/);
  await expectNoSeriousA11yViolations(page, "measure page on a phone");
});

test("a lead studies a measure: run chart first, other kinds, table view, keyboard focus and a refused CSV", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "desktop study view");
  await signIn(page, "lead.cardio@stolav.example");
  await openMeasure(page, "Hand hygiene compliance");
  await expectNoSeriousA11yViolations(page, "measures list and run chart");

  // The run chart comes first, with the phases marked by the guideline change and the experiment.
  await expect(page.getByRole("heading", { name: "Run chart" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Phase changes" })).toContainText("Guideline v2 adopted");
  await expect(page.getByRole("list", { name: "Phase changes" })).toContainText("Experiment started");

  await page.getByRole("navigation", { name: "Chart type" }).getByRole("link", { name: "P chart" }).click();
  await expect(page.getByRole("heading", { name: "P chart" })).toBeVisible();
  await expect(page.getByRole("link", { name: "P chart" })).toHaveAttribute("aria-current", "page");

  // Keyboard: focus the chart and step through the points.
  const chart = page.getByTestId("spc-chart");
  await chart.focus();
  await page.keyboard.press("End");
  await expect(page.getByTestId("chart-focus")).toContainText(/\d{4}: \d+(\.\d+)?%/);
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("chart-focus")).toContainText("limits");

  await page.getByRole("button", { name: "Show data table" }).click();
  await expect(page.getByRole("table")).toContainText("Limits");
  await page.getByRole("button", { name: "Show chart" }).click();

  await expectNoSeriousA11yViolations(page, "measure page");

  // The export link serves the points as a CSV download.
  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  const csv = await page.request.get(href!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toContain("hand-hygiene-compliance-data-points.csv");
  expect((await csv.text()).split(/\r?\n/)[0]).toBe("period,value,numerator,denominator,note,source,updated_at");

  // A CSV with one bad row imports nothing and names the row.
  await page.getByLabel("…or paste the rows").fill("period,numerator,denominator\n2026-01-05,50,60\n2026-01-12,70,60\n");
  await page.getByRole("button", { name: "Check and preview" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Nothing was imported" });
  await expect(alert).toContainText("Line 3: The numerator cannot be larger than the denominator.");
});
