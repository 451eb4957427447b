// The server Playwright starts: `npm start` on a throwaway data folder, so every e2e run begins
// from freshly seeded demo data. With DATABASE_URL set, that database is used and seeded if empty.
// Runs on one machine are serialized by a lock: they share the `.next` build folder.
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";

const port = process.env.PORT ?? "3100";
const dataDir = `.data/e2e-${port}`;
const lockDir = ".data/e2e.lock";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function acquireLock(): Promise<void> {
  fs.mkdirSync(".data", { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, "pid"), String(process.pid));
      return;
    } catch {
      const owner = Number(fs.readFileSync(path.join(lockDir, "pid"), { encoding: "utf8", flag: "a+" }) || 0);
      if (!owner || !alive(owner)) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

const releaseLock = () => {
  try {
    if (fs.readFileSync(path.join(lockDir, "pid"), "utf8") === String(process.pid)) fs.rmSync(lockDir, { recursive: true, force: true });
  } catch {
    // already gone
  }
};

await acquireLock();
if (!process.env.DATABASE_URL) fs.rmSync(dataDir, { recursive: true, force: true });
const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  stdio: "inherit",
  env: { ...process.env, PORT: port, LEARNING_LOOP_DATA_DIR: dataDir, SEED_DEMO_DATA: "true", NEXTAUTH_SECRET: "e2e-secret-not-for-production" },
});
const forward = (signal: NodeJS.Signals) => child.kill(signal);
process.on("SIGTERM", forward);
process.on("SIGINT", forward);
child.on("exit", (code) => {
  releaseLock();
  process.exit(code ?? 0);
});
