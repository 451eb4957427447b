"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action.ts";
import { createInvitation } from "@/lib/invitations/create-invitation.ts";
import { createInvitationInput } from "@/lib/invitations/schema.ts";
import { changeMemberRole } from "@/lib/members/change-member-role.ts";
import { deactivateUser } from "@/lib/members/deactivate-user.ts";
import { reactivateUser } from "@/lib/members/reactivate-user.ts";
import { removeMember } from "@/lib/members/remove-member.ts";
import { changeMemberRoleInput, deactivateUserInput, reactivateUserInput, removeMemberInput, type RequestOrigin } from "@/lib/members/schema.ts";

/** The origin the person is using, so the link they copy opens the same site. */
async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || "localhost";
  const forwardedProto = h.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const local = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host);
  const proto = forwardedProto === "http" || forwardedProto === "https" ? forwardedProto : local ? "http" : "https";
  return `${proto}://${host}`;
}

/** Invites someone to the team and returns the link to pass on (shown once: only its hash is stored). */
export const inviteMemberAction = authedAction.inputSchema(createInvitationInput).action(async ({ parsedInput, ctx }) => {
  const baseUrl = await requestOrigin();
  const { invitation, path, emailed } = await createInvitation(ctx.caller, parsedInput, { baseUrl });
  revalidatePath(`/teams/${invitation.teamId}/members`);
  return { url: `${baseUrl}${path}`, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt, emailed };
});

/** Where the request came from, for the audit trail. */
async function requestMeta(): Promise<RequestOrigin> {
  const h = await headers();
  return { ip: h.get("x-forwarded-for")?.split(",")[0]?.trim() || null, userAgent: h.get("user-agent") };
}

/** Changes a member's role in the team (org admins: any; team managers: LEAD↔MEMBER). */
export const changeMemberRoleAction = authedAction.inputSchema(changeMemberRoleInput).action(async ({ parsedInput, ctx }) => {
  const result = await changeMemberRole(ctx.caller, parsedInput, await requestMeta());
  revalidatePath(`/teams/${parsedInput.teamId}/members`);
  return result;
});

/** Removes someone from the team; their account stays. */
export const removeMemberAction = authedAction.inputSchema(removeMemberInput).action(async ({ parsedInput, ctx }) => {
  const result = await removeMember(ctx.caller, parsedInput, await requestMeta());
  revalidatePath(`/teams/${parsedInput.teamId}/members`);
  return result;
});

// An account is organization-wide and shows on the members page of every team the person is in.
// (The route as Next.js tags it: with its group, as the page's file path has it.)
const MEMBERS_PAGES = "/(app)/teams/[teamId]/members";

/** Deactivates a person's account (org admins only): they cannot sign in, their records stay. */
export const deactivateUserAction = authedAction.inputSchema(deactivateUserInput).action(async ({ parsedInput, ctx }) => {
  const result = await deactivateUser(ctx.caller, parsedInput, await requestMeta());
  revalidatePath(MEMBERS_PAGES, "page");
  return result;
});

/** Lets a deactivated person sign in again (org admins only). */
export const reactivateUserAction = authedAction.inputSchema(reactivateUserInput).action(async ({ parsedInput, ctx }) => {
  const result = await reactivateUser(ctx.caller, parsedInput, await requestMeta());
  revalidatePath(MEMBERS_PAGES, "page");
  return result;
});
