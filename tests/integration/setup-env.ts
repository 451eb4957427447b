import { inject } from "vitest";

// Use cases read DATABASE_URL through lib/db/client.ts: point it at this run's database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.TEST_DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-test-secret";
