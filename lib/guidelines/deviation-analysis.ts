import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { getProcessOrThrow } from "./load.ts";
import { groupReasons, type ReasonGroup } from "./reasons.ts";

export type StepDeviations = { stepId: string; key: string; title: string; position: number; count: number; reasons: ReasonGroup[] };
export type VersionDeviations = { versionId: string; number: number; status: string; total: number; withoutStep: number; steps: StepDeviations[] };
export type RevisionQueueItem = { key: string; title: string; position: number; count: number; reasons: ReasonGroup[] };
export type DeviationAnalysis = { versions: VersionDeviations[]; revisionQueue: RevisionQueueItem[]; sinceDays: number };

/**
 * Deviations per guideline version and step, with their reasons grouped, plus the revision queue:
 * the steps of the version in use that drew the most deviations recently, matched across versions
 * by step key (a step carried over from v2 to v3 keeps its history).
 */
export async function deviationAnalysis(caller: Caller, processId: string, options: { sinceDays?: number } = {}): Promise<DeviationAnalysis> {
  const { process, ctx } = await getProcessOrThrow(caller, processId, "read:guideline");
  const sinceDays = options.sinceDays ?? 180;
  const db = getDb();
  const [deviations, versions] = await Promise.all([
    db.observation.findMany({
      where: { organizationId: ctx.orgId, processId: process.id, kind: "DEVIATION" },
      select: { guidelineVersionId: true, stepId: true, deviationReason: true, createdAt: true },
      orderBy: { createdAt: "desc" },
      take: 10_000,
    }),
    db.guidelineVersion.findMany({
      where: { organizationId: ctx.orgId, processId: process.id },
      select: { id: true, number: true, status: true, steps: { select: { id: true, key: true, title: true, position: true }, orderBy: { position: "asc" } } },
      orderBy: { number: "desc" },
    }),
  ]);

  const byStep = new Map<string, string[]>();
  const perVersionTotal = new Map<string, { total: number; withoutStep: number }>();
  for (const d of deviations) {
    if (d.stepId) byStep.set(d.stepId, [...(byStep.get(d.stepId) ?? []), d.deviationReason ?? ""]);
    if (!d.guidelineVersionId) continue;
    const t = perVersionTotal.get(d.guidelineVersionId) ?? { total: 0, withoutStep: 0 };
    t.total++;
    if (!d.stepId) t.withoutStep++;
    perVersionTotal.set(d.guidelineVersionId, t);
  }

  const result: VersionDeviations[] = versions.map((v) => ({
    versionId: v.id,
    number: v.number,
    status: v.status,
    total: perVersionTotal.get(v.id)?.total ?? 0,
    withoutStep: perVersionTotal.get(v.id)?.withoutStep ?? 0,
    steps: v.steps.map((s) => {
      const reasons = byStep.get(s.id) ?? [];
      return { stepId: s.id, key: s.key, title: s.title, position: s.position, count: reasons.length, reasons: groupReasons(reasons) };
    }),
  }));

  const since = Date.now() - sinceDays * 86_400_000;
  const stepKeyById = new Map(versions.flatMap((v) => v.steps.map((s) => [s.id, s.key] as const)));
  const recentByKey = new Map<string, string[]>();
  for (const d of deviations) {
    if (!d.stepId || d.createdAt.getTime() < since) continue;
    const key = stepKeyById.get(d.stepId);
    if (key) recentByKey.set(key, [...(recentByKey.get(key) ?? []), d.deviationReason ?? ""]);
  }
  const reference = versions.find((v) => v.id === process.currentVersionId) ?? versions[0];
  const revisionQueue = (reference?.steps ?? [])
    .map((s) => {
      const reasons = recentByKey.get(s.key) ?? [];
      return { key: s.key, title: s.title, position: s.position, count: reasons.length, reasons: groupReasons(reasons, 3) };
    })
    .filter((s) => s.count > 0)
    .sort((a, b) => b.count - a.count || a.position - b.position);
  return { versions: result, revisionQueue, sinceDays };
}
