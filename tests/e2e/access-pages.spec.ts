// Access matrix for pages (issue 5, item 1): every app/**/page.tsx × six callers, with the expected
// answer from the written policy in support/page-policy.ts. Status codes only, redirects not followed.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectActionData, postAction, readActionManifest, ROOT } from "./support/action-client.ts";
import { allCallers, CALLERS, disposeAll, type CallerKind } from "./support/callers.ts";
import { loadDemoIds, type DemoIds } from "./support/demo-ids.ts";
import { expectedPage, PAGE_POLICY, type PageExpected } from "./support/page-policy.ts";

/** Every page route on disk, route groups stripped: app/(app)/teams/[teamId]/page.tsx → /teams/[teamId]. */
function discoverPages(): string[] {
  return fs
    .readdirSync(path.join(ROOT, "app"), { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "page.tsx")
    .map((f) => "/" + path.dirname(f).split(path.sep).filter((s) => s !== "." && !/^\(.*\)$/.test(s)).join("/"))
    .sort();
}

let callers: Record<CallerKind, APIRequestContext>;
let ids: DemoIds;
let checked = 0;


test.beforeAll(async ({ baseURL }, testInfo) => {
  // Status codes do not depend on the viewport: once is enough.
  test.skip(testInfo.project.name !== "desktop", "runs once, on desktop");
  callers = await allCallers(baseURL!);
  const demo = await loadDemoIds(callers.ADMIN);
  // A real invitation link for /invite/[token]: created through the members page's action.
  const invite = readActionManifest().find((a) => a.name === "inviteMemberAction");
  if (!invite) throw new Error("inviteMemberAction is not in the build's manifest");
  const { url } = await expectActionData<{ url: string }>(
    postAction(callers.ADMIN, baseURL!, invite, `/teams/${demo.teamId}/members`, [{ teamId: demo.teamId, email: `page-matrix-${Date.now()}@stolav.example`, role: "MEMBER" }]),
    "create invitation",
  );
  ids = { ...demo, invitationToken: url.split("/invite/")[1]! };
});

test.afterAll(async () => {
  await disposeAll(callers ?? {});
});

test("every page on disk has a policy entry, and no entry is stale", () => {
  const pages = discoverPages();
  expect(pages.length).toBeGreaterThan(10);
  const routes = PAGE_POLICY.map((e) => e.route);
  expect(pages.filter((p) => !routes.includes(p)), "add these pages to tests/e2e/support/page-policy.ts").toEqual([]);
  expect(routes.filter((r) => !pages.includes(r)), "policy entries with no page on disk").toEqual([]);
  expect(new Set(routes).size).toBe(routes.length);
});

function describeExpected(e: PageExpected): string {
  return { ok: "200", "not-found": "404", "sign-in": "redirect to sign-in", "redirect-away": "redirect away" }[e.kind];
}

for (const entry of PAGE_POLICY) {
  test(`page ${entry.route}`, async ({ baseURL }) => {
    const url = entry.url(ids);
    for (const caller of CALLERS) {
      const expected = expectedPage(entry, caller);
      await test.step(`${caller} → ${describeExpected(expected)}`, async () => {
        const res = await callers[caller].get(url, { maxRedirects: 0 });
        const label = `${caller} GET ${url}`;
        const location = res.headers()["location"] ?? "";
        switch (expected.kind) {
          case "ok":
            expect(res.status(), label).toBe(200);
            expect(res.headers()["content-type"], label).toContain("text/html");
            break;
          case "not-found":
            expect(res.status(), label).toBe(404);
            expect(await res.text(), label).toContain("Page not found");
            break;
          case "sign-in": {
            expect(res.status(), label).toBe(307);
            const target = new URL(location, baseURL);
            expect(target.pathname, label).toBe("/sign-in");
            expect(target.searchParams.get("callbackUrl"), label).toBe(url);
            break;
          }
          case "redirect-away":
            expect(res.status(), label).toBe(307);
            expect(new URL(location, baseURL).pathname, label).not.toBe(entry.route);
            break;
        }
        // Another organization never sees anything of St Olav, whatever the answer (an invitation
        // link is the exception: it names the inviting organization to whoever holds it).
        if (caller === "OTHER_ORG" && entry.access.kind !== "public") expect(await res.text(), label).not.toMatch(/St Olav|Cardiology Ward 7/);
        checked += 1;
      });
    }
  });
}

// Inside the organization: a team the lead and the nurse are not in (Emergency Department) does not
// exist for them, while its manager and the org admin see it. Pages addressed by the team id alone.
const teamOnly = PAGE_POLICY.filter((e) => e.access.kind === "team" && e.route.match(/\[\w+\]/g)?.length === 1);
const NOT_IN_ED = ["LEAD", "MEMBER"] as const;
const IN_ED = ["ADMIN", "MANAGER"] as const;

test("pages of a team the caller is not in answer 404", async () => {
  expect(teamOnly.length).toBeGreaterThan(3);
  for (const entry of teamOnly) {
    const url = entry.url({ ...ids, teamId: ids.edTeamId });
    for (const caller of [...NOT_IN_ED, ...IN_ED]) {
      const res = await callers[caller].get(url, { maxRedirects: 0 });
      expect(res.status(), `${caller} GET ${url}`).toBe(NOT_IN_ED.includes(caller as (typeof NOT_IN_ED)[number]) ? 404 : 200);
      checked += 1;
    }
  }
});

test("checked every cell the page policy defines", () => {
  const expectedCells = PAGE_POLICY.length * CALLERS.length + teamOnly.length * (NOT_IN_ED.length + IN_ED.length);
  console.info(
    `page access matrix: ${checked} cells checked (${PAGE_POLICY.length} pages × ${CALLERS.length} callers + ${teamOnly.length} team pages × 4 callers on another team)`,
  );
  expect(expectedCells).toBeGreaterThan(100);
  expect(checked).toBe(expectedCells);
});
