import "server-only";
import type { Caller } from "@/lib/auth/context.ts";
import { roleInTeam } from "@/lib/auth/guard.ts";
import type { Role } from "@/lib/auth/permissions.ts";
import type { TeamDto } from "./schema.ts";

export const teamSelect = {
  id: true,
  name: true,
  slug: true,
  description: true,
  createdAt: true,
  _count: { select: { memberships: true } },
} as const;

type TeamRow = { id: string; name: string; slug: string; description: string; createdAt: Date; _count: { memberships: number } };

export function toTeamDto(row: TeamRow, caller: Caller): TeamDto {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    role: roleInTeam(caller, row.id) as Role,
    memberCount: row._count.memberships,
    createdAt: row.createdAt.toISOString(),
  };
}
