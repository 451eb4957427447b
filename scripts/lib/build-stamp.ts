// Decides whether `.next` holds a production build of the current sources, so `npm start` only
// builds when something changed. The stamp is a hash of file paths, sizes and modification times.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUTS = ["app", "components", "lib", "public", "next.config.js", "package-lock.json", "postcss.config.mjs", "tsconfig.json", "prisma/schema.prisma"];
const SKIP = new Set(["node_modules", ".next", "generated"]);
const distDir = () => process.env.NEXT_DIST_DIR || ".next";
const stampPath = () => path.join(distDir(), "learning-loop-source-stamp");

function walk(entry: string, out: string[]) {
  if (!fs.existsSync(entry)) return;
  const stat = fs.statSync(entry);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(entry).sort()) if (!SKIP.has(name)) walk(path.join(entry, name), out);
  } else {
    out.push(`${entry}:${stat.size}:${Math.floor(stat.mtimeMs)}`);
  }
}

export function sourceStamp(root = process.cwd()): string {
  const lines: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), lines);
  return createHash("sha256").update(lines.join("\n")).digest("hex");
}

export function hasCurrentBuild(root = process.cwd()): boolean {
  const stampFile = path.join(root, stampPath());
  if (!fs.existsSync(path.join(root, distDir(), "BUILD_ID")) || !fs.existsSync(stampFile)) return false;
  return fs.readFileSync(stampFile, "utf8") === sourceStamp(root);
}

export function writeBuildStamp(root = process.cwd()): void {
  fs.writeFileSync(path.join(root, stampPath()), sourceStamp(root));
}

/**
 * Runs `next build` when `.next` (or NEXT_DIST_DIR) does not hold a build of the current sources,
 * and stamps it. Returns the build's exit status (0 when the build was already current).
 */
export function buildIfStale(env: NodeJS.ProcessEnv = process.env): number {
  if (hasCurrentBuild()) {
    console.log("Production build is current: reusing it.");
    return 0;
  }
  console.log("Building the production bundle (next build)…");
  const build = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
    stdio: "inherit",
    env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const status = build.status ?? 1;
  if (status === 0) writeBuildStamp();
  return status;
}
