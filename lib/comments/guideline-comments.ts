import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { can } from "@/lib/auth/permissions.ts";
import { AppError } from "@/lib/errors.ts";
import { getVersionOrThrow } from "@/lib/guidelines/load.ts";
import { notifyUser } from "@/lib/notifications/notify.ts";
import { commentSelect, toCommentDto } from "./queries.ts";
import type { CommentDto, CreateCommentInput } from "./schema.ts";

export async function listGuidelineComments(caller: Caller, versionId: string): Promise<CommentDto[]> {
  const { version, ctx } = await getVersionOrThrow(caller, versionId, "read:guideline");
  const rows = await getDb().comment.findMany({
    where: { organizationId: ctx.orgId, guidelineVersionId: version.id },
    select: commentSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toCommentDto);
}

/** Discussion on a guideline version: questions and learnings up, explanations down. */
export async function replyToGuideline(caller: Caller, versionId: string, input: CreateCommentInput): Promise<CommentDto> {
  const { version, ctx } = await getVersionOrThrow(caller, versionId, "create:comment");
  const lead = can(ctx.role, "edit:guideline");
  if (input.closesLoop && !lead) throw new AppError("FORBIDDEN", "Only leads can mark a reply as “you said, we did”.");
  const row = await getDb().comment.create({
    data: {
      organizationId: ctx.orgId,
      teamId: version.process.teamId,
      guidelineVersionId: version.id,
      authorId: ctx.userId,
      direction: (input.direction ?? (lead ? "down" : "up")) === "up" ? "UP" : "DOWN",
      body: input.body,
      closesLoop: input.closesLoop,
    },
    select: commentSelect,
  });
  if (version.authorId && version.authorId !== ctx.userId) {
    await notifyUser({
      orgId: ctx.orgId,
      userId: version.authorId,
      title: `New comment on guideline version ${version.number}`,
      link: `/teams/${version.process.teamId}/guidelines/${version.processId}/versions/${version.number}`,
    });
  }
  return toCommentDto(row);
}
