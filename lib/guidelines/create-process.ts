import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { teamContext } from "@/lib/auth/guard.ts";
import { recordAuditEvent } from "@/lib/audit/record-audit-event.ts";
import type { CreateProcessInput } from "./schema.ts";

function slugify(name: string): string {
  return name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "process";
}

/** A new process with an empty first draft, so the lead can start writing the guideline at once. */
export async function createProcess(caller: Caller, input: CreateProcessInput): Promise<{ processId: string; versionId: string }> {
  const ctx = teamContext(caller, input.teamId, "edit:guideline");
  const db = getDb();
  const base = slugify(input.name);
  const taken = await db.process.count({ where: { organizationId: ctx.orgId, teamId: ctx.teamId, slug: base } });
  const slug = taken ? `${base}-${randomUUID().slice(0, 6)}` : base;
  const process = await db.process.create({
    data: {
      organizationId: ctx.orgId,
      teamId: ctx.teamId,
      name: input.name,
      slug,
      description: input.description,
      ownerId: ctx.userId,
      versions: { create: { organizationId: ctx.orgId, number: 1, status: "DRAFT", title: input.name, authorId: ctx.userId } },
    },
    select: { id: true, versions: { select: { id: true } } },
  });
  const versionId = process.versions[0]!.id;
  await recordAuditEvent({ orgId: ctx.orgId, actorId: ctx.userId, action: "guideline.process.created", targetType: "Process", targetId: process.id, metadata: { name: input.name } });
  return { processId: process.id, versionId };
}
