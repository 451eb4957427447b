"use client";

import { useAction } from "next-safe-action/hooks";
import { useId, useState, type FormEvent } from "react";
import { changeMemberRoleAction, removeMemberAction } from "@/app/(app)/teams/[teamId]/members/actions.ts";
import { roleLabel } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";

type AssignableRole = "MANAGER" | "LEAD" | "MEMBER";

/**
 * Per-member controls on the members page: change role (when the caller may) and remove, with a
 * confirm step so that nobody loses access to a stray tap.
 */
export function MemberControls({
  teamId,
  membershipId,
  name,
  role,
  roles,
  mayRemove,
}: {
  teamId: string;
  membershipId: string;
  name: string;
  role: string;
  roles: AssignableRole[];
  mayRemove: boolean;
}) {
  const selectId = useId();
  const [selected, setSelected] = useState(role);
  const [confirming, setConfirming] = useState(false);
  const change = useAction(changeMemberRoleAction);
  const remove = useAction(removeMemberAction);
  const error = change.result.serverError ?? remove.result.serverError ?? (change.result.validationErrors ? "That role cannot be given here." : null);

  function onChange(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (selected === role || !roles.includes(selected as AssignableRole)) return;
    change.execute({ teamId, membershipId, role: selected as AssignableRole });
  }

  return (
    <div className="flex w-full flex-col gap-2 sm:w-auto sm:items-end">
      <div className="flex flex-wrap items-center gap-2">
        {roles.length > 1 ? (
          <form onSubmit={onChange} className="flex items-center gap-2">
            <label htmlFor={selectId} className="sr-only">
              Team access for {name}
            </label>
            <select
              id={selectId}
              value={selected}
              onChange={(e) => setSelected(e.target.value)}
              className="min-h-11 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900"
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
            <Button type="submit" variant="secondary" disabled={selected === role} pending={change.isPending} pendingLabel="Saving…" aria-label={`Save team access for ${name}`}>
              Save
            </Button>
          </form>
        ) : null}
        {mayRemove && !confirming ? (
          <Button variant="danger" onClick={() => setConfirming(true)} aria-label={`Remove ${name} from the team`}>
            Remove
          </Button>
        ) : null}
        {mayRemove && confirming ? (
          <>
            <Button
              variant="danger"
              onClick={() => remove.execute({ teamId, membershipId })}
              pending={remove.isPending}
              pendingLabel="Removing…"
              aria-label={`Confirm removing ${name}`}
            >
              Confirm remove
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {change.result.data ? (
        <p role="status" className="text-sm text-emerald-800">
          Role changed to {roleLabel(change.result.data.to).toLowerCase()}.
        </p>
      ) : null}
    </div>
  );
}
