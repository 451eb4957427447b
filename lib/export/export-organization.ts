import "server-only";
import { getDb } from "@/lib/db/client.ts";
import type { Db } from "@/lib/db/create-client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { requireOrgAdmin, requireUser } from "@/lib/auth/guard.ts";
import { buildArchive } from "./archive.ts";
import { readOrganization } from "./read-organization.ts";
import type { Manifest } from "./schema.ts";

export type OrganizationExport = { filename: string; bytes: Uint8Array<ArrayBuffer>; manifest: Manifest };

type Options = {
  origin?: { ip?: string | null; userAgent?: string | null };
  /** The database to read; the app's own by default (tests export from a scratch database). */
  db?: Db;
  now?: Date;
};

/**
 * Everything the caller's organization holds, as a zip of JSON and CSV (org admins only, never an
 * API token: tokens are team-scoped). Read in one REPEATABLE READ transaction so that the tables
 * are a consistent snapshot while people keep working.
 *
 * Unlike most audit writes, this one is not fire-and-forget: the archive carries personal data of
 * the whole organization, so if the export cannot be recorded it is not handed out.
 */
export async function exportOrganization(caller: Caller, options: Options = {}): Promise<OrganizationExport> {
  requireOrgAdmin(caller);
  const actorId = requireUser(caller);
  const db = options.db ?? getDb();
  const snapshot = await db.$transaction((tx) => readOrganization(tx, caller.orgId), {
    isolationLevel: "RepeatableRead",
    maxWait: 10_000,
    timeout: 300_000,
  });
  const exportedAt = options.now ?? new Date();
  const { bytes, manifest } = buildArchive(snapshot, exportedAt);
  await db.auditEvent.create({
    data: {
      organizationId: caller.orgId,
      actorId,
      action: "organization.exported",
      targetType: "organization",
      targetId: caller.orgId,
      ip: options.origin?.ip ?? null,
      userAgent: options.origin?.userAgent ? options.origin.userAgent.slice(0, 300) : null,
      metadata: { tables: manifest.tables, bytes: bytes.byteLength, formatVersion: manifest.formatVersion },
    },
    select: { id: true },
  });
  const day = manifest.exportedAt.slice(0, 10);
  return { filename: `learning-loop-${snapshot.organization.slug}-${day}.zip`, bytes, manifest };
}
