import { defineConfig } from "prisma/config";

// DATABASE_URL is only needed by `prisma migrate deploy` (online machines); generate works without it.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/learning_loop" },
});
