// Runs once when a server instance starts. Starts the background jobs (pg-boss, lib/jobs) on the
// Node.js runtime only: the import sits inside the runtime check so that the edge bundle never
// includes pg. Starting never blocks or fails the server (see startJobsInBackground).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { startJobsInBackground } = await import("./lib/jobs/boss.ts");
    startJobsInBackground();
  }
}
