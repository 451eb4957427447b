import { z } from "zod";

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31.")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "Not a valid date.");

/** Empty form fields arrive as "": treat them as absent. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

export const auditFilters = z.object({
  /** Prefix of the action, e.g. "auth." or "member.role_changed". */
  action: optional(z.string().trim().max(100)),
  /** The actor's email (exact, any case) or user id. */
  actor: optional(z.string().trim().max(200)),
  from: optional(day),
  to: optional(day),
  targetType: optional(z.string().trim().max(100)),
});
export type AuditFilters = z.infer<typeof auditFilters>;

export const listAuditEventsQuery = auditFilters.extend({
  cursor: optional(z.string().trim().max(64)),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAuditEventsQuery = z.input<typeof listAuditEventsQuery>;

export type AuditEventRow = {
  id: string;
  createdAt: Date;
  action: string;
  targetType: string;
  targetId: string;
  ip: string | null;
  userAgent: string | null;
  metadata: unknown;
  actor: { id: string; name: string; email: string } | null;
};
