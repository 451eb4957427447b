"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useAction } from "next-safe-action/hooks";
import { changeStatusAction, createDraftAction, createProcessAction } from "@/app/(app)/teams/[teamId]/guidelines/actions.ts";
import { Button } from "@/components/ui/button.tsx";
import { TextField } from "@/components/ui/field.tsx";

const NEXT: Record<string, { status: "TENTATIVE" | "ADOPTED" | "RETIRED"; label: string; variant: "primary" | "secondary" | "danger" }[]> = {
  DRAFT: [
    { status: "TENTATIVE", label: "Start a trial (tentative)", variant: "primary" },
    { status: "ADOPTED", label: "Adopt", variant: "secondary" },
    { status: "RETIRED", label: "Discard draft", variant: "danger" },
  ],
  TENTATIVE: [
    { status: "ADOPTED", label: "Adopt", variant: "primary" },
    { status: "RETIRED", label: "Retire", variant: "danger" },
  ],
  ADOPTED: [{ status: "RETIRED", label: "Retire", variant: "danger" }],
  RETIRED: [],
};

/** Lead-only status moves; the server enforces the same rules (and "exactly one current"). */
export function StatusButtons({ versionId, status }: { versionId: string; status: string }) {
  const router = useRouter();
  const { execute, isPending, result } = useAction(changeStatusAction, { onSuccess: () => router.refresh() });
  const moves = NEXT[status] ?? [];
  if (!moves.length) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {moves.map((m) => (
        <Button key={m.status} variant={m.variant} disabled={isPending} onClick={() => execute({ versionId, status: m.status })}>{m.label}</Button>
      ))}
      {result.serverError ? <p role="alert" className="w-full text-sm text-red-700">{result.serverError}</p> : null}
    </div>
  );
}

/** Starts a new draft from the current version and opens it for editing. */
export function ProposeVersionButton({ teamId, processId, label = "Propose a new version" }: { teamId: string; processId: string; label?: string }) {
  const router = useRouter();
  const { execute, isPending, result } = useAction(createDraftAction, {
    onSuccess: ({ data }) => data && router.push(`/teams/${teamId}/guidelines/${processId}/versions/${data.number}/edit`),
  });
  return (
    <div>
      <Button variant="secondary" pending={isPending} pendingLabel="Creating…" onClick={() => execute({ processId })}>{label}</Button>
      {result.serverError ? <p role="alert" className="text-sm text-red-700">{result.serverError}</p> : null}
    </div>
  );
}

export function NewProcessForm({ teamId }: { teamId: string }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const { execute, isPending, result } = useAction(createProcessAction, {
    onSuccess: ({ data }) => data && router.push(`/teams/${teamId}/guidelines/${data.processId}/versions/1/edit`),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    execute({ teamId, name, description: "" });
  };
  const error = result.serverError ?? result.validationErrors?.name?._errors?.[0];
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
      <div className="min-w-60 flex-1">
        <TextField id="process-name" label="New process" value={name} onChange={(e) => setName(e.target.value)} error={error} placeholder="e.g. Medication round" />
      </div>
      <Button type="submit" pending={isPending} pendingLabel="Creating…">Create process</Button>
    </form>
  );
}
