// Building and reading the export archive (pure: no I/O). Layout:
//   manifest.json          format, organization, exportedAt (UTC), row counts, what was left out
//   json/<Model>.json      every row of the table, ordered by primary key — what the import reads
//   csv/<Model>.csv        the same rows for spreadsheets (formula-like cells defused)
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import Papa from "papaparse";
import { AppError } from "@/lib/errors.ts";
import { safeCell } from "@/lib/measures/csv.ts";
import { manifestSchema, rowSchemas, type Manifest, type ParsedRow } from "./schema.ts";
import { EXCLUDED_TABLES, EXPORT_FORMAT, EXPORT_FORMAT_VERSION, EXPORT_TABLES, OMITTED_COLUMNS, type ModelName } from "./tables.ts";

export type JsonRow = Record<string, unknown>;
export type OrganizationSnapshot = {
  organization: { id: string; name: string; slug: string };
  tables: Record<ModelName, JsonRow[]>;
};

/** Refuse archive members larger than this when reading (a zip bomb would otherwise fill memory). */
const MAX_MEMBER_BYTES = 512 * 1024 * 1024;

function isDecimalLike(value: object): value is { toFixed: () => string; toString: () => string } {
  return typeof (value as { toFixed?: unknown }).toFixed === "function" && (value as object).constructor?.name === "Decimal";
}

/** A database value as plain JSON: dates as UTC ISO strings, BigInt and Decimal as exact strings. */
export function toJsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value !== null && typeof value === "object") {
    if (isDecimalLike(value)) return value.toString();
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonValue(v)]));
  }
  return value;
}

/** Rows as read from the database → JSON rows with the secret columns removed (belt and braces: the client omits them too). */
export function toJsonRows(model: ModelName, rows: readonly Record<string, unknown>[]): JsonRow[] {
  const omitted = new Set<string>(OMITTED_COLUMNS.filter((c) => c.table === model).map((c) => c.column));
  return rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !omitted.has(k)).map(([k, v]) => [k, toJsonValue(v)])));
}

function csvValue(value: unknown): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "string") return safeCell(value);
  return safeCell(JSON.stringify(value));
}

/** One table as CSV; the header comes from the row schema so that empty tables still have one. */
export function tableToCsv(model: ModelName, rows: readonly JsonRow[]): string {
  const fields = Object.keys(rowSchemas[model].shape);
  return Papa.unparse({ fields, data: rows.map((r) => fields.map((f) => csvValue(r[f]))) });
}

export function buildManifest(snapshot: OrganizationSnapshot, exportedAt: Date): Manifest {
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    organization: snapshot.organization,
    exportedAt: exportedAt.toISOString(),
    tables: Object.fromEntries(EXPORT_TABLES.map((t) => [t.model, snapshot.tables[t.model].length])) as Manifest["tables"],
    omittedColumns: OMITTED_COLUMNS.map((c) => ({ ...c })),
    excludedTables: EXCLUDED_TABLES.map((t) => ({ ...t })),
  };
}

/** The zip. Every member gets the export time as its timestamp, so equal data gives equal bytes. */
export function buildArchive(snapshot: OrganizationSnapshot, exportedAt: Date): { bytes: Uint8Array<ArrayBuffer>; manifest: Manifest } {
  const manifest = buildManifest(snapshot, exportedAt);
  const json: Zippable = {};
  const csv: Zippable = {};
  for (const { model } of EXPORT_TABLES) {
    const rows = snapshot.tables[model];
    json[`${model}.json`] = strToU8(JSON.stringify(rows, null, 1));
    csv[`${model}.csv`] = strToU8(tableToCsv(model, rows));
  }
  const bytes = zipSync({ "manifest.json": strToU8(JSON.stringify(manifest, null, 2)), json, csv }, { level: 6, mtime: exportedAt });
  return { bytes, manifest };
}

export type ParsedArchive = { manifest: Manifest; tables: Record<ModelName, ParsedRow[]> };

function parseJsonMember(files: Record<string, Uint8Array>, name: string): unknown {
  const data = files[name];
  if (!data) throw new AppError("BAD_REQUEST", `The archive has no ${name}.`);
  try {
    return JSON.parse(strFromU8(data));
  } catch {
    throw new AppError("BAD_REQUEST", `${name} is not valid JSON.`);
  }
}

/**
 * Reads and validates a whole archive: the manifest, then every row of every table against its
 * schema, the row counts against the manifest, and that every row belongs to the manifest's
 * organization. Structural problems answer 400, an invalid row 422 (with the table and row).
 */
export function readArchive(bytes: Uint8Array): ParsedArchive {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.originalSize > MAX_MEMBER_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `${f.name} is too large to import.`);
        return f.name === "manifest.json" || f.name.startsWith("json/");
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("BAD_REQUEST", "The file is not a readable zip archive.");
  }
  const manifestResult = manifestSchema.safeParse(parseJsonMember(files, "manifest.json"));
  if (!manifestResult.success) {
    const issue = manifestResult.error.issues[0];
    throw new AppError("BAD_REQUEST", `manifest.json is not a Learning Loop organization export: ${issue?.path.join(".") || "manifest"}: ${issue?.message ?? "invalid"}.`);
  }
  const manifest = manifestResult.data;
  const orgId = manifest.organization.id;
  const tables = {} as Record<ModelName, ParsedRow[]>;
  for (const { model } of EXPORT_TABLES) {
    const raw = parseJsonMember(files, `json/${model}.json`);
    if (!Array.isArray(raw)) throw new AppError("BAD_REQUEST", `json/${model}.json must hold an array of rows.`);
    if (raw.length !== manifest.tables[model]) {
      throw new AppError("UNPROCESSABLE", `json/${model}.json has ${raw.length} rows; the manifest says ${manifest.tables[model] ?? "none"}.`);
    }
    const schema = rowSchemas[model];
    tables[model] = raw.map((row, index) => {
      const parsed = schema.safeParse(row);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.join(".") || "row";
        throw new AppError("UNPROCESSABLE", `json/${model}.json row ${index + 1}: ${where}: ${issue?.message ?? "invalid"}.`, {
          details: { table: model, row: index + 1, path: where },
        });
      }
      return parsed.data as ParsedRow;
    });
  }
  assertOneOrganization(manifest, tables, orgId);
  return { manifest, tables };
}

function assertOneOrganization(manifest: Manifest, tables: Record<ModelName, ParsedRow[]>, orgId: string): void {
  const orgs = tables.Organization;
  const org = orgs[0];
  if (orgs.length !== 1 || !org || org.id !== orgId || org.slug !== manifest.organization.slug || org.name !== manifest.organization.name) {
    throw new AppError("UNPROCESSABLE", "json/Organization.json must hold exactly the organization named in the manifest.");
  }
  const userIds = new Set(tables.User.map((u) => u.id));
  for (const { model } of EXPORT_TABLES) {
    if (model === "Organization") continue;
    tables[model].forEach((row, index) => {
      // An audit event without an organization belongs to it through its actor (see read-organization.ts).
      const belongs = row.organizationId === orgId || (model === "AuditEvent" && row.organizationId === null && userIds.has(row.actorId));
      if (!belongs) {
        throw new AppError("UNPROCESSABLE", `json/${model}.json row ${index + 1} belongs to another organization.`, { details: { table: model, row: index + 1 } });
      }
    });
  }
}
