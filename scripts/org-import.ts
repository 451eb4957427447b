// npm run org:import -- <export.zip> [--set-password <email>]...
// Restores one organization from its export (Admin → Data export) into DATABASE_URL (or the
// embedded database in .data/), after applying migrations. All or nothing: one transaction.
//
// Exports carry no password hashes, so imported people cannot sign in with a password. Each
// --set-password <email> gives that imported person a new random password, printed once here, so
// that an admin can sign in again (others sign in with a configured OAuth provider using the same
// email, or get a password the same way). See docs/backup.md.
import { readFileSync } from "node:fs";
import { randomSecret, hashPassword } from "../lib/auth/crypto.ts";
import { createPrismaClient } from "../lib/db/create-client.ts";
import { applyMigrations } from "../lib/db/migrations.ts";
import { isAppError } from "../lib/errors.ts";
import { importOrganization } from "../lib/export/import-organization.ts";
import { withDatabase } from "./lib/database.ts";

function parseArgs(argv: string[]): { file: string; setPasswordFor: string[] } {
  const setPasswordFor: string[] = [];
  let file: string | null = null;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === "--set-password") {
      const email = argv[i + 1];
      if (!email) throw new Error("--set-password needs an email address.");
      setPasswordFor.push(email.trim().toLowerCase());
      i += 1;
    } else if (!file && !arg.startsWith("--")) {
      file = arg;
    } else {
      throw new Error(`Unknown argument: ${arg}`);
    }
  }
  if (!file) throw new Error("Usage: npm run org:import -- <export.zip> [--set-password <email>]...");
  return { file, setPasswordFor };
}

async function main(): Promise<void> {
  const { file, setPasswordFor } = parseArgs(process.argv.slice(2));
  const bytes = new Uint8Array(readFileSync(file));
  await withDatabase(async (url) => {
    const applied = await applyMigrations(url);
    if (applied.length) console.log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
    const db = createPrismaClient(url, { max: 2 });
    try {
      const started = Date.now();
      const result = await importOrganization(bytes, db);
      const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
      console.log(`Imported ${result.organization.name} (${result.organization.slug}): ${total} rows in ${Date.now() - started} ms.`);
      for (const [table, count] of Object.entries(result.rows)) console.log(`  ${table.padEnd(28)} ${count}`);
      console.log("People have no password yet: see docs/backup.md (use --set-password <email>, or OAuth sign-in).");
      for (const email of setPasswordFor) {
        const password = randomSecret("ll", 18);
        const updated = await db.user.updateMany({
          where: { email, organizationId: result.organization.id },
          data: { passwordHash: await hashPassword(password), sessionVersion: { increment: 1 } },
        });
        console.log(updated.count ? `New password for ${email}: ${password}` : `No imported person has the email ${email}; no password set.`);
      }
    } finally {
      await db.$disconnect();
    }
  });
}

try {
  await main();
} catch (error) {
  // Typed errors (conflict, invalid archive) are for the operator; anything else is a bug.
  console.error(isAppError(error) ? `Import refused (${error.status} ${error.code}): ${error.message}` : error);
  // Explicit exit: a library's exit handler can otherwise leave the status at 0.
  process.exit(1);
}
