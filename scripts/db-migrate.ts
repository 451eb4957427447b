// npm run db:migrate — apply prisma/migrations to DATABASE_URL (or the embedded database in .data/).
import { applyMigrations } from "../lib/db/migrations.ts";
import { withDatabase } from "./lib/database.ts";

await withDatabase(async (url) => {
  const applied = await applyMigrations(url);
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
});
