"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { revokeApiTokenAction } from "@/app/(app)/admin/api-tokens/actions.ts";
import { Button } from "@/components/ui/button.tsx";

/** Two steps, so a token that a system depends on is not revoked by a stray tap. */
export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const { execute, result, isPending } = useAction(revokeApiTokenAction);

  if (!confirming) {
    return (
      <Button variant="danger" onClick={() => setConfirming(true)} aria-label={`Revoke token ${name}`}>
        Revoke
      </Button>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="danger" onClick={() => execute({ id })} pending={isPending} pendingLabel="Revoking…" aria-label={`Confirm revoking token ${name}`}>
        Confirm revoke
      </Button>
      <Button variant="ghost" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
      {result.serverError ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {result.serverError}
        </p>
      ) : null}
    </div>
  );
}
