// Benchmarks run on their own (not in `npm test`): npx vitest run --config tests/bench/vitest.config.mts
import { defineConfig } from "vitest/config";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export default defineConfig({
  root,
  resolve: {
    alias: {
      "@": root,
      "server-only": path.resolve(root, "tests/support/server-only-stub.ts"),
    },
  },
  test: {
    include: ["tests/bench/**/*.bench.ts"],
    environment: "node",
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
