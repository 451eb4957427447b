// Access matrix for server actions (issue 5, item 1) and cross-site action requests (item 3):
// every exported action of every "use server" file × six callers, called over HTTP as React's
// client does, with the expected answer from the written policy in support/action-policy.ts.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { discoverActions, postAction, readActionManifest } from "./support/action-client.ts";
import { actionKey, ACTION_POLICY, expectedAction } from "./support/action-policy.ts";
import { actionPage, createFixtures, findAction, type ActionWorld } from "./support/action-world.ts";
import { allCallers, CALLERS, disposeAll, type CallerKind } from "./support/callers.ts";
import { loadDemoIds } from "./support/demo-ids.ts";

let callers: Record<CallerKind, APIRequestContext>;
let w: ActionWorld;
let checked = 0;

test.beforeAll(async ({ baseURL }, testInfo) => {
  // Answers do not depend on the viewport: once is enough.
  test.skip(testInfo.project.name !== "desktop", "runs once, on desktop");
  test.setTimeout(120_000);
  callers = await allCallers(baseURL!);
  const run = `${Date.now().toString(36)}-${testInfo.workerIndex}`;
  let n = 0;
  const base = {
    baseURL: baseURL!,
    admin: callers.ADMIN,
    manifest: readActionManifest(),
    unique: (prefix: string) => `${prefix} ${run}-${++n}`,
    seq: () => ++n,
    email: (prefix: string, domain = "stolav.example") => `${prefix}-${run}-${++n}@${domain}`,
    memo: new Map<string, Promise<unknown>>(),
    ids: { ...(await loadDemoIds(callers.ADMIN)), invitationToken: "not-a-real-invitation-token" },
  };
  w = { ...base, ids: await createFixtures(base) };
});

test.afterAll(async () => {
  await disposeAll(callers ?? {});
});

test("every server action on disk has a policy entry and a manifest id, and no entry is stale", () => {
  const onDisk = discoverActions().map((a) => actionKey(a.file, a.name));
  expect(onDisk.length).toBeGreaterThan(15);
  const inPolicy = ACTION_POLICY.map((e) => actionKey(e.file, e.name));
  expect(onDisk.filter((k) => !inPolicy.includes(k)), "add these actions to tests/e2e/support/action-policy.ts").toEqual([]);
  expect(inPolicy.filter((k) => !onDisk.includes(k)), "policy entries with no action on disk").toEqual([]);
  expect(new Set(inPolicy).size).toBe(inPolicy.length);
  // The build knows exactly these actions (inline "use server" functions elsewhere would show up here).
  const inManifest = w.manifest.map((a) => actionKey(a.file, a.name));
  expect([...inManifest].sort()).toEqual([...onDisk].sort());
});

for (const entry of ACTION_POLICY) {
  test(`action ${entry.name}`, async () => {
    test.setTimeout(120_000);
    const action = findAction(w, entry.name);
    for (const caller of CALLERS) {
      const expected = expectedAction(entry, caller);
      await test.step(`${caller} → ${expected}`, async () => {
        const input = await entry.input(w);
        const before = entry.snapshot ? await entry.snapshot(w, input) : undefined;
        const res = await postAction(callers[caller], w.baseURL, action, actionPage(w, action), [input]);
        const label = `${caller} ${entry.name}: ${res.status} ${res.text.slice(0, 300)}`;
        // Whatever the outcome, an action answers 200 with its result: never a 5xx or a redirect.
        expect(res.status, label).toBe(200);
        expect(res.outcome, label).not.toBeNull();
        expect(res.outcome!.kind, label).toBe(expected);
        if (entry.snapshot) {
          const after = await entry.snapshot(w, input);
          // A success must show in the read-back (so that an unchanged one means something).
          if (expected === "success") expect(after, `${label}: the read-back did not see the write`).not.toEqual(before);
          else expect(after, `${label}: a denied action changed something`).toEqual(before);
        }
        checked += 1;
      });
    }
  });
}

test("checked every cell the action policy defines", () => {
  const expectedCells = ACTION_POLICY.length * CALLERS.length;
  console.info(`action access matrix: ${checked} cells checked (${ACTION_POLICY.length} actions × ${CALLERS.length} callers)`);
  expect(expectedCells).toBeGreaterThan(100);
  expect(checked).toBe(expectedCells);
});

