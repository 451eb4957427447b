// The reliability suite runs `next start` on the production build. Build it when the sources
// changed, and hold the machine-wide build lock for the whole run so no e2e run or benchmark
// rebuilds `.next` underneath the servers.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { acquireBuildLock, releaseBuildLock } from "../../scripts/lib/build-lock.ts";
import { hasCurrentBuild, writeBuildStamp } from "../../scripts/lib/build-stamp.ts";

export async function setup() {
  await acquireBuildLock();
  if (!hasCurrentBuild()) {
    const build = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) {
      releaseBuildLock();
      throw new Error("next build failed");
    }
    writeBuildStamp();
  }
}

export async function teardown() {
  releaseBuildLock();
}
