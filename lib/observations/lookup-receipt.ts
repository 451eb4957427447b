import "server-only";
import { getDb } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { enforceRateLimit, envLimit } from "@/lib/rate-limit/limiter.ts";
import { commentSelect, toCommentDto } from "@/lib/comments/queries.ts";
import type { CommentDto } from "@/lib/comments/schema.ts";
import { hashReceiptCode, normalizeReceiptCode } from "./receipt-code.ts";
import { fromDbEnum, type ObservationKindApi, type ObservationStatusApi } from "./schema.ts";

export type ReceiptView = {
  kind: ObservationKindApi;
  text: string;
  status: ObservationStatusApi;
  teamName: string;
  /** Hour-truncated, as stored. */
  createdAt: string;
  replies: CommentDto[];
};

/**
 * What the holder of a receipt code may read, without signing in: their report, its status and
 * the replies. Limited globally rather than per IP: an IP key would link the reporter's address to
 * their anonymous report, and 30^8 codes make guessing hopeless at this rate anyway.
 */
export async function lookupReceipt(code: string): Promise<ReceiptView | null> {
  await enforceRateLimit("receipt:lookup:global", envLimit("RECEIPT_LOOKUP_LIMIT_PER_MINUTE", 300), 60, "Too many look-ups right now. Please try again in a minute.");
  const normalized = normalizeReceiptCode(code);
  if (!normalized) throw new AppError("BAD_REQUEST", "A receipt code looks like LL-ABCD-EFGH.");
  const row = await getDb().observation.findUnique({
    where: { receiptCodeHash: hashReceiptCode(normalized) },
    select: {
      id: true,
      organizationId: true,
      kind: true,
      text: true,
      status: true,
      createdAt: true,
      team: { select: { name: true } },
    },
  });
  if (!row) return null;
  const comments = await getDb().comment.findMany({
    where: { organizationId: row.organizationId, observationId: row.id },
    select: commentSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return {
    kind: fromDbEnum(row.kind),
    text: row.text,
    status: fromDbEnum(row.status),
    teamName: row.team.name,
    createdAt: row.createdAt.toISOString(),
    // Replies by the team; the names of leads are fine to show, the reporter's never appear.
    replies: comments.map(toCommentDto),
  };
}
