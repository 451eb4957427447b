import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { hashPassword, sha256 } from "@/lib/auth/crypto.ts";
import { AppError, notFound } from "@/lib/errors.ts";
import { recordAuditEvent } from "@/lib/audit/record-audit-event.ts";
import { acceptInvitationInput, invitationTokenSchema } from "./schema.ts";

export type InvitationPreview = {
  email: string;
  role: string;
  teamName: string;
  organizationName: string;
  state: "open" | "expired" | "used";
  /** True when the email already has an account (in the same organization): sign in to accept. */
  hasAccount: boolean;
};

export async function previewInvitation(token: string): Promise<InvitationPreview> {
  const parsed = invitationTokenSchema.safeParse(token);
  if (!parsed.success) throw notFound("This invitation link is not valid.");
  const db = getDb();
  const row = await db.invitation.findUnique({
    where: { tokenHash: sha256(parsed.data) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      team: { select: { name: true } },
      organization: { select: { name: true } },
    },
  });
  if (!row) throw notFound("This invitation link is not valid.");
  const account = await db.user.findUnique({ where: { email: row.email }, select: { id: true } });
  return {
    email: row.email,
    role: row.role,
    teamName: row.team.name,
    organizationName: row.organization.name,
    state: row.acceptedAt || row.revokedAt ? "used" : row.expiresAt <= new Date() ? "expired" : "open",
    hasAccount: Boolean(account),
  };
}

const gone = (state: "expired" | "used") =>
  new AppError("GONE", state === "expired" ? "This invitation has expired. Ask for a new one." : "This invitation has already been used.");

/**
 * Accepts an invitation. New people choose a name and password; someone who already has an account
 * in the organization must be signed in as that account. Single use is enforced by a conditional
 * update inside the transaction, so two simultaneous accepts cannot both succeed.
 */
export async function acceptInvitation(
  raw: unknown,
  signedIn: Caller | null,
): Promise<{ userId: string; teamId: string; email: string; createdAccount: boolean }> {
  const db = getDb();
  const tokenOnly = invitationTokenSchema.parse((raw as { token?: unknown })?.token);
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: sha256(tokenOnly) },
    select: { id: true, organizationId: true, teamId: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true },
  });
  if (!invitation) throw notFound("This invitation link is not valid.");
  if (invitation.acceptedAt || invitation.revokedAt) throw gone("used");
  if (invitation.expiresAt <= new Date()) throw gone("expired");

  const existing = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true, organizationId: true } });
  if (existing && existing.organizationId !== invitation.organizationId) throw new AppError("CONFLICT", "This email belongs to another organization.");
  if (existing && signedIn?.userId !== existing.id) {
    throw new AppError("UNAUTHORIZED", `Sign in as ${invitation.email} to accept this invitation.`);
  }
  const input = existing ? null : acceptInvitationInput.parse(raw);
  const passwordHash = input ? await hashPassword(input.password) : null;

  const result = await db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw gone("used");
    const userId =
      existing?.id ??
      (
        await tx.user.create({
          data: { organizationId: invitation.organizationId, email: invitation.email, name: input!.name, passwordHash },
          select: { id: true },
        })
      ).id;
    await tx.membership.upsert({
      where: { teamId_userId: { teamId: invitation.teamId, userId } },
      create: { organizationId: invitation.organizationId, teamId: invitation.teamId, userId, role: invitation.role },
      update: { role: invitation.role },
      select: { id: true },
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedById: userId }, select: { id: true } });
    return { userId, teamId: invitation.teamId, email: invitation.email, createdAccount: !existing };
  });
  await recordAuditEvent({
    orgId: invitation.organizationId,
    actorId: result.userId,
    action: "invitation.accepted",
    targetType: "invitation",
    targetId: invitation.id,
    metadata: { teamId: invitation.teamId, role: invitation.role },
  });
  return result;
}
