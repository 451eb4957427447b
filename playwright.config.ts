import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium where it exists (no browser downloads on this network); Playwright's own otherwise.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
const launchOptions = {
  ...(systemChromium ? { executablePath: systemChromium } : {}),
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
  ],
};

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  // Overridable so that two runs on one machine do not wipe each other's traces.
  outputDir: process.env.PW_OUTPUT_DIR ?? "test-results",
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: { baseURL, trace: "retain-on-failure", launchOptions },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 }, launchOptions } },
    // Matrices and rendering checks whose answers do not depend on the viewport run once, on desktop.
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions }, testIgnore: [/access-(pages|actions)\.spec\.ts$/, /stored-text\.spec\.ts$/, /action-mass-assignment\.spec\.ts$/] },
  ],
  webServer: {
    // The production build (npm test builds it once); a fresh embedded database seeded with demo data.
    command: "tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    // Long: the server waits its turn when another e2e run on this machine holds the build lock.
    timeout: 900_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 8_000 },
    env: { PORT: String(port) },
  },
});
