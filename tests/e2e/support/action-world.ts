// What the action matrix needs around each call: demo ids, fresh targets made as St Olav's org admin
// (through the same actions and the API), and read-backs that prove a denied call changed nothing.
import { expect, type APIRequestContext } from "@playwright/test";
import { expectActionData, fillRoute, postAction, type ManifestAction } from "./action-client.ts";
import { callerContext } from "./callers.ts";
import { getJson, type DemoIds } from "./demo-ids.ts";

export type ActionWorld = {
  baseURL: string;
  ids: DemoIds & { fixtureMeasureId: string; fixturePointId: string; fixtureObservationId: string };
  admin: APIRequestContext;
  manifest: ManifestAction[];
  /** A string, and a number, no other cell uses. */
  unique: (prefix: string) => string;
  seq: () => number;
  /** An email address no other cell uses. */
  email: (prefix: string, domain?: string) => string;
  /** Targets shared by all cells of one entry (made once). */
  memo: Map<string, Promise<unknown>>;
};

/** The URL values for `[param]` segments of the pages that use an action. */
export function routeValues(w: ActionWorld): Record<string, string> {
  const { ids } = w;
  return {
    teamId: ids.teamId,
    processId: ids.processId,
    number: String(ids.versionNumber),
    measureId: ids.fixtureMeasureId,
    observationId: ids.fixtureObservationId,
    token: ids.invitationToken,
  };
}

export function findAction(w: ActionWorld, name: string): ManifestAction {
  const action = w.manifest.find((a) => a.name === name);
  if (!action) throw new Error(`${name} is not in the build's server reference manifest`);
  return action;
}

export function actionPage(w: ActionWorld, action: ManifestAction): string {
  const route = action.pages[0];
  if (!route) throw new Error(`${action.name} is used by no page`);
  return fillRoute(route, routeValues(w));
}

/** Calls an action as `ctx` (the admin by default) and insists on success. */
export async function run<T>(w: ActionWorld, name: string, input: unknown, ctx: APIRequestContext = w.admin): Promise<T> {
  const action = findAction(w, name);
  return expectActionData<T>(postAction(ctx, w.baseURL, action, actionPage(w, action), [input]), `setup ${name}`);
}

async function apiWrite<T>(w: ActionWorld, method: "post" | "patch", url: string, data: unknown): Promise<T> {
  const res = await w.admin[method](url, { data, headers: { Origin: w.baseURL } });
  expect(res.status(), `${method} ${url}: ${(await res.text()).slice(0, 200)}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** The fixtures every run starts with: a weekly count measure with one point, and an observation. */
export async function createFixtures(w: Omit<ActionWorld, "ids"> & { ids: DemoIds }): Promise<ActionWorld["ids"]> {
  // (the fixture point's week, 2026-01-05, is outside the weeks mondayAfter() hands out to cells)
  const { measure } = await apiWrite<{ measure: { id: string } }>(w as ActionWorld, "post", "/api/v1/measures", {
    teamId: w.ids.teamId,
    name: `Access matrix ${Date.now()}`,
    type: "COUNT",
    direction: "DOWN",
    frequency: "WEEKLY",
  });
  const points = await apiWrite<{ dataPoints: { id: string }[] }>(w as ActionWorld, "post", `/api/v1/measures/${measure.id}/data-points`, { period: "2026-01-05", value: 4 });
  const obs = await apiWrite<{ observation: { id: string } }>(w as ActionWorld, "post", "/api/v1/observations", {
    teamId: w.ids.teamId,
    kind: "idea",
    text: "Access matrix fixture",
  });
  return { ...w.ids, fixtureMeasureId: measure.id, fixturePointId: points.dataPoints[0]!.id, fixtureObservationId: obs.observation.id };
}

/** A page as the admin sees it, with the flight data's escaped quotes undone so props can be matched. */
export async function adminPage(w: ActionWorld, url: string): Promise<string> {
  const res = await w.admin.get(url, { maxRedirects: 0 });
  expect(res.status(), `GET ${url}`).toBe(200);
  return (await res.text()).replace(/\\"/g, '"');
}

export const api = <T>(w: ActionWorld, url: string) => getJson<T>(w.admin, url);

/** Team A1's memberships as `id:role`, plus whether `email` shows up (as a member or a pending invitation). */
export async function membersSnapshot(w: ActionWorld, email?: string): Promise<{ members: string[]; mentionsEmail: boolean | null }> {
  const html = await adminPage(w, `/teams/${w.ids.teamId}/members`);
  const members = [...html.matchAll(/"membershipId":"([^"]+)","name":"[^"]*","role":"(\w+)"/g)].map((m) => `${m[1]}:${m[2]}`).sort();
  expect(members.length, "members page lists no memberships").toBeGreaterThan(3);
  return { members, mentionsEmail: email ? html.includes(email) : null };
}

/** Every API token of St Olav as `name: Active|Revoked`. */
export async function tokensSnapshot(w: ActionWorld): Promise<string[]> {
  const html = await adminPage(w, "/admin/api-tokens");
  const tokens = [...html.matchAll(/>([^<>]+)<span[^>]*>(Active|Revoked)<\/span>/g)].map((m) => `${m[1]}: ${m[2]}`).sort();
  expect(tokens.length, "token list is empty").toBeGreaterThan(0);
  return tokens;
}

/** A new API token for team A1, and its id (read from the revoke button on the token list). */
export async function freshToken(w: ActionWorld): Promise<string> {
  const name = w.unique("Matrix token");
  await run(w, "createApiTokenAction", { teamId: w.ids.teamId, name });
  const html = await adminPage(w, "/admin/api-tokens");
  const id = new RegExp(`"id":"([^"]+)","name":"${name}"`).exec(html)?.[1];
  if (!id) throw new Error(`no id for token ${name}`);
  return id;
}

