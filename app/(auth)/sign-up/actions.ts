"use server";

import { publicAction } from "@/lib/actions/safe-action.ts";
import { signUp } from "@/lib/orgs/sign-up.ts";
import { signUpInput } from "@/lib/orgs/schema.ts";

/** Creates the organization, its first team and the admin account. The client signs in afterwards. */
export const signUpAction = publicAction.inputSchema(signUpInput).action(async ({ parsedInput }) => {
  const { teamId } = await signUp(parsedInput);
  return { teamId };
});
