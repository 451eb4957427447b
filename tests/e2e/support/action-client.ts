// Server actions over HTTP, the way React's client calls them: a POST to a page that uses the
// action, with `Next-Action: <id>` and the arguments as a JSON array (text/plain). The ids come
// from the build's server reference manifest, the list of actions from the source files.
import fs from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext } from "@playwright/test";

export const ROOT = path.resolve(import.meta.dirname, "../../..");

export type DiscoveredAction = { file: string; name: string };

/** Every export of every app/ file whose first statement is "use server", read from disk. */
export function discoverActions(): DiscoveredAction[] {
  const files = fs
    .readdirSync(path.join(ROOT, "app"), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .map((f) => path.posix.join("app", f.split(path.sep).join("/")))
    .sort();
  const found: DiscoveredAction[] = [];
  for (const file of files) {
    const source = fs.readFileSync(path.join(ROOT, file), "utf8");
    const firstStatement = source.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
    if (!/^["']use server["']/.test(firstStatement)) continue;
    for (const m of source.matchAll(/^export\s+(?:const|async\s+function|function)\s+(\w+)/gm)) found.push({ file, name: m[1]! });
  }
  return found;
}

type ManifestEntry = { workers: Record<string, unknown>; filename: string; exportedName: string };
export type ManifestAction = { id: string; file: string; name: string; pages: string[] };

/** The node actions of the build the e2e server runs (`<distDir>/server/server-reference-manifest.json`). */
export function readActionManifest(): ManifestAction[] {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const file = path.join(ROOT, distDir, "server/server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node).map(([id, e]) => ({
    id,
    file: e.filename,
    name: e.exportedName,
    // "app/(app)/teams/[teamId]/measures/page" → "/teams/[teamId]/measures"
    pages: Object.keys(e.workers).map((w) => w.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^/]+\)/g, "") || "/"),
  }));
}

/** Fills `[param]` segments from a map of values. */
export function fillRoute(route: string, values: Record<string, string>): string {
  return route.replace(/\[(\w+)\]/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`no value for [${key}] in ${route}`);
    return value;
  });
}

export type ActionOutcome =
  | { kind: "success"; data: unknown }
  | { kind: "unauthorized" | "not-found" | "forbidden" | "error"; message: string }
  | { kind: "invalid"; validationErrors: unknown };

export type ActionResponse = { status: number; contentType: string; text: string; outcome: ActionOutcome | null };

/** next-safe-action's result ({ data } | { serverError } | { validationErrors }) from the flight rows. */
export function parseActionResult(text: string): ActionOutcome | null {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  const root = rows.get("0");
  if (!root) return null;
  const ref = (JSON.parse(root) as { a?: unknown }).a;
  const raw = typeof ref === "string" && ref.startsWith("$@") ? rows.get(ref.slice(2)) : JSON.stringify(ref);
  if (raw === undefined) return null;
  const result = JSON.parse(raw) as { data?: unknown; serverError?: unknown; validationErrors?: unknown } | null;
  if (result && typeof result === "object" && "validationErrors" in result) return { kind: "invalid", validationErrors: result.validationErrors };
  if (result && typeof result === "object" && typeof result.serverError === "string") return classify(result.serverError);
  return { kind: "success", data: result?.data };
}

/** Safe messages of lib/errors.ts AppErrors, by kind (the action answer carries only the message). */
function classify(message: string): ActionOutcome {
  if (/sign in/i.test(message)) return { kind: "unauthorized", message };
  if (/not found|not valid/i.test(message)) return { kind: "not-found", message };
  if (/permission|\bonly\b|cannot/i.test(message)) return { kind: "forbidden", message };
  return { kind: "error", message };
}

export type CallOptions = { origin?: string | null; contentType?: string; body?: string };

export async function postAction(ctx: APIRequestContext, baseURL: string, action: ManifestAction, pagePath: string, args: unknown[], options: CallOptions = {}): Promise<ActionResponse> {
  const origin = options.origin === undefined ? baseURL : options.origin;
  const headers: Record<string, string> = {
    "Next-Action": action.id,
    "Content-Type": options.contentType ?? "text/plain;charset=UTF-8",
    Accept: "text/x-component",
  };
  if (origin !== null) headers.Origin = origin;
  const res = await ctx.post(pagePath, { headers, data: options.body ?? JSON.stringify(args), maxRedirects: 0 });
  const text = await res.text();
  const contentType = res.headers()["content-type"] ?? "";
  return { status: res.status(), contentType, text, outcome: contentType.startsWith("text/x-component") ? parseActionResult(text) : null };
}

/** Calls an action and insists that it succeeded; returns its data. */
export async function expectActionData<T>(call: Promise<ActionResponse>, label: string): Promise<T> {
  const res = await call;
  expect(res.status, `${label}: ${res.text.slice(0, 300)}`).toBe(200);
  expect(res.outcome?.kind, `${label}: ${res.text.slice(0, 300)}`).toBe("success");
  return (res.outcome as { data: T }).data;
}
