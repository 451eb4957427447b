import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { teamContext } from "@/lib/auth/guard.ts";
import { AppError, notFound } from "@/lib/errors.ts";
import { enforceRateLimit, envLimit } from "@/lib/rate-limit/limiter.ts";
import { observationSelect, toObservationDto } from "./queries.ts";
import { deriveReceiptCode, hashReceiptCode } from "./receipt-code.ts";
import { observationRequestHash } from "./request-hash.ts";
import { toDbEnum, type CreateObservationInput, type ObservationDto } from "./schema.ts";

export type CreateObservationResult = { observation: ObservationDto; receiptCode?: string; created: boolean };

/** Anonymous rows keep only the hour, so a timestamp cannot single out a reporter. */
export function truncateToHour(date: Date): Date {
  const d = new Date(date);
  d.setUTCMinutes(0, 0, 0);
  return d;
}

/**
 * Records an observation, idempotently: the key (Idempotency-Key header, else the body's
 * clientSubmissionId) is unique per organization in the database, so retries (concurrent or not)
 * collide on the constraint and re-read the original. Same key + same request → the original
 * (created: false); same key + a different request → 422.
 */
export async function createObservation(caller: Caller, input: CreateObservationInput, idempotencyKey?: string): Promise<CreateObservationResult> {
  const ctx = teamContext(caller, input.teamId, "create:observation");
  const clientSubmissionId = idempotencyKey ?? input.clientSubmissionId ?? randomUUID();
  const requestHash = observationRequestHash(input);

  // The happy path is three statements (token or session check, rate limit, insert): a retry is
  // recognised by the unique key when the insert collides, not by reading first.
  await enforceSubmissionLimits(caller, input);
  const links = await resolveGuidelineLinks(ctx.orgId, ctx.teamId, input.processId, input.stepId);

  const now = new Date();
  const anonymous = input.anonymous;
  const occurred = input.occurredAt ? new Date(input.occurredAt) : now;
  const receiptCode = anonymous ? deriveReceiptCode(ctx.orgId, clientSubmissionId) : undefined;
  const data = {
    // A random id rather than a cuid: cuids embed a millisecond timestamp.
    id: randomUUID(),
    organizationId: ctx.orgId,
    teamId: ctx.teamId,
    processId: links.processId,
    guidelineVersionId: links.guidelineVersionId,
    stepId: links.stepId,
    kind: toDbEnum(input.kind),
    text: input.text,
    deviationReason: input.deviationReason ?? null,
    severity: input.severity ? toDbEnum(input.severity) : null,
    anonymous,
    authorId: anonymous ? null : ctx.userId,
    receiptCodeHash: receiptCode ? hashReceiptCode(receiptCode) : null,
    clientSubmissionId,
    requestHash,
    status: "NEW" as const,
    occurredAt: anonymous ? truncateToHour(occurred) : occurred,
    createdAt: anonymous ? truncateToHour(now) : now,
  };
  try {
    await getDb().observation.create({ data, select: { id: true } });
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    const winner = await findReplay(caller, clientSubmissionId, requestHash);
    if (winner) return winner;
    throw error;
  }
  // Built from what was just written (one statement instead of an insert plus relation reads).
  const observation = toObservationDto({
    ...data,
    firstResponseAt: null,
    closedAt: null,
    experimentId: null,
    groupId: null,
    author: data.authorId ? { id: data.authorId, name: caller.name } : null,
    process: links.process,
    step: links.step,
    guidelineVersion: links.guidelineVersion,
    _count: { comments: 0 },
  });
  return { observation, ...(receiptCode ? { receiptCode } : {}), created: true };
}

async function findReplay(caller: Caller, clientSubmissionId: string, requestHash: string): Promise<CreateObservationResult | null> {
  const existing = await getDb().observation.findUnique({
    where: { organizationId_clientSubmissionId: { organizationId: caller.orgId, clientSubmissionId } },
    select: { ...observationSelect, requestHash: true, authorId: true, organizationId: true },
  });
  if (!existing) return null;
  const { requestHash: storedHash, authorId, organizationId, ...row } = existing;
  // A named observation replays only for its author; an anonymous one for anyone who holds the
  // key and the identical request (the key is a random secret of the reporter's device).
  const sameReporter = existing.anonymous || authorId === caller.userId;
  const canSeeTeam = caller.teams.some((t) => t.teamId === existing.teamId);
  if (storedHash !== requestHash || !sameReporter || !canSeeTeam) {
    throw new AppError("UNPROCESSABLE", "This idempotency key was already used for a different observation.");
  }
  const receiptCode = existing.anonymous ? deriveReceiptCode(organizationId, clientSubmissionId) : undefined;
  return { observation: toObservationDto(row), ...(receiptCode ? { receiptCode } : {}), created: false };
}

/**
 * Named submissions are limited per person (or token); anonymous ones per team, in a coarse hourly
 * window, because a per-person key would tie an anonymous report to its author.
 */
async function enforceSubmissionLimits(caller: Caller, input: CreateObservationInput): Promise<void> {
  const message = "Too many observations in a short time. Please wait a moment and try again.";
  if (input.anonymous) {
    await enforceRateLimit(`obs:anon:team:${input.teamId}`, envLimit("OBSERVATION_ANON_LIMIT_PER_HOUR", 120), 3600, message);
    return;
  }
  if (caller.tokenId) {
    await enforceRateLimit(`obs:token:${caller.tokenId}`, envLimit("OBSERVATION_TOKEN_LIMIT_PER_MINUTE", 6000), 60, message);
    return;
  }
  await enforceRateLimit(`obs:user:${caller.userId}`, envLimit("OBSERVATION_USER_LIMIT_PER_MINUTE", 60), 60, message);
}

type GuidelineLinks = {
  processId: string | null;
  stepId: string | null;
  guidelineVersionId: string | null;
  process: { id: string; name: string } | null;
  step: { id: string; key: string; title: string; position: number } | null;
  guidelineVersion: { id: string; number: number } | null;
};

/** Process and step must be in the caller's organization and this team (404 otherwise), and agree. */
export async function resolveGuidelineLinks(orgId: string, teamId: string, processId?: string, stepId?: string): Promise<GuidelineLinks> {
  const db = getDb();
  if (stepId) {
    const step = await db.guidelineStep.findFirst({
      where: { id: stepId, organizationId: orgId, guidelineVersion: { process: { teamId, organizationId: orgId } } },
      select: {
        id: true,
        key: true,
        title: true,
        position: true,
        guidelineVersion: { select: { id: true, number: true, process: { select: { id: true, name: true } } } },
      },
    });
    if (!step) throw notFound("Step not found.");
    const { guidelineVersion: version, ...stepRef } = step;
    if (processId && processId !== version.process.id) {
      throw new AppError("BAD_REQUEST", "Invalid input: stepId: the step belongs to another process.");
    }
    return {
      processId: version.process.id,
      stepId: step.id,
      guidelineVersionId: version.id,
      process: version.process,
      step: stepRef,
      guidelineVersion: { id: version.id, number: version.number },
    };
  }
  if (processId) {
    const process = await db.process.findFirst({
      where: { id: processId, organizationId: orgId, teamId },
      select: { id: true, name: true, currentVersion: { select: { id: true, number: true } } },
    });
    if (!process) throw notFound("Process not found.");
    return {
      processId: process.id,
      stepId: null,
      guidelineVersionId: process.currentVersion?.id ?? null,
      process: { id: process.id, name: process.name },
      step: null,
      guidelineVersion: process.currentVersion,
    };
  }
  return { processId: null, stepId: null, guidelineVersionId: null, process: null, step: null, guidelineVersion: null };
}
