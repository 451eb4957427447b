import type { CommentDto } from "@/lib/comments/schema.ts";
import { formatDateTime } from "@/lib/format/dates.ts";

/** A thread: coaching (down) and learning (up), with "you said, we did" replies highlighted. */
export function Thread({ comments }: { comments: CommentDto[] }) {
  return (
    <ol className="mt-2 space-y-3">
      {comments.map((c) => (
        <li key={c.id} className={`rounded-lg border px-3 py-2 ${c.closesLoop ? "border-emerald-300 bg-emerald-50" : "border-slate-200 bg-slate-50"}`}>
          <p className="text-xs font-medium text-slate-700">
            {c.closesLoop ? <span className="mr-2 font-bold text-emerald-900">You said, we did</span> : null}
            {c.direction === "down" ? "Coaching" : "Learning"} · {c.author?.name ?? "Anonymous"} · <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
          </p>
          <p className="mt-1 whitespace-pre-wrap text-slate-900">{c.body}</p>
        </li>
      ))}
    </ol>
  );
}
