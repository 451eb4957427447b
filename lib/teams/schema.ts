import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions.ts";
import { paginationQuery } from "@/lib/api/pagination.ts";

export const teamIdSchema = z.string().min(1).max(64);

export const listTeamsQuery = paginationQuery.extend({
  q: z.string().trim().max(100).optional(),
});
export type ListTeamsQuery = z.infer<typeof listTeamsQuery>;

export const createTeamInput = z.object({
  name: z.string().trim().min(2, "Team name needs at least 2 characters.").max(80),
  description: z.string().trim().max(500).default(""),
});
export type CreateTeamInput = z.infer<typeof createTeamInput>;

export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  role: z.enum(ROLES),
  memberCount: z.number().int(),
  createdAt: z.string(),
});
export type TeamDto = z.infer<typeof teamSchema>;
