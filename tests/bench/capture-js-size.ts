// Gzipped client JavaScript of the capture page against a bare App Router page (the built-in
// not-found page: root layout only), read from the production build in .next.
//   npx tsx tests/bench/capture-js-size.ts
import fs from "node:fs";
import vm from "node:vm";
import zlib from "node:zlib";

const dist = process.env.NEXT_DIST_DIR || ".next";
const gz = (file: string) => zlib.gzipSync(fs.readFileSync(`${dist}/${file.replace(/^\/_next\//, "")}`)).length;
const sum = (files: string[]) => files.reduce((total, f) => total + gz(f), 0);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const manifest = JSON.parse(fs.readFileSync(`${dist}/build-manifest.json`, "utf8")) as { rootMainFiles: string[] };
const framework = manifest.rootMainFiles;

/** Every chunk a route loads, from its client reference manifest. */
function routeFiles(route: string): string[] {
  const context: { globalThis: Record<string, unknown>; self?: unknown } = { globalThis: {} };
  context.self = context.globalThis;
  vm.runInNewContext(fs.readFileSync(`${dist}/server/app${route}/page_client-reference-manifest.js`, "utf8"), context);
  const entry = Object.values(context.globalThis.__RSC_MANIFEST as Record<string, { entryJSFiles: Record<string, string[]> }>)[0]!;
  return [...new Set([...framework, ...Object.values(entry.entryJSFiles).flat()])];
}

const bare = routeFiles("/_not-found");
const capture = routeFiles("/capture");
const extra = capture.filter((f) => !bare.includes(f));
console.log(`bare App Router page: ${kib(sum(bare))} gzipped (${bare.length} files)`);
console.log(`capture page:         ${kib(sum(capture))} gzipped (${capture.length} files)`);
console.log(`capture adds:         ${kib(sum(extra))} gzipped (${extra.join(", ")})`);
