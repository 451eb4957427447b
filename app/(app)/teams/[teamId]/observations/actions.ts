"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/actions/safe-action.ts";
import { replyToObservation } from "@/lib/comments/observation-comments.ts";
import { createCommentInput } from "@/lib/comments/schema.ts";
import { bulkUpdateStatus, triageObservation } from "@/lib/observations/triage-observation.ts";
import { bulkStatusInput, triageObservationInput } from "@/lib/observations/schema.ts";

export const bulkStatusAction = authedAction.inputSchema(bulkStatusInput).action(async ({ parsedInput, ctx }) => {
  const result = await bulkUpdateStatus(ctx.caller, parsedInput);
  revalidatePath("/teams/[teamId]/observations", "page");
  return result;
});

export const triageAction = authedAction
  .inputSchema(triageObservationInput.extend({ id: z.string().min(1).max(64) }))
  .action(async ({ parsedInput: { id, ...input }, ctx }) => {
    const observation = await triageObservation(ctx.caller, id, input);
    revalidatePath(`/teams/${observation.teamId}/observations/${observation.id}`);
    return { status: observation.status };
  });

export const replyAction = authedAction
  .inputSchema(createCommentInput.extend({ observationId: z.string().min(1).max(64) }))
  .action(async ({ parsedInput: { observationId, ...input }, ctx }) => {
    const comment = await replyToObservation(ctx.caller, observationId, input);
    revalidatePath("/teams/[teamId]/observations/[observationId]", "page");
    return { id: comment.id };
  });
