import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { requireUser, teamContext } from "@/lib/auth/guard.ts";
import { invitableRoles } from "@/lib/auth/permissions.ts";
import { randomSecret, sha256 } from "@/lib/auth/crypto.ts";
import { AppError, forbidden } from "@/lib/errors.ts";
import { recordAuditEvent } from "@/lib/audit/record-audit-event.ts";
import { sendEmail } from "@/lib/email/send-email.ts";
import { enforceRateLimit, envLimit } from "@/lib/rate-limit/limiter.ts";
import { createInvitationInput, INVITATION_DAYS, type CreateInvitationInput } from "./schema.ts";

export type CreatedInvitation = {
  invitation: { id: string; email: string; role: string; teamId: string; expiresAt: string };
  /** The link carries the only copy of the token: only its hash is stored. */
  path: string;
  /** True when the link was also emailed (SMTP configured). */
  emailed: boolean;
};

export async function createInvitation(
  caller: Caller,
  raw: CreateInvitationInput | unknown,
  options: { baseUrl?: string } = {},
): Promise<CreatedInvitation> {
  const input = createInvitationInput.parse(raw);
  const ctx = teamContext(caller, input.teamId, "invite:member");
  const inviterId = requireUser(caller);
  if (!invitableRoles(ctx.role).includes(input.role)) throw forbidden(`A ${ctx.role.toLowerCase()} cannot invite a ${input.role.toLowerCase()}.`);
  // Invitations send email to arbitrary addresses: cap them per inviter, shared across instances.
  await enforceRateLimit(
    `invite:user:${inviterId}`,
    envLimit("INVITATION_LIMIT_PER_HOUR", 50),
    3600,
    "Too many invitations in the last hour. Please wait before sending more.",
  );
  const db = getDb();

  const existing = await db.user.findUnique({
    where: { email: input.email },
    select: { organizationId: true, memberships: { where: { teamId: ctx.teamId }, select: { id: true } } },
  });
  // One organization per person (decision 004). The message does not say which organization.
  if (existing && existing.organizationId !== ctx.orgId) throw new AppError("CONFLICT", "This email cannot be invited to your organization.");
  if (existing && existing.memberships.length > 0) throw new AppError("CONFLICT", "This person is already a member of the team.");

  const token = randomSecret("lli");
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
  const row = await db.invitation.create({
    data: {
      organizationId: ctx.orgId,
      teamId: ctx.teamId,
      email: input.email,
      role: input.role,
      tokenHash: sha256(token),
      invitedById: inviterId,
      expiresAt,
    },
    select: { id: true, email: true, role: true, teamId: true, expiresAt: true },
  });
  await recordAuditEvent({
    orgId: ctx.orgId,
    actorId: inviterId,
    action: "invitation.created",
    targetType: "invitation",
    targetId: row.id,
    metadata: { teamId: ctx.teamId, role: input.role },
  });
  const path = `/invite/${token}`;
  const emailed = await emailInvitation(input.email, ctx.teamId, `${options.baseUrl ?? process.env.NEXTAUTH_URL ?? ""}${path}`, expiresAt);
  return { invitation: { ...row, expiresAt: row.expiresAt.toISOString() }, path, emailed };
}

async function emailInvitation(to: string, teamId: string, link: string, expiresAt: Date): Promise<boolean> {
  if (!process.env.SMTP_URL) return false;
  const team = await getDb().team.findUnique({ where: { id: teamId }, select: { name: true, organization: { select: { name: true } } } });
  if (!team) return false;
  return sendEmail({
    to,
    subject: `You're invited to ${team.name} on Learning Loop`,
    text: [
      `You have been invited to join ${team.name} (${team.organization.name}) on Learning Loop.`,
      "",
      `Accept the invitation: ${link}`,
      "",
      `The link works once and expires on ${expiresAt.toUTCString()}.`,
    ].join("\n"),
  });
}
