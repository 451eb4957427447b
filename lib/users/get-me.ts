import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { roleInTeam } from "@/lib/auth/guard.ts";

export type MeDto = {
  id: string | null;
  name: string;
  email: string | null;
  kind: "user" | "api_token";
  organization: { id: string; name: string; slug: string };
  isOrgAdmin: boolean;
  teams: { id: string; name: string; role: string }[];
};

export async function getMe(caller: Caller): Promise<MeDto> {
  const db = getDb();
  const org = await db.organization.findUniqueOrThrow({ where: { id: caller.orgId }, select: { id: true, name: true, slug: true } });
  const teams = await db.team.findMany({
    where: { organizationId: caller.orgId, id: { in: caller.teams.map((t) => t.teamId) } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  return {
    id: caller.userId ?? caller.tokenId,
    name: caller.name,
    email: caller.email,
    kind: caller.tokenId ? "api_token" : "user",
    organization: org,
    isOrgAdmin: caller.isOrgAdmin,
    teams: teams.map((t) => ({ id: t.id, name: t.name, role: roleInTeam(caller, t.id) ?? "MEMBER" })),
  };
}
