import "server-only";
import type { Prisma } from "@/lib/db/create-client.ts";
import type { AuditFilters } from "./schema.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The `where` for an organization's audit events under the given filters (tenant id first). */
export function auditWhere(orgId: string, filters: AuditFilters): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = { organizationId: orgId };
  if (filters.action) where.action = { startsWith: filters.action };
  if (filters.targetType) where.targetType = filters.targetType;
  if (filters.actor) {
    where.actor = filters.actor.includes("@")
      ? { is: { email: { equals: filters.actor, mode: "insensitive" }, organizationId: orgId } }
      : { is: { id: filters.actor, organizationId: orgId } };
  }
  if (filters.from || filters.to) {
    const createdAt: Prisma.DateTimeFilter = {};
    if (filters.from) createdAt.gte = new Date(`${filters.from}T00:00:00Z`);
    // "to" is inclusive: everything before the start of the next day (UTC).
    if (filters.to) createdAt.lt = new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS);
    where.createdAt = createdAt;
  }
  return where;
}

export const auditEventSelect = {
  id: true,
  createdAt: true,
  action: true,
  targetType: true,
  targetId: true,
  ip: true,
  userAgent: true,
  metadata: true,
  actor: { select: { id: true, name: true, email: true } },
} satisfies Prisma.AuditEventSelect;
