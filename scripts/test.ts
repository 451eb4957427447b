// npm test — everything, in order: unit → integration (real PostgreSQL) → build → e2e (real Chromium).
// Each step's exit code stops the run; the summary line counts passed and failed steps.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { hasCurrentBuild, writeBuildStamp } from "./lib/build-stamp.ts";

const bin = (name: string) => path.resolve("node_modules/.bin", name);
const only = process.argv.slice(2);
const steps: { name: string; run: () => number }[] = [
  { name: "unit", run: () => run(bin("vitest"), ["run", "--project", "unit"]) },
  { name: "integration", run: () => run(bin("vitest"), ["run", "--project", "integration"]) },
  {
    name: "build",
    run: () => {
      if (hasCurrentBuild()) {
        console.log("Production build is current: reusing it.");
        return 0;
      }
      const code = run(bin("next"), ["build"], { NODE_ENV: "production" });
      if (code === 0) writeBuildStamp();
      return code;
    },
  },
  { name: "e2e", run: () => run(bin("playwright"), ["test"]) },
];

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n▶ ${path.basename(command)} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

let passed = 0;
let failed = 0;
const started = Date.now();
for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue;
  const t0 = Date.now();
  const code = step.run();
  console.log(`${code === 0 ? "✔" : "✘"} ${step.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (code === 0) passed++;
  else {
    failed++;
    break;
  }
}
console.log(`\nnpm test finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
