// The written policy for server actions (docs/security/access-policy.md, "Pages and server
// actions") as data: one entry per exported action of a "use server" file under app/.
// access-actions.spec.ts fails when an action on disk has no entry here, or an entry no action.
import { can, type Permission } from "@/lib/auth/permissions.ts";
import { DEMO_RECEIPT_CODE } from "@/lib/db/seed/logins.ts";
import type { CallerKind } from "./callers.ts";
import { ROLE_IN_A1 } from "./page-policy.ts";
import { accountSnapshot, adminPage, api, freshDraft, freshInvitation, freshMember, freshNotification, freshObservation, freshPoint, freshToken, freshUser, membersSnapshot, mondayAfter, notificationReadSnapshot, run, tokensSnapshot, type ActionWorld } from "./action-world.ts";

export type ActionKind = "success" | "unauthorized" | "not-found" | "forbidden";

/**
 * team — needs `permission` in team A1, whose ids the input names: other organizations get
 *   not-found, roles without it forbidden, signed-out callers unauthorized ("sign in again").
 * org-admin — organization admins only (requireOrgAdmin); the input names an org A row.
 * public — no caller needed; `outcome` when the answer is the same denial for everyone.
 * own — a row that belongs to one person (`owner`): everyone else gets not-found, signed-out callers unauthorized.
 */
export type ActionAccess = { kind: "team"; permission: Permission } | { kind: "org-admin" } | { kind: "public"; outcome?: ActionKind } | { kind: "own"; owner: CallerKind };

export type ActionPolicyEntry = {
  file: string;
  name: string;
  access: ActionAccess;
  /** Writes are read back before and after every denied call. */
  write: boolean;
  /** The action's single argument, built fresh for each cell (new targets where a success would use one up). */
  input: (w: ActionWorld) => Promise<unknown> | unknown;
  /** What a denied call must leave unchanged, read as the org admin through the API or a page. */
  snapshot?: (w: ActionWorld, input: unknown) => Promise<unknown>;
};

const team = (permission: Permission): ActionAccess => ({ kind: "team", permission });
type Rec = Record<string, string>;
const measure = (w: ActionWorld) => api(w, `/api/v1/measures/${w.ids.fixtureMeasureId}`);
const points = (w: ActionWorld) => api(w, `/api/v1/measures/${w.ids.fixtureMeasureId}/data-points`);
const processHistory = (w: ActionWorld) => api(w, `/api/v1/processes/${w.ids.processId}`);
const observation = (id: string) => (w: ActionWorld) => api(w, `/api/v1/observations/${id}`);
const mentions = async (w: ActionWorld, url: string, text: string) => (await adminPage(w, url)).includes(text);
/** The entry's own team A1 member, made once, with their account active or deactivated. */
async function accountIn(w: ActionWorld, key: string, deactivated: boolean): Promise<string> {
  const memo = `account:${key}`;
  if (!w.memo.has(memo)) w.memo.set(memo, freshUser(w));
  const userId = (await w.memo.get(memo)) as string;
  await run(w, deactivated ? "deactivateUserAction" : "reactivateUserAction", { userId });
  return userId;
}

const G = "app/(app)/teams/[teamId]/guidelines/actions.ts";
const M = "app/(app)/teams/[teamId]/measures/actions.ts";
const MEM = "app/(app)/teams/[teamId]/members/actions.ts";
const O = "app/(app)/teams/[teamId]/observations/actions.ts";
const T = "app/(app)/admin/api-tokens/actions.ts";
const INV = "app/(auth)/invite/[token]/actions.ts";

