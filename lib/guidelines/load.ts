import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { readableTeamIds, teamContext } from "@/lib/auth/guard.ts";
import type { Permission } from "@/lib/auth/permissions.ts";
import { notFound } from "@/lib/errors.ts";

/** A process the caller can see, with the team context for `permission` (404 / 403 otherwise). */
export async function getProcessOrThrow(caller: Caller, id: string, permission: Permission) {
  const row = await getDb().process.findFirst({
    where: { id, organizationId: caller.orgId, teamId: { in: readableTeamIds(caller) } },
    select: { id: true, teamId: true, name: true, slug: true, description: true, currentVersionId: true },
  });
  if (!row) throw notFound("Process not found.");
  return { process: row, ctx: teamContext(caller, row.teamId, permission) };
}

/** A guideline version the caller can see, with its process's team context for `permission`. */
export async function getVersionOrThrow(caller: Caller, id: string, permission: Permission) {
  const row = await getDb().guidelineVersion.findFirst({
    where: { id, organizationId: caller.orgId, process: { teamId: { in: readableTeamIds(caller) } } },
    select: { id: true, number: true, status: true, authorId: true, processId: true, process: { select: { teamId: true, currentVersionId: true } } },
  });
  if (!row) throw notFound("Guideline version not found.");
  return { version: row, ctx: teamContext(caller, row.process.teamId, permission) };
}
