import { z } from "zod";

export const COMMENT_DIRECTIONS = ["down", "up"] as const;

export const createCommentInput = z.object({
  body: z.string().trim().min(1, "Write a reply.").max(4000),
  /** down = coaching from leads to the frontline; up = learning from the frontline. */
  direction: z.enum(COMMENT_DIRECTIONS).optional(),
  /** "You said, we did": this reply tells the reporter what changed. */
  closesLoop: z.boolean().default(false),
});
export type CreateCommentInput = z.infer<typeof createCommentInput>;

export const commentSchema = z.object({
  id: z.string(),
  direction: z.enum(COMMENT_DIRECTIONS),
  body: z.string(),
  closesLoop: z.boolean(),
  createdAt: z.string(),
  author: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type CommentDto = z.infer<typeof commentSchema>;
