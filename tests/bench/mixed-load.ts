// Mixed load on `next start`, from the command line. The reusable runner is mixed-runner.ts (this
// file runs the whole scenario when imported, so import the runner instead):
//   npx tsx tests/bench/mixed-load.ts [--seconds 60] [--connections 50] [--ceiling-seconds 12]
// Starts its own seeded database and `next start` (built first when the sources changed, under the
// build lock of NEXT_DIST_DIR; see tests/reliability/support/load-scenario.ts), warms up for 5 s,
// runs ~70 % submissions / ~30 % reads, then measures the bare Node http + pg ceiling on the same
// machine and database. Prints a table with ratios to the ceiling and writes JSON to
// tests/bench/results/ (gitignored). Not part of npm test: tests/reliability/load.test.ts asserts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setup, teardown } from "../reliability/global-setup.ts";
import { checkSubmissions, measureCeiling, startLoadStack } from "../reliability/support/load-scenario.ts";
import { formatTable, runMixedLoad, toJson } from "./mixed-runner.ts";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg("seconds", 60);
const connections = arg("connections", 50);
const ceilingSeconds = arg("ceiling-seconds", 12);

await setup();
const stack = await startLoadStack("mixed-load-cli");
process.once("SIGINT", () => void stack.stop().finally(() => void teardown().then(() => process.exit(130))));
try {
  const base = { baseUrl: stack.app.url, connections, token: stack.token, teamId: stack.teamId, measureId: stack.measureId, cookie: stack.cookie };
  await runMixedLoad({ ...base, seconds: 5, keyPrefix: "cli-warm" });
  const keyPrefix = `cli-${Date.now()}`;
  const result = await runMixedLoad({ ...base, seconds, keyPrefix, sampleRss: stack.app.rssMiB });
  const ceiling = await measureCeiling(stack, connections, ceilingSeconds);
  const check = await checkSubmissions(stack.db.prisma, keyPrefix, result.acknowledged);

  console.log(`\n${connections} connections, ${result.seconds} s mixed load; ceiling ${ceilingSeconds} s; ${os.cpus().length} cores`);
  console.log(formatTable(result, ceiling));
  console.log(`errors ${result.errors} · acknowledged ${result.acknowledged.size} · rows ${check.rows} · missing ${check.missing.length} · duplicate keys ${check.duplicateKeys}`);

  const dir = path.resolve("tests/bench/results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `mixed-load-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  const { keys: _keys, ...ceilingStats } = ceiling;
  const summary = { at: new Date().toISOString(), cores: os.cpus().length, result: toJson(result), ceiling: ceilingStats, check: { ...check, missing: check.missing.length } };
  fs.writeFileSync(file, JSON.stringify(summary, null, 2));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
  process.exitCode = result.errors === 0 && check.missing.length === 0 && check.duplicateKeys === 0 ? 0 : 1;
} finally {
  await stack.stop();
  await teardown();
}
