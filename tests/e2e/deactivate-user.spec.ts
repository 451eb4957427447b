// An org admin deactivates a person from the members page, by keyboard: the person's open session is
// refused on their next request, they cannot sign in, their observation stays; reactivated, they can
// sign in again. The person is made for this test (never a demo login other specs rely on).
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, newProjectContext, signIn, teamIdFromUrl } from "./fixtures.ts";

test("an org admin deactivates and reactivates a member's account", async ({ page, browser, baseURL }, testInfo) => {
  const stamp = `${Date.now()}-${testInfo.project.name}`;
  const email = `leaver-${stamp}@stolav.example`;
  const name = `Lee Leaver ${stamp}`;
  const password = "leaver-password-1";

  // The admin invites a new person to Cardiology Ward 7.
  await signIn(page, "admin@stolav.example");
  await page.getByRole("main").getByRole("link", { name: /Cardiology Ward 7/ }).click();
  await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Members" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role").selectOption("MEMBER");
  await page.getByRole("button", { name: "Send invitation" }).click();
  const link = await page.getByLabel("Invitation link").inputValue();

  // They accept on their own device, are signed in, and log an observation.
  const personContext = await newProjectContext(browser, testInfo);
  const person = await personContext.newPage();
  await person.goto(link);
  await person.getByLabel("Your name").fill(name);
  await person.getByLabel("Choose a password").fill(password);
  await person.getByRole("button", { name: "Accept and join the team" }).click();
  await expect(person).toHaveURL(/\/teams\/[^/]+$/);
  const teamId = teamIdFromUrl(person.url());
  const created = await person.request.post("/api/v1/observations", {
    data: { teamId, kind: "idea", text: `Idea from ${name}` },
    headers: { Origin: baseURL! },
  });
  expect(created.status()).toBe(201);
  const observationId = ((await created.json()) as { observation: { id: string } }).observation.id;

  // The admin opens the confirm step from the keyboard: it names the person and says what happens.
  await page.reload();
  const row = page.getByRole("region", { name: "Members" }).getByRole("listitem").filter({ hasText: email });
  const deactivate = row.getByRole("button", { name: `Deactivate account of ${name}` });
  await deactivate.focus();
  await page.keyboard.press("Enter");
  const confirmStep = row.getByRole("group", { name: `Deactivate the account of ${name}?` });
  await expect(confirmStep).toBeFocused();
  await expect(confirmStep).toContainText(`${name} will no longer be able to sign in`);
  await expect(confirmStep).toContainText("signed out on their next click or page load");
  await expect(confirmStep).toContainText("Their observations, comments and data stay as they are");
  await expectNoSeriousA11yViolations(page, "members, deactivation confirm step");

  // Escape backs out, focus returns to the button; then confirm with Tab + Enter.
  await page.keyboard.press("Escape");
  await expect(confirmStep).toHaveCount(0);
  await expect(deactivate).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(confirmStep).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(confirmStep.getByRole("button", { name: `Deactivate ${name}` })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(row.getByRole("status")).toHaveText(`${name} is deactivated and can no longer sign in.`);
  await expect(row.getByText("Deactivated", { exact: true })).toBeVisible();
  const reactivate = row.getByRole("button", { name: `Reactivate account of ${name}` });
  await expect(reactivate).toBeFocused();
  await expectNoSeriousA11yViolations(page, "members, deactivated person");

  // Their open session is refused on the next request, and they cannot sign in again.
  expect((await person.request.get("/api/v1/me")).status()).toBe(401);
  await person.reload();
  await expect(person).toHaveURL(/\/sign-in/);
  await person.getByLabel("Email").fill(email);
  await person.getByLabel("Password").fill(password);
  await person.getByRole("button", { name: "Sign in" }).click();
  await expect(person.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  await expect(person).toHaveURL(/\/sign-in/);

  // What they recorded stays.
  expect((await page.request.get(`/api/v1/observations/${observationId}`)).status()).toBe(200);

  // Reactivated (keyboard again), they can sign in; the badge is gone.
  await page.keyboard.press("Enter");
  await expect(row.getByRole("status")).toHaveText(`${name} can sign in again.`);
  await expect(row.getByText("Deactivated", { exact: true })).toHaveCount(0);
  await expect(deactivate).toBeFocused();

  await signIn(person, email, password);
  expect((await person.request.get("/api/v1/me")).status()).toBe(200);
  await personContext.close();
});
