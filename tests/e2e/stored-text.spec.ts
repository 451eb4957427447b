// Issue 5, item 8: hostile text stored through the API renders as text on the pages that show it
// (the triage inbox, an observation's thread, a measure's page): no element is injected, no script
// runs, and the exact characters come back visible.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures.ts";

const LEAD = "lead.cardio@stolav.example";
const HOSTILE = [
  `<script>window.__pwned = "script"</script>`,
  `<img src=x onerror="window.__pwned='img'">`,
  `"><svg onload="window.__pwned='svg'">`,
  `[click me](javascript:window.__pwned='link')`,
  `{{constructor.constructor('window.__pwned=1')()}}`,
];

async function cardiologyTeamId(page: Page): Promise<string> {
  const res = await page.request.get("/api/v1/teams");
  const { teams } = (await res.json()) as { teams: { id: string; name: string }[] };
  return teams.find((t) => t.name === "Cardiology Ward 7")!.id;
}

async function expectInert(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator("main img[src='x'], main svg[onload], main a[href^='javascript:']")).toHaveCount(0);
}

test("hostile text in observations, replies and measures renders as plain text", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "Rendering is the same on both viewports; once is enough.");
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signIn(page, LEAD);
  const teamId = await cardiologyTeamId(page);
  const origin = new URL(page.url()).origin;
  const marker = `xss-${Date.now().toString(36)}`;

  const observationIds: string[] = [];
  for (const [i, text] of HOSTILE.entries()) {
    const res = await page.request.post("/api/v1/observations", {
      data: { teamId, kind: "problem", text: `${marker}-${i} ${text}`, anonymous: false },
      headers: { origin },
    });
    expect(res.status(), await res.text()).toBe(201);
    observationIds.push(((await res.json()) as { observation: { id: string } }).observation.id);
  }
  const reply = await page.request.post(`/api/v1/observations/${observationIds[0]}/comments`, {
    data: { body: `${marker}-reply ${HOSTILE[1]}` },
    headers: { origin },
  });
  expect(reply.status(), await reply.text()).toBe(201);
  const measure = await page.request.post("/api/v1/measures", {
    data: { teamId, name: `${marker} ${HOSTILE[2]}`, definition: HOSTILE[0], type: "COUNT", direction: "DOWN", frequency: "WEEKLY" },
    headers: { origin },
  });
  expect(measure.status(), await measure.text()).toBe(201);
  const measureId = ((await measure.json()) as { measure: { id: string } }).measure.id;

  await page.goto(`/teams/${teamId}/observations?q=${marker}`);
  for (const [i, text] of HOSTILE.entries()) await expect(page.getByText(`${marker}-${i} ${text}`).first()).toBeVisible();
  await expectInert(page);

  await page.goto(`/teams/${teamId}/observations/${observationIds[0]}`);
  await expect(page.getByText(`${marker}-reply ${HOSTILE[1]}`)).toBeVisible();
  await expectInert(page);

  await page.goto(`/teams/${teamId}/measures/${measureId}`);
  await expect(page.getByText(`${marker} ${HOSTILE[2]}`).first()).toBeVisible();
  await expectInert(page);
  expect(dialogs).toEqual([]);
});
