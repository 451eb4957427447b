import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { teamContext } from "@/lib/auth/guard.ts";
import { notFound } from "@/lib/errors.ts";
import { getProcessOrThrow } from "./load.ts";
import { isReviewOverdue } from "./schema.ts";

const versionSummarySelect = {
  id: true,
  number: true,
  status: true,
  title: true,
  changeSummary: true,
  reviewBy: true,
  adoptedAt: true,
  createdAt: true,
  author: { select: { name: true } },
} as const;

/** The team's processes with their current version and the review flag. */
export async function listProcesses(caller: Caller, teamId: string) {
  const ctx = teamContext(caller, teamId, "read:guideline");
  const rows = await getDb().process.findMany({
    where: { organizationId: ctx.orgId, teamId: ctx.teamId, archivedAt: null },
    select: {
      id: true,
      name: true,
      description: true,
      currentVersion: { select: versionSummarySelect },
      _count: { select: { versions: { where: { status: "DRAFT" } } } },
    },
    orderBy: { name: "asc" },
  });
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    drafts: p._count.versions,
    current: p.currentVersion ? { ...p.currentVersion, overdue: isReviewOverdue(p.currentVersion) } : null,
  }));
}

/** A process with its version history (newest first). */
export async function getProcessWithHistory(caller: Caller, processId: string) {
  const { process, ctx } = await getProcessOrThrow(caller, processId, "read:guideline");
  const versions = await getDb().guidelineVersion.findMany({
    where: { organizationId: ctx.orgId, processId: process.id },
    select: versionSummarySelect,
    orderBy: { number: "desc" },
  });
  return { process, role: ctx.role, versions: versions.map((v) => ({ ...v, overdue: isReviewOverdue(v), current: v.id === process.currentVersionId })) };
}

/** One version in full: steps, sources and author; `number` selects within a process. */
export async function getVersionDetail(caller: Caller, processId: string, number?: number) {
  const { process, ctx } = await getProcessOrThrow(caller, processId, "read:guideline");
  const row = await getDb().guidelineVersion.findFirst({
    where: { organizationId: ctx.orgId, processId: process.id, ...(number ? { number } : { id: process.currentVersionId ?? "" }) },
    select: {
      ...versionSummarySelect,
      body: true,
      evidence: true,
      rationale: true,
      authorId: true,
      sourceExperiment: { select: { id: true, title: true } },
      sourceRetrospective: { select: { id: true, title: true } },
      promptedBy: { select: { observation: { select: { id: true, kind: true, text: true } } } },
      steps: { select: { id: true, key: true, title: true, detail: true, position: true }, orderBy: { position: "asc" } },
    },
  });
  if (!row) throw notFound("Guideline version not found.");
  const { promptedBy, ...rest } = row;
  const prompts = promptedBy.map((p) => ({ id: p.observation.id, kind: p.observation.kind, text: p.observation.text }));
  return { process, role: ctx.role, userId: ctx.userId, version: { ...rest, prompts, overdue: isReviewOverdue(row), current: row.id === process.currentVersionId } };
}

/** Recent observations about a process, offered as "what prompted this version" in the editor. */
export async function listPromptCandidates(caller: Caller, processId: string, take = 30) {
  const { process, ctx } = await getProcessOrThrow(caller, processId, "read:observation");
  return getDb().observation.findMany({
    where: { organizationId: ctx.orgId, teamId: process.teamId, processId: process.id },
    select: { id: true, kind: true, text: true, deviationReason: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

/** Experiments and retrospectives of the process's team, offered as what prompted a version. */
export async function listSourceOptions(caller: Caller, processId: string) {
  const { process, ctx } = await getProcessOrThrow(caller, processId, "read:guideline");
  const where = { organizationId: ctx.orgId, teamId: process.teamId };
  const [experiments, retrospectives] = await Promise.all([
    getDb().experiment.findMany({ where, select: { id: true, title: true }, orderBy: { createdAt: "desc" }, take: 50 }),
    getDb().retrospective.findMany({ where, select: { id: true, title: true }, orderBy: { periodStart: "desc" }, take: 50 }),
  ]);
  return { experiments, retrospectives };
}
