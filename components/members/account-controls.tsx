"use client";

import { useAction } from "next-safe-action/hooks";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { deactivateUserAction, reactivateUserAction } from "@/app/(app)/teams/[teamId]/members/actions.ts";
import { Button } from "@/components/ui/button.tsx";

type FocusTarget = "deactivate" | "reactivate" | "panel" | null;

/**
 * An org admin's control over a person's account, next to them on the members page: deactivate
 * (after a confirm step that says what it does and what it keeps) or reactivate. The use cases
 * decide who may; this only shows the way.
 */
export function AccountControls({ userId, name, deactivated }: { userId: string; name: string; deactivated: boolean }) {
  const titleId = useId();
  const detailId = useId();
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState("");
  // Which element gets focus when it next mounts: the buttons swap places after each step, and a
  // keyboard user should not be dropped back at the top of the page.
  const focusNext = useRef<FocusTarget>(null);
  const focusOnMount = (target: Exclude<FocusTarget, null>) => (el: HTMLElement | null) => {
    if (el && focusNext.current === target) {
      focusNext.current = null;
      el.focus();
    }
  };

  const deactivate = useAction(deactivateUserAction, {
    onSuccess: () => {
      setConfirming(false);
      setNotice(`${name} is deactivated and can no longer sign in.`);
    },
  });
  const reactivate = useAction(reactivateUserAction, {
    onSuccess: () => setNotice(`${name} can sign in again.`),
  });
  const failed = deactivate.result.serverError ?? reactivate.result.serverError;
  const invalid = deactivate.result.validationErrors ?? reactivate.result.validationErrors;
  const error = failed ?? (invalid ? "Something went wrong. Reload the page and try again." : null);

  function open() {
    reactivate.reset();
    setNotice("");
    focusNext.current = "panel";
    setConfirming(true);
  }
  function cancel() {
    deactivate.reset();
    focusNext.current = "deactivate";
    setConfirming(false);
  }
  function onPanelKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape" && !deactivate.isPending) {
      event.preventDefault();
      cancel();
    }
  }

  return (
    <div className="flex w-full flex-col items-start gap-2 sm:w-auto sm:items-end">
      {deactivated ? (
        <Button
          ref={focusOnMount("reactivate")}
          variant="secondary"
          pending={reactivate.isPending}
          pendingLabel="Reactivating…"
          onClick={() => {
            deactivate.reset();
            setNotice("");
            focusNext.current = "deactivate";
            reactivate.execute({ userId });
          }}
        >
          Reactivate account<span className="sr-only"> of {name}</span>
        </Button>
      ) : confirming ? (
        <div
          ref={focusOnMount("panel")}
          role="group"
          aria-labelledby={titleId}
          aria-describedby={detailId}
          tabIndex={-1}
          onKeyDown={onPanelKeyDown}
          className="w-full rounded-md border border-red-300 bg-red-50 p-3 text-sm text-slate-800 sm:max-w-sm"
        >
          <p id={titleId} className="font-semibold text-red-900">
            Deactivate the account of {name}?
          </p>
          <div id={detailId} className="mt-1 space-y-1">
            <p>
              {name} will no longer be able to sign in. If they are signed in now, they are signed out on their next click or page load.
            </p>
            <p>Their observations, comments and data stay as they are, and so do their teams. You can reactivate the account later.</p>
          </div>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button
              variant="danger"
              pending={deactivate.isPending}
              pendingLabel="Deactivating…"
              onClick={() => {
                focusNext.current = "reactivate";
                deactivate.execute({ userId });
              }}
            >
              Deactivate {name}
            </Button>
            <Button variant="ghost" onClick={cancel} disabled={deactivate.isPending}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button ref={focusOnMount("deactivate")} variant="danger" onClick={open}>
          Deactivate account<span className="sr-only"> of {name}</span>
        </Button>
      )}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="text-sm text-emerald-800">
          {notice}
        </p>
      ) : null}
    </div>
  );
}
