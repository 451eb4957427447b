// The server Playwright starts: `npm start` on a throwaway data folder, so every e2e run begins
// from freshly seeded demo data. With DATABASE_URL set, that database is used and seeded if empty.
// Runs on one machine are serialized by a lock: they share the `.next` build folder.
import fs from "node:fs";
import { spawn } from "node:child_process";
import { acquireBuildLock, releaseBuildLock } from "./lib/build-lock.ts";

const port = process.env.PORT ?? "3100";
const dataDir = `.data/e2e-${port}`;
await acquireBuildLock();
if (!process.env.DATABASE_URL) fs.rmSync(dataDir, { recursive: true, force: true });
const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  stdio: "inherit",
  env: { ...process.env, PORT: port, LEARNING_LOOP_DATA_DIR: dataDir, SEED_DEMO_DATA: "true", NEXTAUTH_SECRET: "e2e-secret-not-for-production" },
});
const forward = (signal: NodeJS.Signals) => child.kill(signal);
process.on("SIGTERM", forward);
process.on("SIGINT", forward);
child.on("exit", (code) => {
  releaseBuildLock();
  process.exit(code ?? 0);
});
