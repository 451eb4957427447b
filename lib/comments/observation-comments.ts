import "server-only";
import { truncateToHour } from "@/lib/observations/create-observation.ts";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { readableTeamIds, teamContext } from "@/lib/auth/guard.ts";
import { can } from "@/lib/auth/permissions.ts";
import { AppError, notFound } from "@/lib/errors.ts";
import { notifyUser } from "@/lib/notifications/notify.ts";
import { commentSelect, toCommentDto } from "./queries.ts";
import type { CommentDto, CreateCommentInput } from "./schema.ts";

async function loadObservation(caller: Caller, id: string) {
  const row = await getDb().observation.findFirst({
    where: { id, organizationId: caller.orgId, teamId: { in: readableTeamIds(caller) } },
    select: { id: true, teamId: true, authorId: true, anonymous: true, status: true, firstResponseAt: true, text: true },
  });
  if (!row) throw notFound("Observation not found.");
  return row;
}

/** The thread on an observation, oldest first. */
export async function listObservationComments(caller: Caller, observationId: string): Promise<CommentDto[]> {
  const obs = await loadObservation(caller, observationId);
  teamContext(caller, obs.teamId, "read:observation");
  const rows = await getDb().comment.findMany({
    where: { organizationId: caller.orgId, observationId: obs.id },
    select: commentSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toCommentDto);
}

/**
 * A reply. Leads' replies count as the first response and default to coaching (down); a
 * "you said, we did" reply also marks the observation as acted on. The named reporter is notified
 * in the app; an anonymous one reads the thread with the receipt code.
 */
export async function replyToObservation(caller: Caller, observationId: string, input: CreateCommentInput): Promise<CommentDto> {
  const obs = await loadObservation(caller, observationId);
  const ctx = teamContext(caller, obs.teamId, "create:comment");
  const triager = can(ctx.role, "triage:observation");
  if (input.closesLoop && !triager) throw new AppError("FORBIDDEN", "Only leads can mark a reply as “you said, we did”.");
  const direction = input.direction ?? (triager ? "down" : "up");
  // On an anonymous observation any non-lead reply might be the reporter's own follow-up, and we
  // cannot tell (nothing links them): store it without an author and with the hour only, so a
  // reply can never unmask the report. Leads reply under their names.
  const hideAuthor = obs.anonymous && !triager;
  const now = new Date();
  const db = getDb();
  const [comment] = await db.$transaction([
    db.comment.create({
      data: {
        organizationId: ctx.orgId,
        teamId: obs.teamId,
        observationId: obs.id,
        authorId: hideAuthor ? null : ctx.userId,
        direction: direction === "up" ? "UP" : "DOWN",
        body: input.body,
        closesLoop: input.closesLoop,
        createdAt: hideAuthor ? truncateToHour(now) : now,
      },
      select: commentSelect,
    }),
    ...(triager && !obs.firstResponseAt
      ? [db.observation.updateMany({ where: { id: obs.id, organizationId: ctx.orgId, firstResponseAt: null }, data: { firstResponseAt: now } })]
      : []),
    ...(input.closesLoop && (obs.status === "NEW" || obs.status === "ACKNOWLEDGED")
      ? [db.observation.updateMany({ where: { id: obs.id, organizationId: ctx.orgId }, data: { status: "ACTED" } })]
      : []),
  ]);
  if (!obs.anonymous && obs.authorId && obs.authorId !== ctx.userId) {
    const excerpt = obs.text.length > 60 ? `${obs.text.slice(0, 57)}…` : obs.text;
    await notifyUser({
      orgId: ctx.orgId,
      userId: obs.authorId,
      title: input.closesLoop ? `You said, we did: “${excerpt}”` : `New reply to your observation “${excerpt}”`,
      link: `/teams/${obs.teamId}/observations/${obs.id}`,
    });
  }
  return toCommentDto(comment);
}
