import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { enabledOAuthProviders } from "@/lib/auth/options.ts";
import { getSessionCaller } from "@/lib/auth/session.ts";
import { safeCallbackUrl } from "@/lib/navigation/safe-callback-url.ts";
import { OAuthButtons } from "@/components/forms/oauth-buttons.tsx";
import { SIGN_IN_FAILED, SignInForm } from "@/components/forms/sign-in-form.tsx";
import { Card } from "@/components/ui/card.tsx";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// next-auth sends people back here with ?error=<code>. None of the codes is shown as is.
function errorMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  if (code === "CredentialsSignin") return SIGN_IN_FAILED;
  if (code === "AccessDenied") return "That account cannot sign in here. Ask your admin for an invitation.";
  return "Signing in did not work. Please try again.";
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  if (await getSessionCaller()) redirect(callbackUrl);

  return (
    <div className="space-y-6">
      <div className="text-center">
        <h1 className="text-2xl font-bold text-slate-900">Sign in</h1>
        <p className="mt-1 text-sm text-slate-600">Welcome back. Sign in to see your team.</p>
      </div>
      <Card className="space-y-5">
        <SignInForm callbackUrl={callbackUrl} initialError={errorMessage(first(params.error))} defaultEmail={first(params.email)} />
        <OAuthButtons providers={enabledOAuthProviders()} callbackUrl={callbackUrl} />
      </Card>
      <p className="text-center text-sm text-slate-700">
        New to Learning Loop?{" "}
        <Link href="/sign-up" className="font-semibold text-teal-800 underline">
          Create an organization
        </Link>
      </p>
      <p className="text-center text-sm text-slate-600">Joining a team? Open the invitation link you were sent.</p>
    </div>
  );
}
