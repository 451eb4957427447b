"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/actions/safe-action.ts";
import { createApiToken } from "@/lib/api-tokens/create-api-token.ts";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token.ts";
import { createApiTokenInput } from "@/lib/api-tokens/schema.ts";

/** Creates a team token. The plain token is returned once and never stored. */
export const createApiTokenAction = authedAction.inputSchema(createApiTokenInput).action(async ({ parsedInput, ctx }) => {
  const { token, apiToken } = await createApiToken(ctx.caller, parsedInput);
  revalidatePath("/admin/api-tokens");
  return { token, name: apiToken.name };
});

export const revokeApiTokenAction = authedAction
  .inputSchema(z.object({ id: z.string().min(1).max(64) }))
  .action(async ({ parsedInput, ctx }) => {
    await revokeApiToken(ctx.caller, parsedInput.id);
    revalidatePath("/admin/api-tokens");
    return { revoked: true };
  });
