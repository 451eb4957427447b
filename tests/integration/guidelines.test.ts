import { beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/context.ts";
import { callerFromSession } from "@/lib/auth/resolve-caller.ts";
import { createProcess } from "@/lib/guidelines/create-process.ts";
import { createDraftVersion } from "@/lib/guidelines/create-version.ts";
import { updateDraft } from "@/lib/guidelines/update-draft.ts";
import { changeVersionStatus } from "@/lib/guidelines/change-version-status.ts";
import { deviationAnalysis } from "@/lib/guidelines/deviation-analysis.ts";
import { getProcessWithHistory, getVersionDetail, listProcesses } from "@/lib/guidelines/queries.ts";
import { versionContentInput } from "@/lib/guidelines/schema.ts";
import { createObservation } from "@/lib/observations/create-observation.ts";
import { createObservationInput } from "@/lib/observations/schema.ts";
import { listGuidelineComments, replyToGuideline } from "@/lib/comments/guideline-comments.ts";
import { GET as listProcessesRoute } from "@/app/api/v1/processes/route.ts";
import { GET as getProcessRoute } from "@/app/api/v1/processes/[id]/route.ts";
import { call } from "./support/api.ts";
import { createApiTokenRow, createWorld, sessionCookie, testDb } from "./support/factories.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let lead: Caller;
let member: Caller;
let outsider: Caller;
const as = async (userId: string) => (await callerFromSession(userId, 0))!;
const content = (steps: { key?: string; title: string; detail?: string }[], extra: Record<string, unknown> = {}) =>
  versionContentInput.parse({ title: "Central line insertion", body: "Follow the steps.", steps, ...extra });

beforeAll(async () => {
  world = await createWorld();
  lead = await as(world.a.lead.id);
  member = await as(world.a.member.id);
  outsider = await as(world.b.lead.id);
});

describe("processes and versions", () => {
  it("takes a process from draft to adopted; adopting a new version retires the old and makes it current", async () => {
    const { processId, versionId: v1 } = await createProcess(lead, { teamId: world.teamA1.id, name: "Central line", description: "" });
    await updateDraft(lead, v1, content([{ title: "Wash hands" }, { title: "Checklist" }], { reviewBy: "2020-01-01" }));
    await changeVersionStatus(lead, { versionId: v1, status: "ADOPTED" });
    let history = await getProcessWithHistory(lead, processId);
    expect(history.process.currentVersionId).toBe(v1);
    expect(history.versions[0]).toMatchObject({ number: 1, status: "ADOPTED", overdue: true, current: true });
    expect(history.versions[0]?.adoptedAt).not.toBeNull();

    const { versionId: v2, number } = await createDraftVersion(member, { processId });
    expect(number).toBe(2);
    const draft = await getVersionDetail(member, processId, 2);
    expect(draft.version.steps.map((s) => s.key)).toEqual(["wash-hands", "checklist"]);
    // The proposer (a member) may edit their own draft, but not put it in use.
    await updateDraft(member, v2, content([{ key: "checklist", title: "Checklist with observer" }, { key: "wash-hands", title: "Wash hands" }, { title: "Sand timer" }]));
    await expect(changeVersionStatus(member, { versionId: v2, status: "TENTATIVE" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await changeVersionStatus(lead, { versionId: v2, status: "TENTATIVE" });
    history = await getProcessWithHistory(lead, processId);
    expect(history.process.currentVersionId).toBe(v2);
    expect(history.versions.map((v) => [v.number, v.status])).toEqual([
      [2, "TENTATIVE"],
      [1, "RETIRED"],
    ]);
    const steps = (await getVersionDetail(lead, processId, 2)).version.steps.map((s) => s.key);
    expect(steps).toEqual(["checklist", "wash-hands", "sand-timer"]);
    await expect(changeVersionStatus(lead, { versionId: v2, status: "RETIRED" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(changeVersionStatus(lead, { versionId: v1, status: "ADOPTED" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(updateDraft(lead, v2, content([{ title: "x" }]))).rejects.toMatchObject({ code: "CONFLICT" });
    const audit = await testDb().auditEvent.findMany({ where: { targetId: v2 }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["guideline.version.created", "guideline.version.status_changed"]));
    expect((await listProcesses(member, world.teamA1.id)).find((p) => p.id === processId)?.current?.number).toBe(2);
  });

  it("members cannot create processes or edit others' drafts; other organizations get 404", async () => {
    await expect(createProcess(member, { teamId: world.teamA1.id, name: "Nope", description: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { processId, versionId } = await createProcess(lead, { teamId: world.teamA1.id, name: "Handoff", description: "" });
    await expect(updateDraft(member, versionId, content([{ title: "x" }]))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getProcessWithHistory(outsider, processId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createDraftVersion(outsider, { processId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(changeVersionStatus(outsider, { versionId, status: "ADOPTED" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listProcesses(outsider, world.teamA1.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("threads on a version notify its author", async () => {
    const { versionId } = await createProcess(lead, { teamId: world.teamA1.id, name: "Hand hygiene", description: "" });
    const comment = await replyToGuideline(member, versionId, { body: "Step 2 is unclear at night", closesLoop: false });
    expect(comment.direction).toBe("up");
    expect((await listGuidelineComments(lead, versionId)).map((c) => c.body)).toEqual(["Step 2 is unclear at night"]);
    expect(await testDb().notification.count({ where: { userId: world.a.lead.id, title: { contains: "guideline version 1" } } })).toBe(1);
    await expect(replyToGuideline(outsider, versionId, { body: "x", closesLoop: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("what prompted a version", () => {
  it("links observations of the same team, and refuses others' with 404", async () => {
    const { processId, versionId } = await createProcess(lead, { teamId: world.teamA1.id, name: "Falls", description: "" });
    const mine = await createObservation(member, createObservationInput.parse({ teamId: world.teamA1.id, kind: "problem", text: "Fell at night" }));
    const otherTeamLead = await as(world.a.manager.id);
    const elsewhere = await createObservation(otherTeamLead, createObservationInput.parse({ teamId: world.teamA2.id, kind: "problem", text: "other ward" }));
    await updateDraft(lead, versionId, content([{ title: "Rails up" }], { promptedByObservationIds: [mine.observation.id] }));
    expect((await getVersionDetail(lead, processId, 1)).version.prompts.map((p) => p.text)).toEqual(["Fell at night"]);
    await expect(updateDraft(lead, versionId, content([{ title: "Rails up" }], { promptedByObservationIds: [elsewhere.observation.id] }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await updateDraft(lead, versionId, content([{ title: "Rails up" }]));
    expect((await getVersionDetail(lead, processId, 1)).version.prompts).toEqual([]);
  });
});

describe("deviation analysis", () => {
  it("counts deviations per version and step, groups reasons, and ranks the revision queue by step key", async () => {
    const { processId, versionId: v1 } = await createProcess(lead, { teamId: world.teamA1.id, name: "Discharge", description: "" });
    await updateDraft(lead, v1, content([{ title: "Criteria" }, { title: "Medication" }, { title: "Follow-up" }]));
    await changeVersionStatus(lead, { versionId: v1, status: "ADOPTED" });
    const stepsV1 = (await getVersionDetail(lead, processId, 1)).version.steps;
    const deviate = (stepId: string, reason: string) =>
      createObservation(member, createObservationInput.parse({ teamId: world.teamA1.id, kind: "deviation", text: "deviated", stepId, deviationReason: reason }));
    await deviate(stepsV1[1]!.id, "Pharmacy closed");
    await deviate(stepsV1[1]!.id, "pharmacy closed.");
    await deviate(stepsV1[2]!.id, "No GP listed");
    const { versionId: v2 } = await createDraftVersion(lead, { processId });
    await changeVersionStatus(lead, { versionId: v2, status: "ADOPTED" });
    const stepsV2 = (await getVersionDetail(lead, processId, 2)).version.steps;
    await deviate(stepsV2[1]!.id, "Pharmacy closed");

    const analysis = await deviationAnalysis(lead, processId);
    const first = analysis.versions.find((v) => v.number === 1)!;
    expect(first.total).toBe(3);
    expect(first.steps.map((s) => s.count)).toEqual([0, 2, 1]);
    expect(first.steps[1]?.reasons).toEqual([{ reason: "Pharmacy closed", count: 2 }]);
    expect(analysis.versions.find((v) => v.number === 2)?.total).toBe(1);
    expect(analysis.revisionQueue.map((q) => [q.key, q.count])).toEqual([
      ["medication", 3],
      ["follow-up", 1],
    ]);
    await expect(deviationAnalysis(outsider, processId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("processes API", () => {
  it("lists processes and returns the current version's steps; 404 across organizations", async () => {
    const { processId, versionId } = await createProcess(lead, { teamId: world.teamA1.id, name: "API process", description: "d" });
    await updateDraft(lead, versionId, content([{ title: "One" }, { title: "Two" }]));
    await changeVersionStatus(lead, { versionId, status: "ADOPTED" });
    const { token } = await createApiTokenRow(world.orgA.id, world.teamA1.id);
    const list = await call(listProcessesRoute, { bearer: token, path: `/api/v1/processes?teamId=${world.teamA1.id}` });
    expect(list.status).toBe(200);
    expect(list.body.processes.find((p: { id: string }) => p.id === processId)).toMatchObject({ name: "API process", currentVersion: { number: 1, status: "adopted" } });
    const one = await call(getProcessRoute, { bearer: token, params: { id: processId } });
    expect(one.body.process.currentVersion.steps.map((s: { key: string }) => s.key)).toEqual(["one", "two"]);
    const outsider = await sessionCookie(world.b.admin.id);
    expect((await call(getProcessRoute, { cookie: outsider, params: { id: processId } })).status).toBe(404);
    expect((await call(listProcessesRoute, { cookie: outsider, path: `/api/v1/processes?teamId=${world.teamA1.id}` })).status).toBe(404);
  });
});
