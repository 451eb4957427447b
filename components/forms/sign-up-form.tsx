"use client";

import { signIn } from "next-auth/react";
import { useAction } from "next-safe-action/hooks";
import { useState, type FormEvent } from "react";
import { signUpAction } from "@/app/(auth)/sign-up/actions.ts";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { fieldError, formError } from "./field-errors.ts";
import { loadPageFresh } from "./load-page-fresh.ts";

export function SignUpForm() {
  const [signInError, setSignInError] = useState<string>();
  const [signingIn, setSigningIn] = useState(false);
  const { executeAsync, result, isPending } = useAction(signUpAction);
  const errors = result.validationErrors;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSignInError(undefined);
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      organizationName: String(form.get("organizationName") ?? ""),
      teamName: String(form.get("teamName") ?? ""),
    };
    const outcome = await executeAsync(input);
    if (!outcome?.data) return;
    setSigningIn(true);
    const signedIn = await signIn("credentials", { email: input.email, password: input.password, redirect: false }).catch(() => undefined);
    if (signedIn?.ok && !signedIn.error) {
      loadPageFresh("/");
      return;
    }
    setSigningIn(false);
    setSignInError("Your organization was created, but signing in failed. Please sign in with your new account.");
  }

  const serverError = result.serverError ?? formError(errors);
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {serverError ? <Alert tone="error">{serverError}</Alert> : null}
      {signInError ? <Alert tone="error">{signInError}</Alert> : null}
      <TextField id="name" name="name" label="Your name" autoComplete="name" required error={fieldError(errors, "name")} />
      <TextField id="email" name="email" type="email" label="Work email" autoComplete="email" inputMode="email" required error={fieldError(errors, "email")} />
      <TextField
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        minLength={10}
        error={fieldError(errors, "password")}
      />
      <TextField
        id="organizationName"
        name="organizationName"
        label="Organization name"
        autoComplete="organization"
        hint="For example, your hospital or clinic."
        required
        error={fieldError(errors, "organizationName")}
      />
      <TextField
        id="teamName"
        name="teamName"
        label="First team name"
        hint="For example, your ward or department. You can add more teams later."
        required
        error={fieldError(errors, "teamName")}
      />
      <Button type="submit" className="w-full" pending={isPending || signingIn} pendingLabel={signingIn ? "Signing you in…" : "Creating…"}>
        Create organization
      </Button>
    </form>
  );
}