/** An invitation to team A1 for a new address; returns the token from its link. */
export async function freshInvitation(w: ActionWorld, email = w.email("invitee"), role = "MEMBER"): Promise<{ token: string; email: string }> {
  const { url } = await run<{ url: string }>(w, "inviteMemberAction", { teamId: w.ids.teamId, email, role });
  return { token: url.split("/invite/")[1]!, email };
}

/** A new person who joined team A1 as a MEMBER (invited by the admin, accepted signed out); their name and the members page. */
async function joinTeamA1(w: ActionWorld): Promise<{ name: string; html: string }> {
  const { token } = await freshInvitation(w);
  const name = w.unique("Matrix Member");
  const anon = await callerContext(w.baseURL, null);
  try {
    await run(w, "acceptInvitationAction", { token, name, password: "matrix-password-1" }, anon);
  } finally {
    await anon.dispose();
  }
  return { name, html: await adminPage(w, `/teams/${w.ids.teamId}/members`) };
}

/** A new member of team A1; their membership id. */
export async function freshMember(w: ActionWorld): Promise<string> {
  const { name, html } = await joinTeamA1(w);
  const id = new RegExp(`"membershipId":"([^"]+)","name":"${name}"`).exec(html)?.[1];
  if (!id) throw new Error(`no membership for ${name}`);
  return id;
}

/** A new member of team A1; their user id (read from the account controls the org admin sees). */
export async function freshUser(w: ActionWorld): Promise<string> {
  const { name, html } = await joinTeamA1(w);
  const id = new RegExp(`"userId":"([^"]+)","name":"${name}"`).exec(html)?.[1];
  if (!id) throw new Error(`no account controls for ${name}`);
  return id;
}

/** Whether the members page shows the account of `userId` as deactivated (null: not listed). */
export async function accountSnapshot(w: ActionWorld, userId: string): Promise<{ deactivated: boolean | null }> {
  const html = await adminPage(w, `/teams/${w.ids.teamId}/members`);
  const flag = new RegExp(`"userId":"${userId}","name":"[^"]*","deactivated":(true|false)`).exec(html)?.[1];
  return { deactivated: flag === undefined ? null : flag === "true" };
}

/** A new draft version of the demo process, by the admin; its id. */
export async function freshDraft(w: ActionWorld): Promise<string> {
  const { versionId } = await run<{ versionId: string }>(w, "createDraftAction", { processId: w.ids.processId });
  return versionId;
}

/** A new observation in team A1, by the admin; its id. */
export async function freshObservation(w: ActionWorld): Promise<string> {
  const res = await apiWrite<{ observation: { id: string } }>(w, "post", "/api/v1/observations", { teamId: w.ids.teamId, kind: "idea", text: w.unique("Matrix observation") });
  return res.observation.id;
}

/** A new data point on the fixture measure, in a week no other cell uses; its id. */
export async function freshPoint(w: ActionWorld): Promise<string> {
  const n = w.seq();
  const res = await apiWrite<{ dataPoints: { id: string }[] }>(w, "post", `/api/v1/measures/${w.ids.fixtureMeasureId}/data-points`, { period: mondayAfter(n), value: n });
  return res.dataPoints[0]!.id;
}

/** The Monday n weeks after 6 January 2025: a week no other cell writes to. */
export function mondayAfter(n: number): string {
  return new Date(Date.UTC(2025, 0, 6) + n * 7 * 86_400_000).toISOString().slice(0, 10);
}

/** The admin's notifications as the /notifications page passes them to the browser: `id → read`. */
async function adminNotifications(w: ActionWorld): Promise<{ id: string; link: string; read: boolean }[]> {
  const html = await adminPage(w, "/notifications");
  return [...html.matchAll(/"id":"([^"]+)","title":"[^"]*","link":"([^"]*)","read":(true|false)/g)].map((m) => ({ id: m[1]!, link: m[2]!, read: m[3] === "true" }));
}

/** A new unread notification of the org admin (lead.cardio replies to a report the admin signed); its id. */
export async function freshNotification(w: ActionWorld): Promise<string> {
  const observationId = await freshObservation(w);
  const lead = await callerContext(w.baseURL, "lead.cardio@stolav.example");
  try {
    const res = await lead.post(`/api/v1/observations/${observationId}/comments`, { data: { body: w.unique("Matrix reply") }, headers: { Origin: w.baseURL } });
    expect(res.status(), `reply: ${(await res.text()).slice(0, 200)}`).toBe(201);
  } finally {
    await lead.dispose();
  }
  const id = (await adminNotifications(w)).find((n) => n.link.endsWith(`/observations/${observationId}`))?.id;
  if (!id) throw new Error(`no notification for observation ${observationId}`);
  return id;
}

/** Whether the admin's notification `id` is read. */
export async function notificationReadSnapshot(w: ActionWorld, id: string): Promise<boolean | null> {
  return (await adminNotifications(w)).find((n) => n.id === id)?.read ?? null;
}
