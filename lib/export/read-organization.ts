// Reads every row an organization owns, table by table, in primary-key order. Runs inside one
// REPEATABLE READ transaction (see export-organization.ts) so the tables agree with each other.
import type { Db } from "@/lib/db/create-client.ts";
import { AppError } from "@/lib/errors.ts";
import { toJsonRows, type JsonRow, type OrganizationSnapshot } from "./archive.ts";
import { EXPORT_TABLES, type ExportTable, type ModelName } from "./tables.ts";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Reader = { findMany(args: { where: unknown; orderBy: unknown; take: number; skip: number }): Promise<Record<string, unknown>[]> };

/** Rows fetched per query: keeps each result set (and the pg driver's buffers) small for big tables. */
const PAGE_ROWS = 5000;

function whereFor(table: ExportTable, orgId: string, userIds: string[]): unknown {
  if (table.model === "Organization") return { id: orgId };
  // Events recorded without an organization (e.g. by the sign-in flow) still belong to it through
  // their actor; everything else carries organizationId itself.
  if (table.model === "AuditEvent") return { OR: [{ organizationId: orgId }, { organizationId: null, actorId: { in: userIds } }] };
  return { organizationId: orgId };
}

async function readTable(tx: Tx, table: ExportTable, where: unknown): Promise<Record<string, unknown>[]> {
  const reader = tx[table.delegate] as unknown as Reader;
  const orderBy = table.orderBy.map((column) => ({ [column]: "asc" }));
  const rows: Record<string, unknown>[] = [];
  for (;;) {
    const page = await reader.findMany({ where, orderBy, take: PAGE_ROWS, skip: rows.length });
    rows.push(...page);
    if (page.length < PAGE_ROWS) return rows;
  }
}

export async function readOrganization(tx: Tx, orgId: string): Promise<OrganizationSnapshot> {
  const organization = await tx.organization.findUnique({ where: { id: orgId }, select: { id: true, name: true, slug: true } });
  if (!organization) throw new AppError("NOT_FOUND", "Organization not found.");
  const users = await tx.user.findMany({ where: { organizationId: orgId }, select: { id: true } });
  const userIds = users.map((u) => u.id);
  const tables = {} as Record<ModelName, JsonRow[]>;
  for (const table of EXPORT_TABLES) {
    tables[table.model] = toJsonRows(table.model, await readTable(tx, table, whereFor(table, orgId, userIds)));
  }
  return { organization, tables };
}
