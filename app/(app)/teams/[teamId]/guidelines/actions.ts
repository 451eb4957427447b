"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/actions/safe-action.ts";
import { createProcess } from "@/lib/guidelines/create-process.ts";
import { createDraftVersion } from "@/lib/guidelines/create-version.ts";
import { updateDraft } from "@/lib/guidelines/update-draft.ts";
import { changeVersionStatus } from "@/lib/guidelines/change-version-status.ts";
import { changeStatusInput, createProcessInput, versionContentInput } from "@/lib/guidelines/schema.ts";
import { replyToGuideline } from "@/lib/comments/guideline-comments.ts";
import { createCommentInput } from "@/lib/comments/schema.ts";

const id = z.string().min(1).max(64);
const revalidateGuidelines = () => revalidatePath("/teams/[teamId]/guidelines", "layout");

export const createProcessAction = authedAction.inputSchema(createProcessInput).action(async ({ parsedInput, ctx }) => {
  const result = await createProcess(ctx.caller, parsedInput);
  revalidateGuidelines();
  return result;
});

export const createDraftAction = authedAction.inputSchema(z.object({ processId: id, fromVersionId: id.nullish() })).action(async ({ parsedInput, ctx }) => {
  const result = await createDraftVersion(ctx.caller, { processId: parsedInput.processId, fromVersionId: parsedInput.fromVersionId ?? null });
  revalidateGuidelines();
  return result;
});

export const updateDraftAction = authedAction.inputSchema(versionContentInput.extend({ versionId: id })).action(async ({ parsedInput: { versionId, ...content }, ctx }) => {
  await updateDraft(ctx.caller, versionId, content);
  revalidateGuidelines();
  return { ok: true };
});

export const changeStatusAction = authedAction.inputSchema(changeStatusInput).action(async ({ parsedInput, ctx }) => {
  const result = await changeVersionStatus(ctx.caller, parsedInput);
  revalidateGuidelines();
  return result;
});

export const guidelineReplyAction = authedAction.inputSchema(createCommentInput.extend({ versionId: id })).action(async ({ parsedInput: { versionId, ...input }, ctx }) => {
  const comment = await replyToGuideline(ctx.caller, versionId, input);
  revalidateGuidelines();
  return { id: comment.id };
});
