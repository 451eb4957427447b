import { expect, test } from "@playwright/test";
import { newProjectContext, signIn, signOut, teamIdFromUrl } from "./fixtures.ts";

test.describe("onboarding", () => {
  test("sign up, invite a member, accept the invitation, sign in again", async ({ page, browser }, testInfo) => {
    const stamp = `${Date.now()}-${testInfo.project.name}`;
    const adminEmail = `new-${stamp}@example.test`;
    const memberEmail = `member-${stamp}@example.test`;
    const teamName = `Ward ${stamp}`;

    // Sign up: a new organization with its first team.
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Nina Admin");
    await page.getByLabel("Work email").fill(adminEmail);
    await page.getByLabel("Password").fill("a-long-password-1");
    await page.getByLabel("Organization name").fill(`Clinic ${stamp}`);
    await page.getByLabel("First team name").fill(teamName);
    await page.getByRole("button", { name: "Create organization" }).click();

    // Lands on the dashboard with the first team.
    await expect(page).toHaveURL(/\/$/);
    const teamCard = page.getByRole("main").getByRole("link", { name: new RegExp(teamName) });
    await expect(teamCard).toBeVisible();
    await teamCard.click();
    await expect(page.getByRole("heading", { level: 1, name: teamName })).toBeVisible();
    const teamId = teamIdFromUrl(page.url());

    // Members → invite a MEMBER → read the link.
    await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Members" }).click();
    await expect(page).toHaveURL(new RegExp(`/teams/${teamId}/members$`));
    await page.getByLabel("Email").fill(memberEmail);
    await page.getByLabel("Role").selectOption("MEMBER");
    await page.getByRole("button", { name: "Send invitation" }).click();
    const linkField = page.getByLabel("Invitation link");
    await expect(linkField).toBeVisible();
    const link = await linkField.inputValue();
    expect(link).toMatch(/^http:\/\/localhost:\d+\/invite\/\S+$/);
    await expect(page.getByRole("region", { name: "Pending invitations" }).getByText(memberEmail)).toBeVisible();

    // A new browser context (the invited person's phone): accept with name and password.
    const invitee = await newProjectContext(browser, testInfo);
    const other = await invitee.newPage();
    await other.goto(link);
    await expect(other.getByRole("heading", { level: 1, name: `Join ${teamName}` })).toBeVisible();
    await other.getByLabel("Your name").fill("Mo Member");
    await other.getByLabel("Choose a password").fill("another-long-password");
    await other.getByRole("button", { name: "Accept and join the team" }).click();

    // Lands signed in on the team page.
    await expect(other).toHaveURL(new RegExp(`/teams/${teamId}$`));
    await expect(other.getByRole("heading", { level: 1, name: teamName })).toBeVisible();
    await expect(other.getByText("Your role:")).toBeVisible();

    // The link works once.
    await other.goto(new URL(link).pathname);
    await expect(other.getByText("This invitation has already been used")).toBeVisible();

    // Sign out, then sign in again with the new credentials: the team is there.
    await other.goto("/");
    await signOut(other);
    await signIn(other, memberEmail, "another-long-password");
    await expect(other.getByRole("main").getByRole("link", { name: new RegExp(teamName) })).toBeVisible();
    await invitee.close();
  });

  test("a wrong password shows the generic message", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("lead.cardio@stolav.example");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);

    // An unknown email gets exactly the same answer.
    await page.getByLabel("Email").fill("nobody-here@stolav.example");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  });

  test("an invalid invitation link is not found", async ({ page }) => {
    const response = await page.goto("/invite/lli_this-token-does-not-exist-at-all");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  });
});
