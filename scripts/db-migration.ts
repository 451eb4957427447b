// npm run db:migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes a database with
// every existing migration applied to prisma/schema.prisma. The engine replays the migrations in a
// temporary shadow database that it creates (and drops) on the server, so the role needs CREATEDB.
// Without DATABASE_URL a throwaway embedded PostgreSQL is used.
import fs from "node:fs";
import path from "node:path";
import { diffToSchema, DEFAULT_MIGRATIONS_DIR } from "../lib/db/migrations.ts";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres.ts";

const name = (process.argv[2] ?? "").trim().replace(/[^a-zA-Z0-9_]+/g, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:migration -- <name>");
  process.exit(2);
}

const embedded = process.env.DATABASE_URL
  ? null
  : await startEmbeddedPostgres({ dataDir: ".data/migration-scratch", database: "scratch", persistent: false });
try {
  const sql = await diffToSchema(process.env.DATABASE_URL ?? embedded!.url);
  if (!sql.trim() || sql.includes("This is an empty migration")) {
    console.log("The schema matches the migrations: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(DEFAULT_MIGRATIONS_DIR, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, then run npm run db:migrate.`);
  }
} finally {
  await embedded?.stop();
}
