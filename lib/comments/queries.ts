import "server-only";
import type { FeedbackDirection } from "@/lib/db/generated/enums.ts";
import type { CommentDto } from "./schema.ts";

export const commentSelect = {
  id: true,
  direction: true,
  body: true,
  closesLoop: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
} as const;

type CommentRow = { id: string; direction: FeedbackDirection; body: string; closesLoop: boolean; createdAt: Date; author: { id: string; name: string } | null };

export function toCommentDto(row: CommentRow): CommentDto {
  return {
    id: row.id,
    direction: row.direction === "UP" ? "up" : "down",
    body: row.body,
    closesLoop: row.closesLoop,
    createdAt: row.createdAt.toISOString(),
    author: row.author,
  };
}
