"use client";

import { useAction } from "next-safe-action/hooks";
import { updateMeasureAction } from "@/app/(app)/teams/[teamId]/measures/actions.ts";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";

/** Archive hides a measure from the list and stops new data; its points and chart stay. */
export function ArchiveMeasureButton({ measureId, archived }: { measureId: string; archived: boolean }) {
  const { execute, result, isPending } = useAction(updateMeasureAction);
  return (
    <div className="space-y-2">
      <Button variant={archived ? "secondary" : "danger"} pending={isPending} onClick={() => execute({ measureId, changes: { archived: !archived } })}>
        {archived ? "Restore measure" : "Archive measure"}
      </Button>
      {result.serverError ? <Alert tone="error">{result.serverError}</Alert> : null}
    </div>
  );
}
