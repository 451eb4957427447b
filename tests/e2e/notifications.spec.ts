import { expect, test, type Page } from "@playwright/test";
import { callerContext } from "./support/callers.ts";
import { expectNoSeriousA11yViolations, signIn } from "./fixtures.ts";

// One reporter per project, whom no other spec sends notifications to, so that the counts below are
// not disturbed by tests running side by side; the replier leads or manages the reporter's team.
const PEOPLE = {
  desktop: { reporter: "lead.ed@stolav.example", replier: "manager@stolav.example", team: "Emergency Department" },
  phone: { reporter: "lead@riverside.example", replier: "admin@riverside.example", team: "Primary Care" },
} as const;

/** The unread count the bell announces (0 when it announces none). */
async function bellCount(page: Page): Promise<number> {
  const name = (await bell(page).getAttribute("aria-label")) ?? (await bell(page).innerText());
  return Number(/(\d+) unread/.exec(name)?.[1] ?? 0);
}
const bell = (page: Page) => page.getByRole("button", { name: /^Notifications/ });

test("a named reporter sees a lead's reply in the bell, opens it, and marks one read", async ({ page, baseURL }, testInfo) => {
  const { reporter, replier, team } = PEOPLE[testInfo.project.name as keyof typeof PEOPLE];
  const marker = `bell-${testInfo.project.name}-${Date.now().toString(36)}`;
  await signIn(page, reporter);
  const origin = new URL(page.url()).origin;
  const { teams } = (await (await page.request.get("/api/v1/teams")).json()) as { teams: { id: string; name: string }[] };
  const teamId = teams.find((t) => t.name === team)!.id;
  const ids: string[] = [];
  for (const which of ["first", "second"]) {
    const created = await page.request.post("/api/v1/observations", {
      data: { teamId, kind: "idea", text: `${marker} ${which}: a second sharps bin by bed 4`, anonymous: false },
      headers: { origin },
    });
    expect(created.status(), await created.text()).toBe(201);
    ids.push(((await created.json()) as { observation: { id: string } }).observation.id);
  }
  const lead = await callerContext(baseURL!, replier);
  try {
    for (const id of ids) {
      const reply = await lead.post(`/api/v1/observations/${id}/comments`, { data: { body: `${marker}: ordered` }, headers: { origin } });
      expect(reply.status(), await reply.text()).toBe(201);
    }
  } finally {
    await lead.dispose();
  }

  await page.goto("/");
  await expect(bell(page)).toHaveAccessibleName(/Notifications, \d+ unread/);
  expect(await bellCount(page)).toBeGreaterThanOrEqual(2);
  await expect(bell(page)).toHaveAttribute("aria-expanded", "false");

  // The panel opens from the keyboard, and Escape closes it and gives focus back to the bell.
  await bell(page).focus();
  await page.keyboard.press("Enter");
  await expect(bell(page)).toHaveAttribute("aria-expanded", "true");
  const panel = page.getByRole("region", { name: "Notifications" });
  await expect(panel).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(bell(page)).toBeFocused();

  await bell(page).click();
  await expect(panel.getByRole("link", { name: new RegExp(`${marker} second`) })).toBeVisible();
  await expect(panel.getByRole("link", { name: new RegExp(`${marker} first`) })).toBeVisible();
  // Newest first.
  const titles = await panel.getByRole("link").allInnerTexts();
  expect(titles.findIndex((t) => t.includes(`${marker} second`))).toBeLessThan(titles.findIndex((t) => t.includes(`${marker} first`)));
  if (testInfo.project.name === "phone") {
    // Full width on a phone, with big tap targets.
    const box = (await panel.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(page.viewportSize()!.width - 1);
    const markButton = panel.getByRole("button", { name: new RegExp(`Mark as read: .*${marker} first`) });
    expect((await markButton.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  await expectNoSeriousA11yViolations(page, "notification panel");

  // Marking one read drops the count.
  const before = await bellCount(page);
  await panel.getByRole("button", { name: new RegExp(`Mark as read: .*${marker} first`) }).click();
  await expect(panel.getByRole("button", { name: new RegExp(`Mark as read: .*${marker} first`) })).toBeHidden();
  await expect.poll(() => bellCount(page)).toBe(before - 1);
  await page.reload();
  expect(await bellCount(page)).toBe(before - 1);

  // The link opens the thread, which reads it.
  await bell(page).click();
  await panel.getByRole("link", { name: new RegExp(`${marker} second`) }).click();
  await expect(page).toHaveURL(new RegExp(`/teams/${teamId}/observations/${ids[1]}$`));
  await expect(page.getByRole("region", { name: "Thread" }).getByText(`${marker}: ordered`)).toBeVisible();
  await expect.poll(() => bellCount(page)).toBe(before - 2);

  // The full page lists them too, both read now.
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const list = page.getByRole("list", { name: "All notifications" });
  await expect(list.getByRole("link", { name: new RegExp(`${marker} second`) })).toBeVisible();
  await expect(list.getByRole("button", { name: new RegExp(`Mark as read: .*${marker}`) })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "notifications page");
});

test("the notifications page pages through older ones and says when there are none", async ({ page }, testInfo) => {
  await signIn(page, PEOPLE[testInfo.project.name as keyof typeof PEOPLE].reporter);
  await page.goto("/notifications?after=not-a-notification");
  await expect(page.getByText("No older notifications")).toBeVisible();
  await page.getByRole("link", { name: "Back to newest" }).first().click();
  await expect(page.getByRole("heading", { level: 2, name: "All notifications" })).toBeVisible();
});
