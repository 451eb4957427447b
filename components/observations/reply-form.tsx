"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useAction } from "next-safe-action/hooks";
import { replyAction } from "@/app/(app)/teams/[teamId]/observations/actions.ts";
import { guidelineReplyAction } from "@/app/(app)/teams/[teamId]/guidelines/actions.ts";
import { Button } from "@/components/ui/button.tsx";

type Target = { observationId: string } | { versionId: string };

/** Reply on a thread (an observation's or a guideline version's): direction and, for leads, "you said, we did". */
export function ReplyForm({ target, canCloseLoop }: { target: Target; canCloseLoop: boolean }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [direction, setDirection] = useState<"down" | "up">(canCloseLoop ? "down" : "up");
  const [closesLoop, setClosesLoop] = useState(false);
  const onSuccess = () => {
    setBody("");
    setClosesLoop(false);
    router.refresh();
  };
  const onObservation = useAction(replyAction, { onSuccess });
  const onGuideline = useAction(guidelineReplyAction, { onSuccess });
  const isPending = onObservation.isPending || onGuideline.isPending;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if ("observationId" in target) onObservation.execute({ observationId: target.observationId, body, direction, closesLoop });
    else onGuideline.execute({ versionId: target.versionId, body, direction, closesLoop });
  };
  const result = "observationId" in target ? onObservation.result : onGuideline.result;
  const error = result.serverError ?? result.validationErrors?.body?._errors?.[0];
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <div className="space-y-1">
        <label htmlFor="reply-body" className="block text-sm font-medium text-slate-800">Reply</label>
        <textarea id="reply-body" rows={3} value={body} onChange={(e) => setBody(e.target.value)} className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base" />
      </div>
      <fieldset className="flex flex-wrap gap-4">
        <legend className="text-sm font-medium text-slate-800">Direction</legend>
        {(["down", "up"] as const).map((d) => (
          <label key={d} className="inline-flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" name="direction" value={d} checked={direction === d} onChange={() => setDirection(d)} className="h-5 w-5 accent-teal-700" />
            {d === "down" ? "Coaching (down)" : "Learning (up)"}
          </label>
        ))}
      </fieldset>
      {canCloseLoop ? (
        <label className="inline-flex min-h-11 items-center gap-2 text-sm font-medium">
          <input type="checkbox" checked={closesLoop} onChange={(e) => setClosesLoop(e.target.checked)} className="h-5 w-5 accent-teal-700" />
          “You said, we did”: this reply tells the reporter what changed
        </label>
      ) : null}
      <p className="text-xs text-slate-600">Replies are signed with your name.</p>
      {error ? <p role="alert" className="text-sm font-medium text-red-700">{error}</p> : null}
      <Button type="submit" pending={isPending} pendingLabel="Sending…" disabled={!body.trim()}>Send reply</Button>
    </form>
  );
}
