// The mixed-load runner (see mixed-load.ts for the command line): a closed-loop load on the app,
// as a ward uses it: mostly observation submissions from phones (with outbox replays of earlier
// keys), plus the reads a lead does at a desk (charts, filtered observation lists, the team page).
// `connections` keep-alive sockets each send the next request as soon as the previous one
// answers. Latencies in ms.
import http from "node:http";
import { signIn as signInOverHttp } from "../reliability/support/sign-in.ts";

export type RequestKind = "post" | "replay" | "chart" | "list" | "page";
export const KINDS: RequestKind[] = ["post", "replay", "chart", "list", "page"];

/** Share of requests per kind (weights, normalised). ~70 % submissions (a tenth of them replays), ~30 % reads. */
export const DEFAULT_MIX: Record<RequestKind, number> = { post: 63, replay: 7, chart: 10, list: 10, page: 10 };

export type Stats = {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
};

/** One finished request, for callers that build timelines (e.g. the PostgreSQL restart test). */
export type RequestEvent = {
  kind: RequestKind;
  /** 0 when the request failed without an HTTP answer (see `error`). */
  status: number;
  /** Milliseconds since the load started, when the request was sent. */
  at: number;
  ms: number;
  key?: string;
  retryAfter?: string;
  error?: string;
};

export type RssSample = { at: number; mib: number };

export type MixedLoadResult = {
  connections: number;
  seconds: number;
  overall: Stats;
  byKind: Partial<Record<RequestKind, Stats>>;
  /** Requests whose answer was not the expected one for their kind (2xx as listed in EXPECTED). */
  errors: number;
  /** Every submission key sent, with its body: what a phone's outbox would still hold. */
  sent: Map<string, string>;
  /** Keys the app acknowledged (201 created, or 200 for a replay). */
  acknowledged: Set<string>;
  rss: RssSample[];
};

export const EXPECTED: Record<RequestKind, number[]> = { post: [201], replay: [200], chart: [200], list: [200], page: [200] };

export type MixedLoadOptions = {
  baseUrl: string;
  connections: number;
  seconds: number;
  token: string;
  teamId: string;
  measureId: string;
  /** Session cookie header for the HTML page (`signIn`). */
  cookie: string;
  /** Prefix for idempotency keys, unique per run. */
  keyPrefix: string;
  mix?: Partial<Record<RequestKind, number>>;
  /** A request still unanswered after this long is aborted and counted as an error (a hang). */
  timeoutMs?: number;
  /** Sampled every second during the run (e.g. the app's process-tree RSS). */
  sampleRss?: () => number;
  onEvent?: (event: RequestEvent) => void;
};

