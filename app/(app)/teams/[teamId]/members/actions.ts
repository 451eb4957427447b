"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action.ts";
import { createInvitation } from "@/lib/invitations/create-invitation.ts";
import { createInvitationInput } from "@/lib/invitations/schema.ts";

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
