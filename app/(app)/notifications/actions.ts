"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action.ts";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read.ts";
import { markNotificationsReadInput } from "@/lib/notifications/schema.ts";

/** Marks one of the caller's notifications (`{ id }`) or all of them (`{ all: true }`) as read. */
export const markNotificationsReadAction = authedAction.inputSchema(markNotificationsReadInput).action(async ({ parsedInput, ctx }) => {
  const result = await markNotificationsRead(ctx.caller, parsedInput);
  // The bell lives in the shared layout: refresh it along with whichever page is open.
  revalidatePath("/", "layout");
  return result;
});
