// Restores one organization from an export archive into a database that does not hold it yet.
// An operator command (scripts/org-import.ts), not a route: it takes the database client rather
// than a caller, and has no `server-only` marker so that plain Node can run it.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/create-client.ts";
import { Prisma } from "@/lib/db/generated/client.ts";
import { sha256 } from "@/lib/auth/crypto.ts";
import { AppError } from "@/lib/errors.ts";
import { readArchive, type ParsedArchive } from "./archive.ts";
import type { Tx } from "./read-organization.ts";
import type { ParsedRow } from "./schema.ts";
import { DEFERRED_COLUMNS, EXPORT_TABLES, INSERT_CHUNK_ROWS, type ExportTable, type ModelName } from "./tables.ts";

export type ImportResult = { organization: { id: string; name: string; slug: string }; rows: Record<ModelName, number>; users: number };

type Writer = {
  createMany(args: { data: ParsedRow[] }): Promise<{ count: number }>;
  update(args: { where: { id: string }; data: ParsedRow; select: { id: true } }): Promise<unknown>;
  updateMany(args: { where: { id: { in: string[] } }; data: ParsedRow }): Promise<{ count: number }>;
};

/** A hash nobody holds the token for: the column cannot be empty, and the old secret was not exported. */
const unusableHash = () => sha256(`imported:${randomBytes(32).toString("hex")}`);

/** Refuses with 409 when the organization, its slug or any of its people's emails already exist. */
async function assertAbsent(db: Db, archive: ParsedArchive): Promise<void> {
  const { id, slug } = archive.manifest.organization;
  const org = await db.organization.findFirst({ where: { OR: [{ id }, { slug }] }, select: { id: true } });
  if (org) throw new AppError("CONFLICT", `Organization ${slug} (${id}) already exists in this database; nothing was imported.`);
  const emails = archive.tables.User.map((u) => u.email as string);
  const taken = await db.user.findMany({ where: { email: { in: emails } }, select: { email: true }, take: 5 });
  if (taken.length) {
    throw new AppError("CONFLICT", `These email addresses already have an account here: ${taken.map((u) => u.email).join(", ")}; nothing was imported.`, {
      details: { emails: taken.map((u) => u.email) },
    });
  }
}

/** The row as inserted: deferred foreign keys held back, secrets replaced, JSON null made explicit. */
function insertable(model: ModelName, row: ParsedRow): ParsedRow {
  const data: ParsedRow = { ...row };
  for (const column of DEFERRED_COLUMNS[model] ?? []) data[column] = null;
  if (model === "User") data.passwordHash = null;
  if (model === "ApiToken" || model === "Invitation") data.tokenHash = unusableHash();
  for (const column of ["metadata", "snapshot"]) if (column in data && data[column] === null) data[column] = Prisma.JsonNull;
  return data;
}

async function insertTable(tx: Tx, table: ExportTable, rows: ParsedRow[]): Promise<void> {
  const writer = tx[table.delegate] as unknown as Writer;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK_ROWS) {
    await writer.createMany({ data: rows.slice(i, i + INSERT_CHUNK_ROWS).map((r) => insertable(table.model, r)) });
  }
}

/**
 * Sets the held-back foreign keys once every row exists. Tables with an @updatedAt column are
 * updated row by row with their exported updatedAt (Prisma would otherwise stamp "now"); the
 * others in one statement per distinct value.
 */
async function setDeferredColumns(tx: Tx, table: ExportTable, rows: ParsedRow[]): Promise<void> {
  const columns = DEFERRED_COLUMNS[table.model];
  if (!columns) return;
  const writer = tx[table.delegate] as unknown as Writer;
  const pending = rows.filter((r) => columns.some((c) => r[c] !== null));
  if (pending.length === 0) return;
  if ("updatedAt" in pending[0]!) {
    for (const row of pending) {
      const data: ParsedRow = Object.fromEntries(columns.map((c) => [c, row[c]]));
      await writer.update({ where: { id: row.id as string }, data: { ...data, updatedAt: row.updatedAt }, select: { id: true } });
    }
    return;
  }
  for (const column of columns) {
    const byValue = new Map<string, string[]>();
    for (const row of rows) {
      const value = row[column] as string | null;
      if (value !== null) byValue.set(value, [...(byValue.get(value) ?? []), row.id as string]);
    }
    for (const [value, ids] of byValue) await writer.updateMany({ where: { id: { in: ids } }, data: { [column]: value } });
  }
}

/** RetroItem.sequence is a serial: move it past the imported values so new items sort after them. */
async function advanceSequences(tx: Tx): Promise<void> {
  const [row] = await tx.$queryRaw<{ seq: string | null }[]>`SELECT pg_get_serial_sequence('"RetroItem"', 'sequence') AS seq`;
  if (!row?.seq) return;
  await tx.$queryRawUnsafe(
    `SELECT setval($1::regclass, GREATEST((SELECT COALESCE(MAX("sequence"), 1) FROM "RetroItem"), (SELECT last_value FROM ${row.seq})))::text AS v`,
    row.seq,
  );
}

function mapDatabaseError(error: unknown): unknown {
  const code = (error as { code?: string })?.code;
  if (code === "P2002") return new AppError("CONFLICT", "Some rows of this export already exist in the database; nothing was imported.");
  if (code === "P2003") return new AppError("UNPROCESSABLE", "The export refers to rows it does not contain; nothing was imported.");
  return error;
}

/**
 * Validates the whole archive first (400/422 on any bad row), refuses if anything of the
 * organization already exists (409), then writes every table in foreign-key order in ONE
 * transaction: a failure half-way leaves nothing behind. People come back without passwords.
 */
export async function importOrganization(bytes: Uint8Array, db: Db): Promise<ImportResult> {
  const archive = readArchive(bytes);
  await assertAbsent(db, archive);
  const { manifest, tables } = archive;
  try {
    await db.$transaction(
      async (tx) => {
        for (const table of EXPORT_TABLES) await insertTable(tx, table, tables[table.model]);
        for (const table of EXPORT_TABLES) await setDeferredColumns(tx, table, tables[table.model]);
        await advanceSequences(tx);
        await tx.auditEvent.create({
          data: {
            organizationId: manifest.organization.id,
            actorId: null,
            action: "organization.imported",
            targetType: "organization",
            targetId: manifest.organization.id,
            metadata: { exportedAt: manifest.exportedAt, formatVersion: manifest.formatVersion, tables: manifest.tables },
          },
          select: { id: true },
        });
      },
      { maxWait: 10_000, timeout: 600_000 },
    );
  } catch (error) {
    throw mapDatabaseError(error);
  }
  return { organization: manifest.organization, rows: manifest.tables as Record<ModelName, number>, users: tables.User.length };
}
