// A small closed-loop load generator (autocannon-style): `connections` keep-alive sockets, each
// sending the next request as soon as the previous one answers, for `seconds`. Latencies in ms.
import http from "node:http";

export type LoadResult = { requests: number; rps: number; p50: number; p95: number; p99: number; max: number; statuses: Record<string, number>; keys: string[] };

export async function runLoad(options: {
  url: string;
  connections: number;
  seconds: number;
  headers: Record<string, string>;
  method?: "GET" | "POST";
  /** Body and idempotency key for request number `n`. */
  next: (n: number) => { key: string; body: string };
}): Promise<LoadResult> {
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const keys: string[] = [];
  let n = 0;
  const deadline = Date.now() + options.seconds * 1000;

  const once = (key: string, body: string) =>
    new Promise<number>((resolve) => {
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: options.method ?? "POST",
          headers: options.method === "GET" ? options.headers : { ...options.headers, "content-type": "application/json", "idempotency-key": key, "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", () => resolve(0));
      req.end(options.method === "GET" ? undefined : body);
    });

  async function worker() {
    while (Date.now() < deadline) {
      const { key, body } = options.next(n++);
      const started = performance.now();
      const status = await once(key, body);
      latencies.push(performance.now() - started);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 200 || status === 201) keys.push(key);
    }
  }
  const started = Date.now();
  await Promise.all(Array.from({ length: options.connections }, worker));
  const elapsed = (Date.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0) * 10) / 10;
  return { requests: latencies.length, rps: Math.round(latencies.length / elapsed), p50: pct(0.5), p95: pct(0.95), p99: pct(0.99), max: pct(1), statuses, keys };
}
