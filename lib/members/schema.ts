import { z } from "zod";

/** Roles a membership can be given on the members page (org admins are set on the user, not per team). */
export const ASSIGNABLE_ROLES = ["MANAGER", "LEAD", "MEMBER"] as const;

const id = z.string().min(1).max(64);

export const changeMemberRoleInput = z.object({
  teamId: id,
  membershipId: id,
  role: z.enum(ASSIGNABLE_ROLES),
});
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleInput>;

export const removeMemberInput = z.object({
  teamId: id,
  membershipId: id,
});
export type RemoveMemberInput = z.infer<typeof removeMemberInput>;

export const deactivateUserInput = z.object({
  userId: id,
});
export type DeactivateUserInput = z.infer<typeof deactivateUserInput>;

export const reactivateUserInput = z.object({
  userId: id,
});
export type ReactivateUserInput = z.infer<typeof reactivateUserInput>;

/** Where a request came from, for the audit trail. */
export type RequestOrigin = { ip?: string | null; userAgent?: string | null };
