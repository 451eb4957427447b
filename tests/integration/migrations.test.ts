import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations, diffToSchema, listMigrations } from "@/lib/db/migrations.ts";

const url = process.env.TEST_DATABASE_URL!;

describe("in-process migrations (wasm schema engine)", () => {
  it("has applied every migration, recorded as prisma migrate deploy does", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = await client.query<{ migration_name: string; finished_at: Date | null }>(
      "select migration_name, finished_at from _prisma_migrations order by migration_name",
    );
    await client.end();
    const names = listMigrations().migrationDirectories.map((d) => d.path);
    expect(names.length).toBeGreaterThan(0);
    expect(rows.rows.map((r) => r.migration_name)).toEqual(names);
    expect(rows.rows.every((r) => r.finished_at instanceof Date)).toBe(true);
  });

  it("is idempotent: a second run applies nothing", async () => {
    expect(await applyMigrations(url)).toEqual([]);
  });

  it("reports no drift between the migrations and schema.prisma", async () => {
    const sql = await diffToSchema(url);
    expect(sql).toContain("empty migration");
  });

  it("writes the SQL for a schema change, without touching the database", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ll-schema-"));
    const schema = fs.readFileSync("prisma/schema.prisma", "utf8") + "\nmodel ScratchThing {\n  id String @id\n  label String\n}\n";
    fs.writeFileSync(path.join(dir, "schema.prisma"), schema);
    const sql = await diffToSchema(url, path.join(dir, "schema.prisma"));
    expect(sql).toMatch(/CREATE TABLE "ScratchThing"/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const exists = await client.query("select to_regclass('\"ScratchThing\"') as t");
    await client.end();
    expect(exists.rows[0].t).toBeNull();
  });

  it("keeps the audit trail append-only", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`insert into "AuditEvent" (id, action) values ('audit-test-1', 'test.append')`);
    await expect(client.query(`update "AuditEvent" set action = 'changed' where id = 'audit-test-1'`)).rejects.toThrow(/append-only/);
    await expect(client.query(`delete from "AuditEvent" where id = 'audit-test-1'`)).rejects.toThrow(/append-only/);
    await client.end();
  });
});
