import "server-only";
import { createSafeActionClient } from "next-safe-action";
import { isAppError } from "@/lib/errors.ts";
import { getSessionCaller } from "@/lib/auth/session.ts";
import { AppError } from "@/lib/errors.ts";
import { isInvalidTextEncoding } from "@/lib/api/handler.ts";

/**
 * Server actions go through these clients only. `publicAction` has no caller (sign-up, accepting an
 * invitation); `authedAction` puts the re-checked caller in `ctx`. A typed AppError reaches the
 * form as `serverError` with its safe message; anything else is logged and shown generically.
 */
export const publicAction = createSafeActionClient({
  handleServerError(error) {
    if (isAppError(error)) return error.message;
    if (isInvalidTextEncoding(error)) return "Text may not contain NUL characters.";
    console.error("action: unexpected error", error);
    return "Something went wrong on our side. Please try again.";
  },
});

export const authedAction = publicAction.use(async ({ next }) => {
  const caller = await getSessionCaller();
  if (!caller) throw new AppError("UNAUTHORIZED", "Your session has ended. Sign in again.");
  return next({ ctx: { caller } });
});
