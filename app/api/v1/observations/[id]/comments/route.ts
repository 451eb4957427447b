// GET /api/v1/observations/{id}/comments — the thread; POST — reply (down/up, "you said, we did")
import { json, parseJsonBody, withApi } from "@/lib/api/handler.ts";
import { listObservationComments, replyToObservation } from "@/lib/comments/observation-comments.ts";
import { createCommentInput } from "@/lib/comments/schema.ts";

export const GET = withApi<{ id: string }>(async ({ caller, params }) => json({ comments: await listObservationComments(caller, params.id) }));

export const POST = withApi<{ id: string }>(async ({ request, caller, params }) =>
  json({ comment: await replyToObservation(caller, params.id, await parseJsonBody(request, createCommentInput)) }, { status: 201 }),
);
