// Builds a Prisma client on the pg driver adapter. Used by the app (lib/db/client.ts), scripts and
// tests; it has no `server-only` marker so that plain Node scripts can import it.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";

export function createPrismaClient(connectionString: string, options: { max?: number } = {}) {
  const adapter = new PrismaPg({
    connectionString,
    max: options.max ?? Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // Fail fast rather than hang when PostgreSQL is unreachable (mapped to 503 by the API layer).
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({
    adapter,
    // Secrets never leave the data layer by accident: they must be selected explicitly.
    omit: { user: { passwordHash: true }, apiToken: { tokenHash: true }, invitation: { tokenHash: true } },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
export type { Prisma } from "./generated/client.ts";
