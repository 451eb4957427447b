import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { can } from "@/lib/auth/permissions.ts";
import { AppError, forbidden, notFound } from "@/lib/errors.ts";
import { recordAuditEvent } from "@/lib/audit/record-audit-event.ts";
import { getVersionOrThrow } from "./load.ts";
import { stepKeys, type VersionContentInput } from "./schema.ts";

/**
 * Edits a draft. Leads edit any draft; members only the drafts they proposed. Steps are matched by
 * key so that a step keeps its id (and any linked observations) through edits and reordering.
 */
export async function updateDraft(caller: Caller, versionId: string, input: VersionContentInput): Promise<void> {
  const { version, ctx } = await getVersionOrThrow(caller, versionId, "propose:guideline");
  if (!can(ctx.role, "edit:guideline") && version.authorId !== ctx.userId) throw forbidden("Only leads, or the person who proposed it, can edit this draft.");
  if (version.status !== "DRAFT") throw new AppError("CONFLICT", "Only drafts can be edited. Start a new version instead.");
  const db = getDb();
  await assertSources(ctx.orgId, ctx.teamId, input);
  const prompted = [...new Set(input.promptedByObservationIds)];
  if (prompted.length) {
    const found = await db.observation.count({ where: { id: { in: prompted }, organizationId: ctx.orgId, teamId: ctx.teamId } });
    if (found !== prompted.length) throw notFound("Observation not found.");
  }

  const keys = stepKeys(input.steps);
  const existing = await db.guidelineStep.findMany({ where: { organizationId: ctx.orgId, guidelineVersionId: version.id }, select: { id: true, key: true } });
  const existingByKey = new Map(existing.map((s) => [s.key, s.id]));
  const keep = new Set(keys);
  await db.$transaction([
    db.guidelineVersion.update({
      where: { id: version.id, organizationId: ctx.orgId },
      data: {
        title: input.title,
        body: input.body,
        evidence: input.evidence,
        rationale: input.rationale,
        changeSummary: input.changeSummary,
        reviewBy: input.reviewBy,
        sourceExperimentId: input.sourceExperimentId,
        sourceRetrospectiveId: input.sourceRetrospectiveId,
      },
      select: { id: true },
    }),
    db.guidelineVersionObservation.deleteMany({ where: { organizationId: ctx.orgId, guidelineVersionId: version.id } }),
    db.guidelineVersionObservation.createMany({ data: prompted.map((observationId) => ({ organizationId: ctx.orgId, guidelineVersionId: version.id, observationId })) }),
    db.guidelineStep.deleteMany({ where: { organizationId: ctx.orgId, guidelineVersionId: version.id, key: { notIn: keys } } }),
    // Park positions out of the way first: (version, position) is unique.
    db.guidelineStep.updateMany({ where: { organizationId: ctx.orgId, guidelineVersionId: version.id }, data: { position: { increment: 10_000 } } }),
    ...input.steps.map((step, i) => {
      const key = keys[i]!;
      const id = existingByKey.get(key);
      const data = { position: i + 1, title: step.title, detail: step.detail };
      return id
        ? db.guidelineStep.update({ where: { id }, data, select: { id: true } })
        : db.guidelineStep.create({ data: { ...data, key, organizationId: ctx.orgId, guidelineVersionId: version.id }, select: { id: true } });
    }),
  ]);
  await recordAuditEvent({
    orgId: ctx.orgId,
    actorId: ctx.userId,
    action: "guideline.version.updated",
    targetType: "GuidelineVersion",
    targetId: version.id,
    metadata: { number: version.number, steps: keys.length, removedSteps: existing.filter((s) => !keep.has(s.key)).length },
  });
}

async function assertSources(orgId: string, teamId: string, input: VersionContentInput): Promise<void> {
  const db = getDb();
  if (input.sourceExperimentId) {
    const found = await db.experiment.findFirst({ where: { id: input.sourceExperimentId, organizationId: orgId, teamId }, select: { id: true } });
    if (!found) throw notFound("Experiment not found.");
  }
  if (input.sourceRetrospectiveId) {
    const found = await db.retrospective.findFirst({ where: { id: input.sourceRetrospectiveId, organizationId: orgId, teamId }, select: { id: true } });
    if (!found) throw notFound("Retrospective not found.");
  }
}
