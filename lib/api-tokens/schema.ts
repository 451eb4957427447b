import { z } from "zod";

export const createApiTokenInput = z.object({
  teamId: z.string().min(1).max(64),
  name: z.string().trim().min(2, "Give the token a name of at least 2 characters.").max(80),
  expiresInDays: z.coerce.number().int().min(1).max(730).optional(),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenInput>;
