// A small reverse proxy for crash tests. The browser only ever talks to the proxy's fixed port, so
// its origin (cookies, IndexedDB outbox, service worker) survives the app being killed and started
// again behind it. Armed once, it injects a fault at an exact point of the next observation POST:
//  - "after-commit": forward the request, wait for the app's full answer (the row is committed),
//    then kill the app and drop the browser's connection without answering;
//  - "before-app": kill the app as soon as the request arrives and drop the connection, so the app
//    never sees it.
// Everything it sees is recorded (with the idempotency key) so tests can wait on real events.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FaultMode = "after-commit" | "before-app";

export type ProxyEvent = {
  /** When the browser got its outcome (epoch ms). */
  at: number;
  method: string;
  path: string;
  idempotencyKey: string | null;
  /** The status the browser got; "dropped" when the connection was cut without an answer. */
  outcome: number | "dropped";
  /** What the app answered, when the proxy swallowed the answer ("after-commit"). */
  upstreamStatus?: number;
  fault?: FaultMode;
};

export type KillProxy = {
  port: number;
  url: string;
  events: ProxyEvent[];
  /**
   * What the browser gets while the app is down: a 502 (a load balancer in front of a dead
   * instance) or a dropped connection (the whole server gone: `fetch` rejects).
   */
  whileDown: "bad-gateway" | "drop";
  /**
   * Arms a one-shot fault for the next POST /api/v1/observations; `kill` stops the app. Resolves with
   * the recorded event once the app is dead and the browser's connection is gone.
   */
  arm: (mode: FaultMode, kill: () => Promise<void>) => Promise<ProxyEvent>;
  /** Resolves with the first event (recorded from now on, or already) that matches. */
  waitFor: (match: (e: ProxyEvent) => boolean, timeoutMs: number, what: string) => Promise<ProxyEvent>;
  close: () => Promise<void>;
};

const OBSERVATIONS = "/api/v1/observations";

export async function startKillProxy(options: { port?: number; targetPort: number }): Promise<KillProxy> {
  const events: ProxyEvent[] = [];
  const listeners = new Set<(e: ProxyEvent) => void>();
  let armed: { mode: FaultMode; kill: () => Promise<void>; done: (e: ProxyEvent) => void; fail: (err: unknown) => void } | null = null;

  const record = (event: Omit<ProxyEvent, "at">): ProxyEvent => {
    const full = { at: Date.now(), ...event };
    events.push(full);
    for (const listener of listeners) listener(full);
    return full;
  };

  const server = http.createServer((req, res) => {
    const method = req.method ?? "GET";
    const path = req.url ?? "/";
    const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
    const isSubmission = method === "POST" && path.split("?")[0] === OBSERVATIONS;
    const fault = isSubmission ? armed : null;
    if (fault) armed = null;

    // Cuts the browser's connection without a byte of answer, like a crashed server or a dead
    // load balancer would.
    const drop = (extra: Partial<ProxyEvent>): ProxyEvent => {
      req.socket.destroy();
      const event = { method, path, idempotencyKey: key, outcome: "dropped" as const, ...extra };
      // Only submissions are recorded; a page or asset request cut while the app is down is not news.
      return isSubmission ? record(event) : { at: Date.now(), ...event };
    };

    if (fault?.mode === "before-app") {
      req.pause();
      fault.kill().then(
        () => fault.done(drop({ fault: "before-app" })),
        (err: unknown) => fault.fail(err),
      );
      return;
    }

    // agent: false — no pooled sockets to an app that may have been killed since.
    const upstream = http.request(
      { host: "127.0.0.1", port: options.targetPort, method, path, headers: req.headers, agent: false },
      (upRes) => {
        const status = upRes.statusCode ?? 502;
        if (fault) {
          // Read the whole answer first: once it is complete the app has committed the row.
          upRes.resume();
          upRes.on("end", () => {
            fault.kill().then(
              () => fault.done(drop({ fault: "after-commit", upstreamStatus: status })),
              (err: unknown) => fault.fail(err),
            );
          });
          return;
        }
        // Hop-by-hop headers belong to the proxy→app connection, not to the browser's.
        const { connection: _c, "keep-alive": _k, "transfer-encoding": _t, ...headers } = upRes.headers;
        res.writeHead(status, upRes.statusMessage, headers);
        upRes.pipe(res);
        upRes.on("end", () => {
          if (isSubmission) record({ method, path, idempotencyKey: key, outcome: status });
        });
      },
    );
    upstream.on("error", () => {
      // The app is down (connection refused).
      if (fault) {
        fault.fail(new Error("the app was already down when the fault was due"));
        drop({});
        return;
      }
      if (proxy.whileDown === "drop") {
        drop({});
        return;
      }
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" }).end("bad gateway");
      else res.destroy();
      if (isSubmission) record({ method, path, idempotencyKey: key, outcome: 502 });
    });
    req.pipe(upstream);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const proxy: KillProxy = {
    port,
    whileDown: "bad-gateway",
    url: `http://localhost:${port}`,
    events,
    arm: (mode, kill) =>
      new Promise<ProxyEvent>((done, fail) => {
        armed = { mode, kill, done, fail };
      }),
    waitFor: (match, timeoutMs, what) =>
      new Promise<ProxyEvent>((resolve, reject) => {
        const seen = events.find(match);
        if (seen) return resolve(seen);
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`proxy: no ${what} within ${timeoutMs} ms; events: ${JSON.stringify(events)}`));
        }, timeoutMs);
        const listener = (e: ProxyEvent) => {
          if (!match(e)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(e);
        };
        listeners.add(listener);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
