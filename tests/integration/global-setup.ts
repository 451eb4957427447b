// Integration tests run against a real PostgreSQL: a fresh database per run, on an embedded
// cluster when DATABASE_URL is unset, or on DATABASE_URL's server otherwise.
import type { TestProject } from "vitest/node";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../lib/db/embedded-postgres.ts";
import { applyMigrations } from "../../lib/db/migrations.ts";

let embedded: EmbeddedDatabase | null = null;
let cleanup: (() => Promise<void>) | null = null;

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export async function setup(project: TestProject) {
  const name = `ll_test_${Date.now()}_${process.pid}`;
  let url: string;
  if (process.env.DATABASE_URL) {
    const base = new URL(process.env.DATABASE_URL);
    const admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    try {
      await admin.query(`create database "${name}"`);
      base.pathname = `/${name}`;
      url = base.toString();
      cleanup = async () => {
        const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await c.connect();
        await c.query(`drop database if exists "${name}" with (force)`);
        await c.end();
      };
    } catch {
      // No CREATEDB privilege: use the given database as it is.
      url = base.toString();
    } finally {
      await admin.end();
    }
  } else {
    embedded = await startEmbeddedPostgres({ dataDir: `.data/test-postgres-${process.pid}`, database: name, persistent: false });
    url = embedded.url;
  }
  await applyMigrations(url);
  project.provide("databaseUrl", url);
}

export async function teardown() {
  await cleanup?.();
  await embedded?.stop();
}
