import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { AppError } from "@/lib/errors.ts";
import { recordAuditEvent } from "@/lib/audit/record-audit-event.ts";
import { getVersionOrThrow } from "./load.ts";
import { IN_USE, STATUS_TRANSITIONS, type ChangeStatusInput, type GuidelineStatusValue } from "./schema.ts";

/**
 * Moves a version along draft → tentative → adopted → retired. Putting a version in use (tentative
 * trial or adopted) makes it the process's one current version and retires the previous one, in a
 * single transaction; the current version cannot be retired until another takes its place.
 */
export async function changeVersionStatus(caller: Caller, input: ChangeStatusInput): Promise<{ status: GuidelineStatusValue; current: boolean }> {
  const { version, ctx } = await getVersionOrThrow(caller, input.versionId, "edit:guideline");
  const from = version.status as GuidelineStatusValue;
  const to = input.status;
  if (from === to) return { status: to, current: version.process.currentVersionId === version.id };
  if (!STATUS_TRANSITIONS[from].includes(to)) throw new AppError("CONFLICT", `A ${from.toLowerCase()} version cannot become ${to.toLowerCase()}.`);
  const isCurrent = version.process.currentVersionId === version.id;
  if (to === "RETIRED" && isCurrent) throw new AppError("CONFLICT", "This is the current version. Put another version in use before retiring it.");

  const db = getDb();
  const now = new Date();
  const previous = IN_USE.includes(to) && !isCurrent ? version.process.currentVersionId : null;
  await db.$transaction([
    ...(previous ? [db.guidelineVersion.update({ where: { id: previous, organizationId: ctx.orgId }, data: { status: "RETIRED" }, select: { id: true } })] : []),
    db.guidelineVersion.update({
      where: { id: version.id, organizationId: ctx.orgId },
      data: { status: to, ...(to === "ADOPTED" ? { adoptedAt: now } : {}) },
      select: { id: true },
    }),
    ...(IN_USE.includes(to) && !isCurrent
      ? [db.process.update({ where: { id: version.processId, organizationId: ctx.orgId }, data: { currentVersionId: version.id }, select: { id: true } })]
      : []),
  ]);
  await recordAuditEvent({
    orgId: ctx.orgId,
    actorId: ctx.userId,
    action: "guideline.version.status_changed",
    targetType: "GuidelineVersion",
    targetId: version.id,
    metadata: { number: version.number, from, to, retiredVersionId: previous },
  });
  return { status: to, current: IN_USE.includes(to) || isCurrent };
}
