"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef, type FormEvent } from "react";
import { inviteMemberAction } from "@/app/(app)/teams/[teamId]/members/actions.ts";
import { Alert } from "@/components/ui/alert.tsx";
import { roleLabel } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { CopyField } from "@/components/ui/copy-field.tsx";
import { SelectField, TextField } from "@/components/ui/field.tsx";
import { fieldError } from "./field-errors.ts";

type InvitableRole = "MANAGER" | "LEAD" | "MEMBER";

export function InviteMemberForm({ teamId, roles }: { teamId: string; roles: InvitableRole[] }) {
  const formRef = useRef<HTMLFormElement>(null);
  const { executeAsync, result, isPending, reset } = useAction(inviteMemberAction);
  const errors = result.validationErrors;
  const created = result.data;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const outcome = await executeAsync({
      teamId,
      email: String(form.get("email") ?? ""),
      role: String(form.get("role") ?? "MEMBER") as InvitableRole,
    });
    if (outcome?.data) formRef.current?.reset();
  }

  return (
    <div className="space-y-4">
      <form ref={formRef} onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start" noValidate>
        <TextField id="invite-email" name="email" type="email" label="Email" autoComplete="off" inputMode="email" required error={fieldError(errors, "email")} />
        <SelectField
          id="invite-role"
          name="role"
          label="Role"
          defaultValue={roles.includes("MEMBER") ? "MEMBER" : roles[0]}
          options={roles.map((r) => ({ value: r, label: roleLabel(r) }))}
          error={fieldError(errors, "role")}
        />
        <Button type="submit" className="sm:mt-6" pending={isPending} pendingLabel="Inviting…">
          Send invitation
        </Button>
      </form>
      {result.serverError ? <Alert tone="error">{result.serverError}</Alert> : null}
      {created ? (
        <div className="space-y-3 rounded-lg border border-emerald-300 bg-emerald-50 p-4">
          <p role="status" className="text-sm text-emerald-900">
            Invitation created for <strong>{created.email}</strong> as {roleLabel(created.role).toLowerCase()}. Send them this link: it works
            once and expires in 7 days. It will not be shown again.
            {created.emailed ? " We also emailed it to them." : ""}
          </p>
          <CopyField id="invitation-link" label="Invitation link" value={created.url} />
          <Button variant="ghost" onClick={reset}>
            Done
          </Button>
        </div>
      ) : null}
    </div>
  );
}
