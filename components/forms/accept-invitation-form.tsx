"use client";

import { signIn, signOut } from "next-auth/react";
import { useAction } from "next-safe-action/hooks";
import { useState, type FormEvent } from "react";
import { acceptAsSignedInAction, acceptInvitationAction } from "@/app/(auth)/invite/[token]/actions.ts";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { fieldError } from "./field-errors.ts";
import { loadPageFresh } from "./load-page-fresh.ts";

/** New people choose a name and a password; then they are signed in and taken to the team. */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const [signInError, setSignInError] = useState<string>();
  const [signingIn, setSigningIn] = useState(false);
  const { executeAsync, result, isPending } = useAction(acceptInvitationAction);
  const errors = result.validationErrors;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSignInError(undefined);
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    const outcome = await executeAsync({ token, name: String(form.get("name") ?? ""), password });
    if (!outcome?.data) return;
    setSigningIn(true);
    const signedIn = await signIn("credentials", { email: outcome.data.email, password, redirect: false }).catch(() => undefined);
    if (signedIn?.ok && !signedIn.error) {
      loadPageFresh(`/teams/${outcome.data.teamId}`);
      return;
    }
    setSigningIn(false);
    setSignInError("You joined the team, but signing in failed. Please sign in with your new password.");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {result.serverError ? <Alert tone="error">{result.serverError}</Alert> : null}
      {signInError ? <Alert tone="error">{signInError}</Alert> : null}
      <TextField id="invite-email" label="Email" value={email} readOnly disabled />
      <TextField id="name" name="name" label="Your name" autoComplete="name" required error={fieldError(errors, "name")} />
      <TextField
        id="password"
        name="password"
        type="password"
        label="Choose a password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        minLength={10}
        error={fieldError(errors, "password")}
      />
      <Button type="submit" className="w-full" pending={isPending || signingIn} pendingLabel={signingIn ? "Signing you in…" : "Joining…"}>
        Accept and join the team
      </Button>
    </form>
  );
}

/** Someone with an account, already signed in as the invited email. */
export function AcceptAsSignedInButton({ token }: { token: string }) {
  const { executeAsync, result, isPending } = useAction(acceptAsSignedInAction);
  async function accept() {
    const outcome = await executeAsync({ token });
    if (outcome?.data) loadPageFresh(`/teams/${outcome.data.teamId}`);
  }
  return (
    <div className="space-y-3">
      {result.serverError ? <Alert tone="error">{result.serverError}</Alert> : null}
      <Button className="w-full" onClick={accept} pending={isPending} pendingLabel="Joining…">
        Accept and join the team
      </Button>
    </div>
  );
}

/** Signed in as someone else: sign out first, then sign in as the invited account. */
export function SwitchAccountButton({ signInUrl, email }: { signInUrl: string; email: string }) {
  return (
    <Button className="w-full" onClick={() => void signOut({ callbackUrl: signInUrl })}>
      Sign out and sign in as {email}
    </Button>
  );
}
