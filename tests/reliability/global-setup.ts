// The reliability suite runs `next start` on the production build. Build it when the sources
// changed, and hold the machine-wide build lock for the whole run so no e2e run or benchmark
// rebuilds `.next` underneath the servers.
import { acquireBuildLock, releaseBuildLock } from "../../scripts/lib/build-lock.ts";
import { buildIfStale } from "../../scripts/lib/build-stamp.ts";

export async function setup() {
  await acquireBuildLock();
  if (buildIfStale() !== 0) {
    releaseBuildLock();
    throw new Error("next build failed");
  }
}

export async function teardown() {
  releaseBuildLock();
}
