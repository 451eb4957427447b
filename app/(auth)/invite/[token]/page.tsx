import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getSessionCaller } from "@/lib/auth/session.ts";
import { isAppError } from "@/lib/errors.ts";
import { previewInvitation, type InvitationPreview } from "@/lib/invitations/accept-invitation.ts";
import { AcceptAsSignedInButton, AcceptInvitationForm, SwitchAccountButton } from "@/components/forms/accept-invitation-form.tsx";
import { Alert } from "@/components/ui/alert.tsx";
import { roleLabel } from "@/components/ui/badge.tsx";
import { ButtonLink } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

async function loadPreview(token: string): Promise<InvitationPreview> {
  try {
    return await previewInvitation(token);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await loadPreview(token);
  const caller = await getSessionCaller();

  return (
    <div className="space-y-6">
      <div className="text-center">
        <h1 className="text-2xl font-bold text-slate-900">Join {invitation.teamName}</h1>
        <p className="mt-1 text-sm text-slate-600">
          You are invited to <strong className="font-semibold text-slate-800">{invitation.organizationName}</strong> as{" "}
          <strong className="font-semibold text-slate-800">{roleLabel(invitation.role).toLowerCase()}</strong> of the team{" "}
          <strong className="font-semibold text-slate-800">{invitation.teamName}</strong>.
        </p>
      </div>
      <Card className="space-y-4">
        <InvitationBody invitation={invitation} token={token} signedInEmail={caller?.email ?? null} />
      </Card>
    </div>
  );
}

function InvitationBody({ invitation, token, signedInEmail }: { invitation: InvitationPreview; token: string; signedInEmail: string | null }) {
  if (invitation.state === "expired") {
    return (
      <Alert tone="warning" title="This invitation has expired">
        Invitations are valid for 7 days. Ask the person who invited you to send a new one.
      </Alert>
    );
  }
  if (invitation.state === "used") {
    return (
      <>
        <Alert tone="info" title="This invitation has already been used">
          If you accepted it, sign in to see your team.
        </Alert>
        <ButtonLink href="/sign-in" variant="secondary" className="w-full">
          Sign in
        </ButtonLink>
      </>
    );
  }
  const invitePath = `/invite/${encodeURIComponent(token)}`;
  const signInUrl = `/sign-in?callbackUrl=${encodeURIComponent(invitePath)}&email=${encodeURIComponent(invitation.email)}`;
  if (invitation.hasAccount) {
    if (signedInEmail === invitation.email) return <AcceptAsSignedInButton token={token} />;
    return (
      <>
        <p className="text-sm text-slate-700">
          <strong className="font-semibold">{invitation.email}</strong> already has an account. Sign in as {invitation.email} to accept.
        </p>
        {signedInEmail ? (
          <SwitchAccountButton signInUrl={signInUrl} email={invitation.email} />
        ) : (
          <ButtonLink href={signInUrl} className="w-full">
            Sign in as {invitation.email} to accept
          </ButtonLink>
        )}
      </>
    );
  }
  return (
    <>
      {signedInEmail ? (
        <Alert tone="info">
          You are signed in as {signedInEmail}. Accepting creates a new account for {invitation.email} and signs you in with it.
        </Alert>
      ) : null}
      <AcceptInvitationForm token={token} email={invitation.email} />
    </>
  );
}
