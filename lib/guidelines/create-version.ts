import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { notFound } from "@/lib/errors.ts";
import { recordAuditEvent } from "@/lib/audit/record-audit-event.ts";
import { getProcessOrThrow } from "./load.ts";

/**
 * A new draft, copied from the current version (or from `fromVersionId`), steps and keys included,
 * so that a revision starts from what is in use. Members may propose; leads edit and adopt.
 */
export async function createDraftVersion(caller: Caller, input: { processId: string; fromVersionId?: string | null }): Promise<{ versionId: string; number: number }> {
  const { process, ctx } = await getProcessOrThrow(caller, input.processId, "propose:guideline");
  const db = getDb();
  const sourceId = input.fromVersionId ?? process.currentVersionId;
  const source = sourceId
    ? await db.guidelineVersion.findFirst({
        where: { id: sourceId, organizationId: ctx.orgId, processId: process.id },
        select: {
          number: true,
          title: true,
          body: true,
          evidence: true,
          rationale: true,
          reviewBy: true,
          steps: { select: { position: true, key: true, title: true, detail: true }, orderBy: { position: "asc" } },
        },
      })
    : null;
  if (sourceId && !source) throw notFound("Guideline version not found.");
  const last = await db.guidelineVersion.findFirst({ where: { organizationId: ctx.orgId, processId: process.id }, orderBy: { number: "desc" }, select: { number: true } });
  const number = (last?.number ?? 0) + 1;
  const version = await db.guidelineVersion.create({
    data: {
      organizationId: ctx.orgId,
      processId: process.id,
      number,
      status: "DRAFT",
      title: source ? source.title : process.name,
      body: source?.body ?? "",
      evidence: source?.evidence ?? "",
      rationale: source?.rationale ?? "",
      changeSummary: "",
      reviewBy: source?.reviewBy ?? null,
      authorId: ctx.userId,
      steps: { create: (source?.steps ?? []).map((s) => ({ organizationId: ctx.orgId, position: s.position, key: s.key, title: s.title, detail: s.detail })) },
    },
    select: { id: true, number: true },
  });
  await recordAuditEvent({
    orgId: ctx.orgId,
    actorId: ctx.userId,
    action: "guideline.version.created",
    targetType: "GuidelineVersion",
    targetId: version.id,
    metadata: { processId: process.id, number, fromNumber: source?.number ?? null },
  });
  return { versionId: version.id, number: version.number };
}