// Issue 5, item 3. Next.js refuses a server action whose Origin differs from the Host by itself, but
// answers 500 (and lets one with no Origin through): proxy.ts answers 403 first. A cross-site page
// can only send "simple" requests (form-encoded, multipart, text/plain, no custom headers); the
// Next-Action header variants stand for scripts that replay a browser's request.
test.describe("cross-site requests", () => {
  const EVIL = "https://evil.example";

  async function expectRefused(res: { status: () => number; json: () => Promise<unknown> }, label: string) {
    expect(res.status(), label).toBe(403);
    expect(await res.json(), label).toMatchObject({ error: { code: "FORBIDDEN" } });
  }

  test("server action POSTs from another origin, or with none, are refused with 403 and change nothing", async () => {
    const action = findAction(w, "createProcessAction");
    const page = actionPage(w, action);
    const processes = () => w.admin.get(`/api/v1/processes?teamId=${w.ids.teamId}`).then((r) => r.json());
    const input = { teamId: w.ids.teamId, name: w.unique("Cross-site process") };
    const before = await processes();
    const variants: { label: string; send: () => Promise<Awaited<ReturnType<APIRequestContext["post"]>>> }[] = [
      {
        label: "fetch action, text/plain, Origin evil",
        send: () => w.admin.post(page, { headers: { "Next-Action": action.id, Origin: EVIL, "Content-Type": "text/plain;charset=UTF-8" }, data: JSON.stringify([input]) }),
      },
      {
        label: "fetch action, text/plain, no Origin",
        send: () => w.admin.post(page, { headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8" }, data: JSON.stringify([input]) }),
      },
      {
        // Prefetch requests skip most of proxy.ts; an action call must not.
        label: "fetch action with a prefetch header, Origin evil",
        send: () =>
          w.admin.post(page, {
            headers: { "Next-Action": action.id, "Next-Router-Prefetch": "1", Purpose: "prefetch", Origin: EVIL, "Content-Type": "text/plain;charset=UTF-8" },
            data: JSON.stringify([input]),
          }),
      },
      {
        label: "fetch action with a prefetch header, no Origin",
        send: () =>
          w.admin.post(page, { headers: { "Next-Action": action.id, "Next-Router-Prefetch": "1", "Content-Type": "text/plain;charset=UTF-8" }, data: JSON.stringify([input]) }),
      },
      {
        label: "fetch action, form-encoded, Origin evil",
        send: () => w.admin.post(page, { headers: { "Next-Action": action.id, Origin: EVIL }, form: { teamId: input.teamId, name: input.name } }),
      },
      {
        // What a cross-site <form method=post enctype=multipart/form-data> can send: no custom header.
        label: "form (multipart) action, Origin evil",
        send: () => w.admin.post(page, { headers: { Origin: EVIL }, multipart: { [`$ACTION_ID_${action.id}`]: "", teamId: input.teamId, name: input.name } }),
      },
      {
        label: "form (form-encoded), Origin evil",
        send: () => w.admin.post(page, { headers: { Origin: EVIL }, form: { [`$ACTION_ID_${action.id}`]: "", teamId: input.teamId, name: input.name } }),
      },
    ];
    for (const v of variants) await expectRefused(await v.send(), v.label);
    expect(await processes(), "a refused cross-site action created a process").toEqual(before);
    // The same request from our own origin goes through (so the refusals above are about the origin).
    const own = await postAction(w.admin, w.baseURL, action, page, [input]);
    expect(own.outcome?.kind, own.text.slice(0, 300)).toBe("success");
    expect(await processes()).not.toEqual(before);
  });

  test("cookie-authenticated /api/v1 writes from another origin are refused with 403 (form-encoded and text/plain)", async () => {
    const observations = () => w.admin.get(`/api/v1/observations?teamId=${w.ids.teamId}&limit=5`).then((r) => r.json());
    const measureUrl = `/api/v1/measures/${w.ids.fixtureMeasureId}`;
    const measure = () => w.admin.get(measureUrl).then((r) => r.json());
    const [obsBefore, measureBefore] = [await observations(), await measure()];
    const body = JSON.stringify({ teamId: w.ids.teamId, kind: "idea", text: "cross-site" });
    await expectRefused(await w.admin.post("/api/v1/observations", { headers: { Origin: EVIL, "Content-Type": "text/plain" }, data: body }), "POST observations, text/plain");
    await expectRefused(await w.admin.post("/api/v1/observations", { headers: { Origin: EVIL }, form: { teamId: w.ids.teamId, kind: "idea", text: "x" } }), "POST observations, form");
    await expectRefused(await w.admin.patch(measureUrl, { headers: { Origin: EVIL, "Content-Type": "text/plain" }, data: JSON.stringify({ name: "Cross-site" }) }), "PATCH measure, text/plain");
    await expectRefused(await w.admin.patch(measureUrl, { headers: { Origin: EVIL }, form: { name: "Cross-site" } }), "PATCH measure, form");
    expect(await observations()).toEqual(obsBefore);
    expect(await measure()).toEqual(measureBefore);
  });
});
