// Mass assignment through server actions (issue 5, item 2; the API half is in
// tests/integration/security/mass-assignment.test.ts): extra fields such as organizationId,
// teamId, authorId, role or id in an action's input are ignored or refused, never applied.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { postAction, readActionManifest, type ActionResponse } from "./support/action-client.ts";
import { callerContext, CALLER_EMAILS, disposeAll } from "./support/callers.ts";
import { getJson, loadDemoIds } from "./support/demo-ids.ts";

type Me = { user: { id: string; name: string; organization?: { id: string } } };

let admin: APIRequestContext;
let lead: APIRequestContext;
let otherOrg: APIRequestContext;
let ids: Awaited<ReturnType<typeof loadDemoIds>>;
let leadMe: Me["user"];
let adminMe: Me["user"];
let otherOrgId: string;
let otherOrgTeamId: string;

test.beforeAll(async ({ baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "runs once, on desktop");
  admin = await callerContext(baseURL!, CALLER_EMAILS.ADMIN);
  lead = await callerContext(baseURL!, CALLER_EMAILS.LEAD);
  otherOrg = await callerContext(baseURL!, CALLER_EMAILS.OTHER_ORG);
  ids = await loadDemoIds(admin);
  leadMe = (await getJson<Me>(lead, "/api/v1/me")).user;
  adminMe = (await getJson<Me>(admin, "/api/v1/me")).user;
  const other = await getJson<Me & { user: { organization: { id: string } } }>(otherOrg, "/api/v1/me");
  otherOrgId = other.user.organization.id;
  otherOrgTeamId = (await getJson<{ teams: { id: string }[] }>(otherOrg, "/api/v1/teams")).teams[0]!.id;
});

test.afterAll(async () => {
  await disposeAll({ ADMIN: admin, LEAD: lead, OTHER_ORG: otherOrg });
});

async function call(baseURL: string, name: string, page: string, input: unknown): Promise<ActionResponse> {
  const action = readActionManifest().find((a) => a.name === name);
  expect(action, `${name} in the build's manifest`).toBeDefined();
  return postAction(lead, baseURL, action!, page, [input]);
}

/**
 * Our zod input schemas strip unknown keys, so these calls succeed with the extra fields dropped
 * (refusing them would be fine too; applying them is not). Success is required so that the
 * read-backs below always run.
 */
function successData<T>(res: ActionResponse): T {
  expect(res.status, res.text.slice(0, 300)).toBe(200);
  expect(res.outcome?.kind, res.text.slice(0, 300)).toBe("success");
  return (res.outcome as { data: T }).data;
}

test("createMeasureAction ignores organizationId, id, createdById and a second teamId", async ({ baseURL }) => {
  const name = `Mass assignment measure ${Date.now().toString(36)}`;
  const forcedId = `forced${Date.now()}`;
  const res = await call(baseURL!, "createMeasureAction", `/teams/${ids.teamId}/measures`, {
    teamId: ids.teamId,
    name,
    type: "COUNT",
    direction: "DOWN",
    frequency: "WEEKLY",
    organizationId: otherOrgId,
    id: forcedId,
    createdById: adminMe.id,
    archivedAt: new Date().toISOString(),
  });
  const data = successData<{ id: string; teamId: string }>(res);
  expect(data.id).not.toBe(forcedId);
  expect(data.teamId).toBe(ids.teamId);
  // It lives in St Olav: its admin reads it, Riverside's admin gets 404.
  const { measure } = await getJson<{ measure: { teamId: string; name: string; archivedAt: string | null } }>(admin, `/api/v1/measures/${data.id}`);
  expect(measure).toMatchObject({ teamId: ids.teamId, name, archivedAt: null });
  expect((await otherOrg.get(`/api/v1/measures/${data.id}`)).status()).toBe(404);
});

test("replyAction ignores authorId and organizationId: the reply is the caller's", async ({ baseURL }) => {
  const body = `Mass assignment reply ${Date.now().toString(36)}`;
  const res = await call(baseURL!, "replyAction", `/teams/${ids.teamId}/observations/${ids.observationId}`, {
    observationId: ids.observationId,
    body,
    authorId: adminMe.id,
    organizationId: otherOrgId,
    teamId: otherOrgTeamId,
  });
  successData(res);
  const { comments } = await getJson<{ comments: { body: string; author: { id: string } | null }[] }>(admin, `/api/v1/observations/${ids.observationId}/comments`);
  const reply = comments.find((c) => c.body === body);
  expect(reply?.author?.id).toBe(leadMe.id);
});

test("triageAction ignores teamId, organizationId and authorId: the observation stays where and whose it was", async ({ baseURL }) => {
  const before = (await getJson<{ observation: { teamId: string; author: { id: string } | null } }>(admin, `/api/v1/observations/${ids.observationId}`)).observation;
  const res = await call(baseURL!, "triageAction", `/teams/${ids.teamId}/observations/${ids.observationId}`, {
    id: ids.observationId,
    status: "acknowledged",
    teamId: otherOrgTeamId,
    organizationId: otherOrgId,
    authorId: leadMe.id,
  });
  successData(res);
  const after = (await getJson<{ observation: { teamId: string; author: { id: string } | null } }>(admin, `/api/v1/observations/${ids.observationId}`)).observation;
  expect(after.teamId).toBe(before.teamId);
  expect(after.author?.id ?? null).toBe(before.author?.id ?? null);
  expect((await otherOrg.get(`/api/v1/observations/${ids.observationId}`)).status()).toBe(404);
});
