import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, newProjectContext, signIn } from "./fixtures.ts";

const NURSE = "nurse.cardio@stolav.example";
const LEAD = "lead.cardio@stolav.example";
const tag = () => `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

async function openCapture(page: Page) {
  await signIn(page, NURSE, undefined, "/capture");
  await expect(page).toHaveURL(/\/capture/);
  await expect(page.getByRole("heading", { name: "Log an observation" })).toBeVisible();
  // The form is interactive once React has hydrated: the service worker registration proves it.
  await page.waitForFunction(() => navigator.serviceWorker?.getRegistration().then((r) => Boolean(r)));
}

async function fill(page: Page, kind: string, text: string) {
  await page.getByText(kind, { exact: true }).click();
  await page.getByLabel("In a few words").fill(text);
}

test("reports made offline are queued and sent exactly once when back online", async ({ page, context }) => {
  const marker = tag();
  await openCapture(page);
  await context.setOffline(true);
  for (let i = 1; i <= 3; i++) {
    await fill(page, "Problem", `${marker} offline report ${i}`);
    await page.getByRole("button", { name: "Send observation" }).click();
    await expect(page.getByRole("status").filter({ hasText: "queued" })).toBeVisible();
  }
  await expect(page.getByTestId("outbox")).toContainText("3 reports queued");
  await context.setOffline(false);
  await expect(page.getByTestId("outbox")).toHaveCount(0, { timeout: 20_000 });
  // The status line no longer says "queued" once they have gone: nobody sends them twice.
  await expect(page.getByRole("status")).toContainText("has now reached your team");

  const res = await page.request.get(`/api/v1/observations?q=${marker}&limit=100`);
  expect(res.status()).toBe(200);
  const { observations } = (await res.json()) as { observations: { text: string; kind: string }[] };
  expect(observations.map((o) => o.text).sort()).toEqual([1, 2, 3].map((i) => `${marker} offline report ${i}`));
  expect(observations.every((o) => o.kind === "problem")).toBe(true);
});

test("a deviation cannot be sent without its reason", async ({ page }) => {
  const marker = tag();
  await openCapture(page);
  await fill(page, "Deviation from guideline", `${marker} skipped the second check`);
  await page.getByRole("button", { name: "Send observation" }).click();
  await expect(page.getByText("Add the reason you deviated")).toBeVisible();
  await expect(page.getByLabel(/Why did you deviate/)).toBeFocused();
  let res = await page.request.get(`/api/v1/observations?q=${marker}`);
  expect(((await res.json()) as { observations: unknown[] }).observations).toHaveLength(0);

  await page.getByLabel(/Why did you deviate/).fill("Patient on anticoagulants");
  await page.getByRole("button", { name: "Send observation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sent" })).toBeVisible();
  res = await page.request.get(`/api/v1/observations?q=${marker}`);
  const { observations } = (await res.json()) as { observations: { deviationReason: string }[] };
  expect(observations.map((o) => o.deviationReason)).toEqual(["Patient on anticoagulants"]);
});

test("an anonymous reporter reads the lead's reply with the receipt code", async ({ page, browser }, testInfo) => {
  const marker = tag();
  await openCapture(page);
  await fill(page, "Near miss", `${marker} almost gave the wrong dose`);
  await page.getByText("Submit anonymously").click();
  await page.getByRole("button", { name: "Send observation" }).click();
  const code = (await page.getByTestId("receipt-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^LL-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

  const leadContext = await newProjectContext(browser, testInfo);
  const lead = await leadContext.newPage();
  await signIn(lead, LEAD);
  const list = await lead.request.get(`/api/v1/observations?q=${marker}`);
  const [observation] = ((await list.json()) as { observations: { id: string; author: unknown }[] }).observations;
  expect(observation?.author).toBeNull();
  const reply = await lead.request.post(`/api/v1/observations/${observation!.id}/comments`, {
    data: { body: `${marker}: we now double-check doses at the bedside`, closesLoop: true },
    headers: { origin: new URL(lead.url()).origin },
  });
  expect(reply.status()).toBe(201);
  await leadContext.close();

  const anonContext = await newProjectContext(browser, testInfo);
  const reader = await anonContext.newPage();
  await reader.goto("/receipt");
  await reader.getByLabel("Receipt code").fill(code.toLowerCase());
  await reader.getByRole("button", { name: "Show my report and replies" }).click();
  await expect(reader.getByText(`${marker}: we now double-check doses at the bedside`)).toBeVisible();
  await expect(reader.getByText("You said, we did")).toBeVisible();
  await expect(reader.getByText("Acted on")).toBeVisible();
  await anonContext.close();
});

test("a 401 while replaying keeps the reports and asks to sign in; they go out after signing in", async ({ page, context }) => {
  const marker = tag();
  await openCapture(page);
  await context.setOffline(true);
  await fill(page, "Idea", `${marker} queued while signed out`);
  await page.getByRole("button", { name: "Send observation" }).click();
  await expect(page.getByTestId("outbox")).toContainText("1 report queued");
  await context.clearCookies();
  await context.setOffline(false);
  await expect(page.getByRole("link", { name: "Sign in to send 1 queued report" })).toBeVisible({ timeout: 20_000 });

  await signIn(page, NURSE, undefined, "/capture");
  await expect(page).toHaveURL(/\/capture/);
  // The page replays its outbox on load (the outbox list is empty until IndexedDB has been read,
  // so wait for the server, not for the list).
  const count = async () => {
    const res = await page.request.get(`/api/v1/observations?q=${marker}`);
    return ((await res.json()) as { observations: unknown[] }).observations.length;
  };
  await expect.poll(count, { timeout: 20_000 }).toBe(1);
  await expect(page.getByTestId("outbox")).toHaveCount(0);
});

test("the capture page opens offline once it has been visited", async ({ page, context }) => {
  await openCapture(page);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // The worker caches the page on install; make sure the page is controlled before going offline.
  await page.reload();
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Log an observation" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send observation" })).toBeVisible();
  await context.setOffline(false);
});

test("the capture and receipt pages have no serious accessibility violations", async ({ page, browser }, testInfo) => {
  await openCapture(page);
  await page.getByText("Deviation from guideline", { exact: true }).click();
  await page.getByRole("button", { name: "Send observation" }).click();
  await expectNoSeriousA11yViolations(page, "/capture with errors");
  const anon = await newProjectContext(browser, testInfo);
  const reader = await anon.newPage();
  await reader.goto("/receipt");
  await expectNoSeriousA11yViolations(reader, "/receipt");
  await anon.close();
});

test("a named reporter sees the lead's reply on the capture page and opens it", async ({ page, browser }, testInfo) => {
  const marker = tag();
  await openCapture(page);
  await fill(page, "Idea", `${marker} label the flush syringes`);
  await page.getByRole("button", { name: "Send observation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sent" })).toBeVisible();

  const leadContext = await newProjectContext(browser, testInfo);
  const lead = await leadContext.newPage();
  await signIn(lead, LEAD);
  const list = await lead.request.get(`/api/v1/observations?q=${marker}`);
  const [observation] = ((await list.json()) as { observations: { id: string }[] }).observations;
  const reply = await lead.request.post(`/api/v1/observations/${observation!.id}/comments`, {
    data: { body: `${marker}: labels ordered`, closesLoop: true },
    headers: { origin: new URL(lead.url()).origin },
  });
  expect(reply.status()).toBe(201);
  await leadContext.close();

  await page.reload();
  const replies = page.getByRole("region", { name: "New replies to your reports" });
  // This report's reply: the other project (and other tests) may have left replies for the same person.
  await replies.locator(`a[href*="${observation!.id}"]`).filter({ hasText: /You said, we did/ }).click();
  await expect(page.getByText(`${marker}: labels ordered`)).toBeVisible();
});
