import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { teamContext } from "@/lib/auth/guard.ts";
import { AppError } from "@/lib/errors.ts";
import { recordAuditEvent } from "@/lib/audit/record-audit-event.ts";
import { measureSelect, toMeasureDto } from "./queries.ts";
import type { CreateMeasureInput, MeasureDto } from "./schema.ts";

/** Checks that a process and an owner belong to the same organization and team as the measure. */
export async function checkLinks(orgId: string, teamId: string, links: { processId?: string | null; ownerId?: string | null }) {
  const db = getDb();
  if (links.processId) {
    const process = await db.process.findFirst({ where: { id: links.processId, organizationId: orgId, teamId }, select: { id: true } });
    if (!process) throw new AppError("UNPROCESSABLE", "That process is not one of this team's processes.");
  }
  if (links.ownerId) {
    const owner = await db.user.findFirst({
      where: { id: links.ownerId, organizationId: orgId, OR: [{ memberships: { some: { teamId } } }, { orgRole: "ADMIN" }] },
      select: { id: true },
    });
    if (!owner) throw new AppError("UNPROCESSABLE", "The owner must be a member of this team.");
  }
}

export async function createMeasure(caller: Caller, input: CreateMeasureInput): Promise<MeasureDto> {
  const ctx = teamContext(caller, input.teamId, "edit:measure");
  // Default owner: the person creating it (an API token has no person).
  const ownerId = input.ownerId ?? ctx.userId;
  await checkLinks(ctx.orgId, ctx.teamId, { processId: input.processId, ownerId });
  const row = await getDb().measure.create({
    data: {
      organizationId: ctx.orgId,
      teamId: ctx.teamId,
      processId: input.processId,
      name: input.name,
      definition: input.definition,
      type: input.type,
      direction: input.direction,
      target: input.target,
      unit: input.unit,
      frequency: input.frequency,
      label: input.label,
      ownerId,
    },
    select: measureSelect,
  });
  await recordAuditEvent({ orgId: ctx.orgId, actorId: ctx.userId, action: "measure.created", targetType: "Measure", targetId: row.id, metadata: { name: row.name } });
  return toMeasureDto(row);
}