export async function runMixedLoad(options: MixedLoadOptions): Promise<MixedLoadResult> {
  const target = new URL(options.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const mix = { ...DEFAULT_MIX, ...options.mix };
  const total = KINDS.reduce((sum, k) => sum + mix[k], 0);
  const pick = (n: number): RequestKind => {
    // A fixed stride through the weights keeps the shares exact without randomness.
    let x = ((n * 37) % 100) * (total / 100);
    for (const k of KINDS) if ((x -= mix[k]) < 0) return k;
    return "post";
  };
  const latencies = new Map<RequestKind, number[]>(KINDS.map((k) => [k, []]));
  const statuses = new Map<RequestKind, Record<string, number>>(KINDS.map((k) => [k, {}]));
  const sent = new Map<string, string>();
  const acknowledged = new Set<string>();
  const ackedList: string[] = [];
  const bearer = { authorization: `Bearer ${options.token}` };
  const listPath = `/api/v1/observations?teamId=${options.teamId}&kind=problem,idea,near_miss&limit=20`;
  const chartPath = `/api/v1/measures/${options.measureId}/chart`;
  const pagePath = `/teams/${options.teamId}`;
  let errors = 0;
  let n = 0;

  const send = (method: "GET" | "POST", reqPath: string, headers: Record<string, string | number>, body?: string) =>
    new Promise<{ status: number; retryAfter?: string; error?: string }>((resolve) => {
      const req = http.request({ agent, host: target.hostname, port: target.port, path: reqPath, method, headers }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"] }));
        res.on("error", (e) => resolve({ status: 0, error: e.message }));
      });
      req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error("timeout")));
      req.on("error", (e) => resolve({ status: 0, error: (e as NodeJS.ErrnoException).code ?? e.message }));
      req.end(body);
    });

  const request = (kind: RequestKind, i: number): { key?: string; go: () => ReturnType<typeof send> } => {
    if (kind === "replay" && ackedList.length > 0) {
      // A phone that lost the answer sends the same key and body again: it must get the original back.
      const key = ackedList[(i * 7919) % ackedList.length]!;
      const body = sent.get(key)!;
      return { key, go: () => send("POST", "/api/v1/observations", postHeaders(key, body), body) };
    }
    if (kind === "post" || kind === "replay") {
      const key = `${options.keyPrefix}-${String(i).padStart(7, "0")}`;
      const body = JSON.stringify({ teamId: options.teamId, kind: i % 3 ? "problem" : "idea", text: `load report ${i}: monitor alarm not answered within two minutes`, anonymous: false });
      sent.set(key, body);
      return { key, go: () => send("POST", "/api/v1/observations", postHeaders(key, body), body) };
    }
    if (kind === "chart") return { go: () => send("GET", chartPath, bearer) };
    if (kind === "list") return { go: () => send("GET", listPath, bearer) };
    return { go: () => send("GET", pagePath, { cookie: options.cookie, accept: "text/html" }) };
  };
  const postHeaders = (key: string, body: string) => ({ ...bearer, "content-type": "application/json", "idempotency-key": key, "content-length": Buffer.byteLength(body) });

  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const rss: RssSample[] = [];
  const sample = () => options.sampleRss && rss.push({ at: Math.round(performance.now() - started), mib: options.sampleRss() });
  sample();
  const sampler = setInterval(sample, 1000);

  async function worker() {
    while (performance.now() < deadline) {
      const i = n++;
      // Before anything was acknowledged a replay has nothing to replay: it becomes a new submission.
      let kind = pick(i);
      if (kind === "replay" && ackedList.length === 0) kind = "post";
      const { key, go } = request(kind, i);
      const sentAt = performance.now();
      const answer = await go();
      const ms = performance.now() - sentAt;
      latencies.get(kind)!.push(ms);
      const counts = statuses.get(kind)!;
      const label = answer.status ? String(answer.status) : (answer.error ?? "error");
      counts[label] = (counts[label] ?? 0) + 1;
      if (!EXPECTED[kind].includes(answer.status)) errors++;
      if (key && (answer.status === 200 || answer.status === 201) && !acknowledged.has(key)) {
        acknowledged.add(key);
        ackedList.push(key);
      }
      options.onEvent?.({ kind, status: answer.status, at: Math.round(sentAt - started), ms, ...(key ? { key } : {}), ...(answer.retryAfter ? { retryAfter: answer.retryAfter } : {}), ...(answer.error ? { error: answer.error } : {}) });
    }
  }
  await Promise.all(Array.from({ length: options.connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  sample();
  agent.destroy();

  const byKind: Partial<Record<RequestKind, Stats>> = {};
  for (const k of KINDS) if (latencies.get(k)!.length) byKind[k] = stats(latencies.get(k)!, statuses.get(k)!, elapsed);
  const allStatuses: Record<string, number> = {};
  for (const counts of statuses.values()) for (const [s, c] of Object.entries(counts)) allStatuses[s] = (allStatuses[s] ?? 0) + c;
  const overall = stats([...latencies.values()].flat(), allStatuses, elapsed);
  return { connections: options.connections, seconds: Math.round(elapsed * 10) / 10, overall, byKind, errors, sent, acknowledged, rss };
}

export function stats(latencies: number[], statuses: Record<string, number>, elapsedSeconds: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0);
  return { requests: sorted.length, rps: round(sorted.length / elapsedSeconds), p50: pct(0.5), p95: pct(0.95), p99: pct(0.99), max: pct(1), statuses };
}

const round = (x: number) => Math.round(x * 10) / 10;

/** Signs in through next-auth's credentials flow over HTTP and returns the session cookie header. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const { setCookies } = await signInOverHttp(baseUrl, email, password);
  const session = setCookies.map((c) => c.split(";")[0]!).find((c) => /next-auth\.session-token=/.test(c));
  if (!session) throw new Error(`sign-in as ${email} failed: no session cookie`);
  return session;
}

/** A plain-text table of a mixed-load result, with ratios to the bare http + pg ceiling (POST-only rps). */
export function formatTable(result: MixedLoadResult, ceiling?: { rps: number; p50: number; p99: number }): string {
  const cell = (v: number | string, w: number) => String(v).padStart(w);
  const row = (name: string, s: Stats) =>
    `${name.padEnd(16)}${cell(s.requests, 8)}${cell(s.rps, 9)}${cell(s.p50, 9)}${cell(s.p95, 9)}${cell(s.p99, 9)}${cell(s.max, 9)}  ${JSON.stringify(s.statuses)}`;
  const lines = [`${"kind".padEnd(16)}${cell("requests", 8)}${cell("req/s", 9)}${cell("p50 ms", 9)}${cell("p95 ms", 9)}${cell("p99 ms", 9)}${cell("max ms", 9)}  statuses`];
  for (const k of KINDS) if (result.byKind[k]) lines.push(row(k, result.byKind[k]!));
  lines.push(row("all", result.overall));
  if (ceiling) {
    const post = result.byKind.post;
    lines.push(`bare http + pg ceiling (POST only): ${ceiling.rps} req/s, p50 ${ceiling.p50} ms, p99 ${ceiling.p99} ms`);
    lines.push(`app all-kinds throughput / ceiling: ${pctOf(result.overall.rps, ceiling.rps)}` + (post ? ` · app POST p50 / ceiling p50: ${round(post.p50 / Math.max(ceiling.p50, 0.1))}× · p99: ${round(post.p99 / Math.max(ceiling.p99, 0.1))}×` : ""));
  }
  const mib = result.rss.map((s) => s.mib);
  if (mib.length) lines.push(`app RSS MiB: start ${mib[0]} · peak ${Math.max(...mib)} · end ${mib.at(-1)}`);
  return lines.join("\n");
}

const pctOf = (a: number, b: number) => `${((a / Math.max(b, 1)) * 100).toFixed(1)} %`;

/** JSON-friendly copy (Sets and Maps become counts). */
export function toJson(result: MixedLoadResult) {
  const { sent, acknowledged, ...rest } = result;
  return { ...rest, sentKeys: sent.size, acknowledgedKeys: acknowledged.size };
}
