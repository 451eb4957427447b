// The server Playwright starts: `npm start` on a throwaway data folder, so every e2e run begins
// from freshly seeded demo data. With DATABASE_URL set, that database is used and seeded if empty.
import fs from "node:fs";
import { spawn } from "node:child_process";

const dataDir = ".data/e2e";
if (!process.env.DATABASE_URL) fs.rmSync(dataDir, { recursive: true, force: true });
const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  stdio: "inherit",
  env: { ...process.env, LEARNING_LOOP_DATA_DIR: dataDir, SEED_DEMO_DATA: "true", NEXTAUTH_SECRET: "e2e-secret-not-for-production" },
});
const forward = (signal: NodeJS.Signals) => child.kill(signal);
process.on("SIGTERM", forward);
process.on("SIGINT", forward);
child.on("exit", (code) => process.exit(code ?? 0));
