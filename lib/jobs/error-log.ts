// pg-boss reports every failed poll as an "error" event: with PostgreSQL down that is several per
// second per instance. Log each kind of error once, then stay quiet about that kind for a while
// (saying how many were suppressed when it shows up again), so an outage is visible but not a flood.

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

function firstLine(error: unknown): string {
  const message = (error as { message?: unknown })?.message;
  return (typeof message === "string" ? message : String(error)).split("\n")[0] ?? "";
}

/** What makes two errors "the same": the driver's code when there is one, else the message without ids and numbers. */
export function errorKind(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === "string" && code) return code;
  return firstLine(error).replace(UUID, "<id>").replace(/\d+/g, "<n>").slice(0, 160) || "unknown";
}

export function createErrorReporter(log: (line: string) => void, options: { quietMs?: number; now?: () => number } = {}) {
  const quietMs = options.quietMs ?? 10 * 60_000;
  const now = options.now ?? Date.now;
  const seen = new Map<string, { at: number; suppressed: number }>();
  /** Returns true when this error was logged, false when it was suppressed. */
  return function report(error: unknown, context = "pg-boss"): boolean {
    const kind = errorKind(error);
    const entry = seen.get(kind);
    const t = now();
    if (entry && t - entry.at < quietMs) {
      entry.suppressed++;
      return false;
    }
    const more = entry?.suppressed ? ` (${entry.suppressed} more of this kind since the last report)` : "";
    log(`jobs: ${context} error [${kind}]: ${firstLine(error).slice(0, 300)}${more}`);
    seen.set(kind, { at: t, suppressed: 0 });
    return true;
  };
}