export const ACTION_POLICY: ActionPolicyEntry[] = [
  // API tokens (admin page)
  {
    file: T,
    name: "createApiTokenAction",
    access: team("create:api-token"),
    write: true,
    input: (w) => ({ teamId: w.ids.teamId, name: w.unique("Matrix token") }),
    snapshot: (w) => tokensSnapshot(w),
  },
  { file: T, name: "revokeApiTokenAction", access: { kind: "org-admin" }, write: true, input: async (w) => ({ id: await freshToken(w) }), snapshot: (w) => tokensSnapshot(w) },

  // Guidelines
  {
    file: G,
    name: "createProcessAction",
    access: team("edit:guideline"),
    write: true,
    input: (w) => ({ teamId: w.ids.teamId, name: w.unique("Matrix process") }),
    snapshot: (w) => api(w, `/api/v1/processes?teamId=${w.ids.teamId}`),
  },
  { file: G, name: "createDraftAction", access: team("propose:guideline"), write: true, input: (w) => ({ processId: w.ids.processId }), snapshot: processHistory },
  {
    file: G,
    name: "updateDraftAction",
    // Non-leads may edit only drafts they proposed; this draft is the admin's.
    access: team("edit:guideline"),
    write: true,
    input: async (w) => ({ versionId: await freshDraft(w), title: w.unique("Matrix draft"), steps: [{ title: "Check the line" }] }),
    snapshot: processHistory,
  },
  { file: G, name: "changeStatusAction", access: team("edit:guideline"), write: true, input: async (w) => ({ versionId: await freshDraft(w), status: "RETIRED" }), snapshot: processHistory },
  {
    file: G,
    name: "guidelineReplyAction",
    access: team("create:comment"),
    write: true,
    input: (w) => ({ versionId: w.ids.versionId, body: w.unique("Matrix guideline reply") }),
    snapshot: (w, input) => mentions(w, `/teams/${w.ids.teamId}/guidelines/${w.ids.processId}/versions/${w.ids.versionNumber}`, (input as Rec).body!),
  },

  // Measures
  {
    file: M,
    name: "createMeasureAction",
    access: team("edit:measure"),
    write: true,
    input: (w) => ({ teamId: w.ids.teamId, name: w.unique("Matrix measure"), type: "COUNT", direction: "DOWN", frequency: "WEEKLY" }),
    snapshot: (w, input) => api(w, `/api/v1/measures?teamId=${w.ids.teamId}&q=${encodeURIComponent((input as Rec).name!)}`),
  },
  {
    file: M,
    name: "recordPointAction",
    access: team("create:data-point"),
    write: true,
    input: (w) => ({ measureId: w.ids.fixtureMeasureId, point: { period: mondayAfter(w.seq()), value: 9 }, source: "MANUAL" }),
    snapshot: points,
  },
  {
    file: M,
    name: "importCsvAction",
    access: team("create:data-point"),
    write: true,
    input: (w) => ({ measureId: w.ids.fixtureMeasureId, csv: `date,value,note\n${mondayAfter(w.seq())},3,\n${mondayAfter(w.seq())},4,ok\n`, preview: false }),
    snapshot: points,
  },
  {
    file: M,
    name: "editPointAction",
    access: team("edit:data-point"),
    write: true,
    input: (w) => ({ measureId: w.ids.fixtureMeasureId, pointId: w.ids.fixturePointId, value: 11, note: w.unique("recount") }),
    snapshot: points,
  },
  {
    file: M,
    name: "deletePointAction",
    access: team("edit:data-point"),
    write: true,
    input: async (w) => ({ measureId: w.ids.fixtureMeasureId, pointId: await freshPoint(w) }),
    snapshot: points,
  },
  {
    file: M,
    name: "updateMeasureAction",
    access: team("edit:measure"),
    write: true,
    input: (w) => ({ measureId: w.ids.fixtureMeasureId, changes: { name: w.unique("Renamed measure") } }),
    snapshot: measure,
  },

  // Members
  {
    file: MEM,
    name: "inviteMemberAction",
    access: team("invite:member"),
    write: true,
    input: (w) => ({ teamId: w.ids.teamId, email: w.email("invitee"), role: "MEMBER" }),
    snapshot: (w, input) => membersSnapshot(w, (input as Rec).email),
  },
  {
    file: MEM,
    name: "changeMemberRoleAction",
    access: team("invite:member"),
    write: true,
    input: async (w) => ({ teamId: w.ids.teamId, membershipId: await freshMember(w), role: "LEAD" }),
    snapshot: (w) => membersSnapshot(w),
  },
  {
    file: MEM,
    name: "removeMemberAction",
    access: team("invite:member"),
    write: true,
    input: async (w) => ({ teamId: w.ids.teamId, membershipId: await freshMember(w) }),
    snapshot: (w) => membersSnapshot(w),
  },
  // One person per entry (invitations are rate limited per inviter), put back in the starting state
  // before each cell through the opposite action, which is idempotent.
  {
    file: MEM,
    name: "deactivateUserAction",
    access: { kind: "org-admin" },
    write: true,
    input: async (w) => ({ userId: await accountIn(w, "deactivate", false) }),
    snapshot: (w, input) => accountSnapshot(w, (input as Rec).userId!),
  },
  {
    file: MEM,
    name: "reactivateUserAction",
    access: { kind: "org-admin" },
    write: true,
    input: async (w) => ({ userId: await accountIn(w, "reactivate", true) }),
    snapshot: (w, input) => accountSnapshot(w, (input as Rec).userId!),
  },

  // Observations
  {
    file: O,
    name: "bulkStatusAction",
    access: team("triage:observation"),
    write: true,
    input: async (w) => ({ ids: [await freshObservation(w)], status: "acknowledged" }),
    snapshot: (w, input) => observation((input as { ids: string[] }).ids[0]!)(w),
  },
  {
    file: O,
    name: "triageAction",
    access: team("triage:observation"),
    write: true,
    input: async (w) => ({ id: await freshObservation(w), status: "acted" }),
    snapshot: (w, input) => observation((input as Rec).id!)(w),
  },
  {
    file: O,
    name: "replyAction",
    access: team("create:comment"),
    write: true,
    input: (w) => ({ observationId: w.ids.fixtureObservationId, body: w.unique("Matrix reply") }),
    snapshot: (w) => api(w, `/api/v1/observations/${w.ids.fixtureObservationId}/comments`),
  },

  // Notifications: the input names one of the org admin's own notifications.
  {
    file: "app/(app)/notifications/actions.ts",
    name: "markNotificationsReadAction",
    access: { kind: "own", owner: "ADMIN" },
    write: true,
    input: async (w) => ({ id: await freshNotification(w) }),
    snapshot: (w, input) => notificationReadSnapshot(w, (input as Rec).id!),
  },

  // Public actions: the token or code is the credential, not the session.
  {
    file: INV,
    name: "acceptInvitationAction",
    access: { kind: "public" },
    write: true,
    input: async (w) => ({ token: (await freshInvitation(w)).token, name: w.unique("Invitee"), password: "matrix-password-1" }),
  },
  {
    file: INV,
    name: "acceptAsSignedInAction",
    // The invitation is for lead.ed@stolav.example, who is none of the callers: only they may accept.
    access: { kind: "public", outcome: "unauthorized" },
    write: true,
    input: async (w) => {
      if (!w.memo.has("lead.ed")) w.memo.set("lead.ed", freshInvitation(w, "lead.ed@stolav.example", "LEAD"));
      return { token: ((await w.memo.get("lead.ed")) as { token: string }).token };
    },
    snapshot: (w) => membersSnapshot(w, "lead.ed@stolav.example"),
  },
  {
    file: "app/(auth)/sign-up/actions.ts",
    name: "signUpAction",
    access: { kind: "public" },
    write: true,
    input: (w) => ({ name: "Matrix Founder", email: w.email("founder", "matrix.example"), password: "matrix-password-1", organizationName: w.unique("Matrix Org") }),
  },
  { file: "app/receipt/actions.ts", name: "lookupReceiptAction", access: { kind: "public" }, write: false, input: () => ({ code: DEMO_RECEIPT_CODE }) },
];

/** What the written policy says a caller gets from an action. */
export function expectedAction(entry: ActionPolicyEntry, caller: CallerKind): ActionKind {
  const { access } = entry;
  if (access.kind === "public") return access.outcome ?? "success";
  if (caller === "SIGNED_OUT") return "unauthorized";
  if (access.kind === "own") return caller === access.owner ? "success" : "not-found";
  if (access.kind === "org-admin") return caller === "ADMIN" ? "success" : caller === "OTHER_ORG" ? "not-found" : "forbidden";
  const role = ROLE_IN_A1[caller];
  if (!role) return "not-found";
  return can(role, access.permission) ? "success" : "forbidden";
}

export const actionKey = (file: string, name: string) => `${file}#${name}`;
