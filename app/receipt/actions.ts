"use server";

import { z } from "zod";
import { publicAction } from "@/lib/actions/safe-action.ts";
import { lookupReceipt } from "@/lib/observations/lookup-receipt.ts";

/** Receipt look-up without signing in: a POST, so the code never lands in URLs or server logs. */
export const lookupReceiptAction = publicAction
  .inputSchema(z.object({ code: z.string().trim().min(1, "Enter your receipt code.").max(40) }))
  .action(async ({ parsedInput }) => ({ receipt: await lookupReceipt(parsedInput.code) }));
