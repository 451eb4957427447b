// A machine-wide lock for runs that share the `.next` build folder (e2e servers, benchmarks): one
// at a time, so nobody rebuilds the app underneath a running server. A lock whose owner died is
// taken over. The lock belongs to one build folder: runs with their own NEXT_DIST_DIR never wait.
import fs from "node:fs";
import path from "node:path";

const distName = path.basename(process.env.NEXT_DIST_DIR || ".next").replace(/^\.+/, "");
const LOCK_DIR = `.data/build-lock-${distName}`;
const pidFile = path.join(LOCK_DIR, "pid");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function acquireBuildLock(): Promise<void> {
  fs.mkdirSync(path.dirname(LOCK_DIR), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      fs.writeFileSync(pidFile, String(process.pid));
      return;
    } catch {
      const owner = Number(fs.readFileSync(pidFile, { encoding: "utf8", flag: "a+" }) || 0);
      if (!owner || !alive(owner)) {
        fs.rmSync(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

export function releaseBuildLock(): void {
  try {
    if (fs.readFileSync(pidFile, "utf8") === String(process.pid)) fs.rmSync(LOCK_DIR, { recursive: true, force: true });
  } catch {
    // already gone
  }
}
