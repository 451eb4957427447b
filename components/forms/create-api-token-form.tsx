"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef, type FormEvent } from "react";
import { createApiTokenAction } from "@/app/(app)/admin/api-tokens/actions.ts";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { CopyField } from "@/components/ui/copy-field.tsx";
import { SelectField, TextField } from "@/components/ui/field.tsx";
import { fieldError } from "./field-errors.ts";

export function CreateApiTokenForm({ teams }: { teams: { id: string; name: string }[] }) {
  const formRef = useRef<HTMLFormElement>(null);
  const { executeAsync, result, isPending, reset } = useAction(createApiTokenAction);
  const errors = result.validationErrors;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const outcome = await executeAsync({ name: String(form.get("name") ?? ""), teamId: String(form.get("teamId") ?? "") });
    if (outcome?.data) formRef.current?.reset();
  }

  if (teams.length === 0) return <p className="text-sm text-slate-700">Create a team first: every token belongs to one team.</p>;

  return (
    <div className="space-y-4">
      <form ref={formRef} onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start" noValidate>
        <TextField id="token-name" name="name" label="Token name" hint="What uses it, e.g. “Ward tally board”." required error={fieldError(errors, "name")} />
        <SelectField id="token-team" name="teamId" label="Team" options={teams.map((t) => ({ value: t.id, label: t.name }))} error={fieldError(errors, "teamId")} />
        <Button type="submit" className="sm:mt-6" pending={isPending} pendingLabel="Creating…">
          Create token
        </Button>
      </form>
      {result.serverError ? <Alert tone="error">{result.serverError}</Alert> : null}
      {result.data ? (
        <div className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
          <p role="status" className="text-sm text-amber-900">
            <strong>Copy this token now.</strong> It is shown only once; store it in the system that will use it. Token “{result.data.name}”
            acts as a member of its team.
          </p>
          <CopyField id="new-token" label="API token" value={result.data.token} />
          <Button variant="ghost" onClick={reset}>
            Done
          </Button>
        </div>
      ) : null}
    </div>
  );
}
