import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/db/create-client.ts";

export type AuditInput = {
  orgId: string | null;
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  userAgent?: string | null;
  metadata?: Prisma.InputJsonValue;
};

/**
 * Appends to the audit trail. Never pass data that could identify the author of anonymous content.
 * Failing to audit must not fail the user's request, so errors are logged and swallowed.
 */
export async function recordAuditEvent(input: AuditInput): Promise<void> {
  try {
    await getDb().auditEvent.create({
      data: {
        organizationId: input.orgId,
        actorId: input.actorId,
        action: input.action,
        targetType: input.targetType ?? "",
        targetId: input.targetId ?? "",
        ip: input.ip ?? null,
        userAgent: input.userAgent ? input.userAgent.slice(0, 300) : null,
        metadata: input.metadata ?? {},
      },
      select: { id: true },
    });
  } catch (error) {
    console.error("audit: could not record", input.action, error instanceof Error ? error.message : error);
  }
}
