// npm run db:seed — load the demo data (idempotent: does nothing when it is already there).
import { applyMigrations } from "../lib/db/migrations.ts";
import { createPrismaClient } from "../lib/db/create-client.ts";
import { seedDemoData } from "../lib/db/seed/index.ts";
import { withDatabase } from "./lib/database.ts";

await withDatabase(async (url) => {
  await applyMigrations(url);
  const db = createPrismaClient(url, { max: 2 });
  try {
    const started = Date.now();
    const { seeded } = await seedDemoData(db);
    console.log(seeded ? `Seeded demo data in ${Date.now() - started} ms.` : "Demo data is already there: nothing to do.");
  } finally {
    await db.$disconnect();
  }
});
