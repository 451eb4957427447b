"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { TextField } from "@/components/ui/field.tsx";

// One message for every failure: it must never reveal whether the email has an account.
export const SIGN_IN_FAILED = "Email or password is incorrect.";

export function SignInForm({ callbackUrl, initialError, defaultEmail }: { callbackUrl: string; initialError?: string | undefined; defaultEmail?: string | undefined }) {
  const [error, setError] = useState<string | undefined>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        // A full load, so every server component renders with the new session.
        window.location.assign(callbackUrl);
        return;
      }
      setError(SIGN_IN_FAILED);
    } catch {
      setError("We could not reach the server. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextField id="email" name="email" type="email" label="Email" autoComplete="email" inputMode="email" required defaultValue={defaultEmail} />
      <TextField id="password" name="password" type="password" label="Password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" pending={pending} pendingLabel="Signing in…">
        Sign in
      </Button>
    </form>
  );
}
