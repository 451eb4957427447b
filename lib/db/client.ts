import "server-only";
import { createPrismaClient, type Db } from "./create-client.ts";

// One client per process; in dev, module reloads would otherwise open a new pool each time.
const globalForDb = globalThis as unknown as { learningLoopDb?: Db };

export function getDb(): Db {
  if (!globalForDb.learningLoopDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database).");
    globalForDb.learningLoopDb = createPrismaClient(url);
  }
  return globalForDb.learningLoopDb;
}
