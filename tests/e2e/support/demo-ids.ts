// Ids of the seeded demo data, read at run time through the API as St Olav's org admin (they are
// random per seed). Team A1 is Cardiology Ward 7; ED is a St Olav team the lead and nurse are not in.
import { expect, type APIRequestContext } from "@playwright/test";

export type DemoIds = {
  teamId: string;
  edTeamId: string;
  processId: string;
  /** The process's current version (not a draft). */
  versionId: string;
  versionNumber: number;
  measureId: string;
  observationId: string;
  /** A pending invitation to team A1 (set by the spec that creates one). */
  invitationToken: string;
};

export async function getJson<T>(ctx: APIRequestContext, url: string): Promise<T> {
  const res = await ctx.get(url);
  expect(res.status(), `GET ${url}: ${(await res.text()).slice(0, 200)}`).toBe(200);
  return (await res.json()) as T;
}

type Team = { id: string; name: string };
type Process = { id: string; name: string; currentVersion: { id: string; number: number } | null };

export async function loadDemoIds(admin: APIRequestContext): Promise<Omit<DemoIds, "invitationToken">> {
  const { teams } = await getJson<{ teams: Team[] }>(admin, "/api/v1/teams");
  const teamId = teams.find((t) => t.name === "Cardiology Ward 7")?.id;
  const edTeamId = teams.find((t) => t.name === "Emergency Department")?.id;
  if (!teamId || !edTeamId) throw new Error("demo teams not found");
  const { processes } = await getJson<{ processes: Process[] }>(admin, `/api/v1/processes?teamId=${teamId}`);
  // Compare needs two versions: version 1 and a later current one.
  const process = processes.find((p) => (p.currentVersion?.number ?? 0) > 1);
  if (!process?.currentVersion) throw new Error("no demo process with two versions");
  const { measures } = await getJson<{ measures: { id: string }[] }>(admin, `/api/v1/measures?teamId=${teamId}`);
  const { observations } = await getJson<{ observations: { id: string }[] }>(admin, `/api/v1/observations?teamId=${teamId}&limit=1`);
  if (!measures[0] || !observations[0]) throw new Error("no demo measure or observation");
  return {
    teamId,
    edTeamId,
    processId: process.id,
    versionId: process.currentVersion.id,
    versionNumber: process.currentVersion.number,
    measureId: measures[0].id,
    observationId: observations[0].id,
  };
}
