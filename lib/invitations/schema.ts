import { z } from "zod";
import { emailSchema, passwordSchema, personNameSchema } from "@/lib/orgs/schema.ts";

export const INVITATION_DAYS = 7;

export const createInvitationInput = z.object({
  teamId: z.string().min(1).max(64),
  email: emailSchema,
  role: z.enum(["MANAGER", "LEAD", "MEMBER"]),
});
export type CreateInvitationInput = z.infer<typeof createInvitationInput>;

export const invitationTokenSchema = z.string().trim().min(20).max(100);

export const acceptInvitationInput = z.object({
  token: invitationTokenSchema,
  name: personNameSchema,
  password: passwordSchema,
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInput>;
