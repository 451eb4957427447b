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
 * clientSubmissionId) is unique per organization in the database, so concurrent retries race on
 * the constraint and all but one re-read the winner. Same key + same request → the original
 * (created: false); same key + a different request → 422.
 */
export async function createObservation(caller: Caller, input: CreateObservationInput, idempotencyKey?: string): Promise<CreateObservationResult> {
  const ctx = teamContext(caller, input.teamId, "create:observation");
  const clientSubmissionId = idempotencyKey ?? input.clientSubmissionId ?? randomUUID();
  const requestHash = observationRequestHash(input);

  const replay = await findReplay(caller, clientSubmissionId, requestHash);
  if (replay) return replay;

  await enforceSubmissionLimits(caller, input);
  const links = await resolveGuidelineLinks(ctx.orgId, ctx.teamId, input.processId, input.stepId);

  const now = new Date();
  const anonymous = input.anonymous;
  const occurred = input.occurredAt ? new Date(input.occurredAt) : now;
  const receiptCode = anonymous ? deriveReceiptCode(ctx.orgId, clientSubmissionId) : undefined;
  try {
    const row = await getDb().observation.create({
      data: {
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
        occurredAt: anonymous ? truncateToHour(occurred) : occurred,
        createdAt: anonymous ? truncateToHour(now) : now,
      },
      select: observationSelect,
    });
    return { observation: toObservationDto(row), ...(receiptCode ? { receiptCode } : {}), created: true };
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    const winner = await findReplay(caller, clientSubmissionId, requestHash);
    if (winner) return winner;
    throw error;
  }
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

type GuidelineLinks = { processId: string | null; stepId: string | null; guidelineVersionId: string | null };

/** Process and step must be in the caller's organization and this team (404 otherwise), and agree. */
export async function resolveGuidelineLinks(orgId: string, teamId: string, processId?: string, stepId?: string): Promise<GuidelineLinks> {
  const db = getDb();
  if (stepId) {
    const step = await db.guidelineStep.findFirst({
      where: { id: stepId, organizationId: orgId, guidelineVersion: { process: { teamId, organizationId: orgId } } },
      select: { id: true, guidelineVersionId: true, guidelineVersion: { select: { processId: true } } },
    });
    if (!step) throw notFound("Step not found.");
    if (processId && processId !== step.guidelineVersion.processId) {
      throw new AppError("BAD_REQUEST", "Invalid input: stepId: the step belongs to another process.");
    }
    return { processId: step.guidelineVersion.processId, stepId: step.id, guidelineVersionId: step.guidelineVersionId };
  }
  if (processId) {
    const process = await db.process.findFirst({ where: { id: processId, organizationId: orgId, teamId }, select: { id: true, currentVersionId: true } });
    if (!process) throw notFound("Process not found.");
    return { processId: process.id, stepId: null, guidelineVersionId: process.currentVersionId };
  }
  return { processId: null, stepId: null, guidelineVersionId: null };
}
