import { beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/audit/list-audit-events.ts";
import { csvCell, exportAuditCsv } from "@/lib/audit/export-audit-csv.ts";
import { recordAuditEvent } from "@/lib/audit/record-audit-event.ts";
import { callerFromSession } from "@/lib/auth/resolve-caller.ts";
import type { Caller } from "@/lib/auth/context.ts";
import { GET as exportRoute } from "@/app/(app)/admin/audit/export/route.ts";
import { createWorld, sessionCookie, testDb } from "./support/factories.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const caller = async (userId: string) => (await callerFromSession(userId, 0)) as Caller;
const tag = `t${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
  world = await createWorld();
  const db = testDb();
  const at = (iso: string) => new Date(iso);
  // Fixed timestamps so that date filters are deterministic.
  await db.auditEvent.createMany({
    data: [
      { organizationId: world.orgA.id, actorId: world.a.admin.id, action: `${tag}.auth.sign_in`, targetType: "user", ip: "10.0.0.1", createdAt: at("2026-01-10T08:00:00Z") },
      { organizationId: world.orgA.id, actorId: world.a.lead.id, action: `${tag}.auth.sign_in`, targetType: "user", createdAt: at("2026-01-11T08:00:00Z") },
      { organizationId: world.orgA.id, actorId: world.a.lead.id, action: `${tag}.measure.updated`, targetType: "Measure", targetId: "m1", createdAt: at("2026-01-12T23:59:00Z") },
      { organizationId: world.orgA.id, actorId: null, action: `${tag}.access.denied`, targetType: "team", metadata: { permission: "=cmd" }, createdAt: at("2026-01-13T00:00:00Z") },
      { organizationId: world.orgB.id, actorId: world.b.admin.id, action: `${tag}.auth.sign_in`, targetType: "user", createdAt: at("2026-01-10T09:00:00Z") },
    ],
  });
});

describe("audit trail", () => {
  it("is append-only: the database refuses UPDATE and DELETE", async () => {
    await recordAuditEvent({ orgId: world.orgA.id, actorId: world.a.admin.id, action: `append-only.${tag}` });
    const row = await testDb().auditEvent.findFirstOrThrow({ where: { action: `append-only.${tag}` }, select: { id: true } });
    await expect(testDb().$executeRaw`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "id" = ${row.id}`).rejects.toThrow();
    await expect(testDb().$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${row.id}`).rejects.toThrow();
    expect(await testDb().auditEvent.findUnique({ where: { id: row.id }, select: { action: true } })).toEqual({ action: `append-only.${tag}` });
  });

  it("lists newest first with the actor joined, scoped to the caller's organization", async () => {
    const { events } = await listAuditEvents(await caller(world.a.admin.id), { action: tag });
    expect(events.map((e) => e.action)).toEqual([`${tag}.access.denied`, `${tag}.measure.updated`, `${tag}.auth.sign_in`, `${tag}.auth.sign_in`]);
    expect(events[2]?.actor).toEqual({ id: world.a.lead.id, name: world.a.lead.name, email: world.a.lead.email });
    expect(events[0]?.actor).toBeNull();

    const b = await listAuditEvents(await caller(world.b.admin.id), { action: tag });
    expect(b.events.map((e) => e.actor?.id)).toEqual([world.b.admin.id]);
    // Org B's admin filtering by an org A person finds nothing.
    expect((await listAuditEvents(await caller(world.b.admin.id), { actor: world.a.lead.email })).events).toEqual([]);
  });

  it("filters by action prefix, actor (email or id), dates (inclusive, UTC) and target type", async () => {
    const admin = await caller(world.a.admin.id);
    const actions = async (q: Parameters<typeof listAuditEvents>[1]) => (await listAuditEvents(admin, q)).events.map((e) => e.action);
    expect(await actions({ action: `${tag}.auth.` })).toEqual([`${tag}.auth.sign_in`, `${tag}.auth.sign_in`]);
    expect(await actions({ action: tag, actor: world.a.lead.email.toUpperCase() })).toEqual([`${tag}.measure.updated`, `${tag}.auth.sign_in`]);
    expect(await actions({ action: tag, actor: world.a.admin.id })).toEqual([`${tag}.auth.sign_in`]);
    expect(await actions({ action: tag, from: "2026-01-11", to: "2026-01-12" })).toEqual([`${tag}.measure.updated`, `${tag}.auth.sign_in`]);
    expect(await actions({ action: tag, targetType: "team" })).toEqual([`${tag}.access.denied`]);
    expect(await actions({ action: tag, from: "", to: "", actor: "", targetType: "" })).toHaveLength(4);
  });

  it("pages with a cursor without repeats or gaps", async () => {
    const admin = await caller(world.a.admin.id);
    const first = await listAuditEvents(admin, { action: tag, limit: 3 });
    expect(first.events).toHaveLength(3);
    expect(first.nextCursor).toBe(first.events[2]?.id);
    const second = await listAuditEvents(admin, { action: tag, limit: 3, cursor: first.nextCursor ?? "" });
    expect(second.events.map((e) => e.action)).toEqual([`${tag}.auth.sign_in`]);
    expect(second.nextCursor).toBeNull();
    // Another organization's cursor does not leak anything: it starts from the top of org B's own list.
    const b = await listAuditEvents(await caller(world.b.admin.id), { action: tag, cursor: first.events[0]?.id ?? "" });
    expect(b.events.every((e) => e.actor?.id === world.b.admin.id)).toBe(true);
  });

  it("is for org admins only", async () => {
    for (const id of [world.a.manager.id, world.a.lead.id, world.a.member.id]) {
      await expect(listAuditEvents(await caller(id), {})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(exportAuditCsv(await caller(id), {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("exports CSV (formula-safe) and audits the export", async () => {
    const { csv, rows } = await exportAuditCsv(await caller(world.a.admin.id), { action: tag }, { ip: "10.1.2.3" });
    expect(rows).toBe(4);
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toMatch(/^created_at_utc,actor_id/);
    expect(lines).toHaveLength(5);
    expect(csv).toContain(`"${world.a.lead.email}"`);
    expect(csv).not.toContain(world.b.admin.email);
    expect(csvCell("=1+1")).toBe(`"'=1+1"`);
    expect(csvCell('a "q"')).toBe(`"a ""q"""`);
    const audit = await testDb().auditEvent.findFirst({
      where: { organizationId: world.orgA.id, action: "audit.exported", actorId: world.a.admin.id },
      select: { ip: true, metadata: true },
    });
    expect(audit).toEqual({ ip: "10.1.2.3", metadata: { filters: { action: tag }, rows: 4, truncated: false } });
  });

  it("serves the CSV export route to org admins only", async () => {
    const get = async (userId: string) =>
      exportRoute(new Request(`http://localhost/admin/audit/export?action=${tag}`, { headers: { cookie: await sessionCookie(userId) } }), {
        params: Promise.resolve({}),
      });
    const ok = await get(world.a.admin.id);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    expect((await ok.text()).trim().split("\r\n")).toHaveLength(5);
    expect((await get(world.a.lead.id)).status).toBe(403);
    const b = await get(world.b.admin.id);
    expect(await b.text()).not.toContain(world.a.lead.email);
  });
});
