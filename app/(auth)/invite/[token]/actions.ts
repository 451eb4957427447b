"use server";

import { z } from "zod";
import { publicAction } from "@/lib/actions/safe-action.ts";
import { getSessionCaller } from "@/lib/auth/session.ts";
import { acceptInvitation } from "@/lib/invitations/accept-invitation.ts";
import { acceptInvitationInput, invitationTokenSchema } from "@/lib/invitations/schema.ts";

/** A new person accepts: creates the account and the membership. The client signs in afterwards. */
export const acceptInvitationAction = publicAction.inputSchema(acceptInvitationInput).action(async ({ parsedInput }) => {
  const result = await acceptInvitation(parsedInput, await getSessionCaller());
  return { teamId: result.teamId, email: result.email };
});

/** Someone who already has an account accepts while signed in as that account. */
export const acceptAsSignedInAction = publicAction
  .inputSchema(z.object({ token: invitationTokenSchema }))
  .action(async ({ parsedInput }) => {
    const result = await acceptInvitation(parsedInput, await getSessionCaller());
    return { teamId: result.teamId };
  });
