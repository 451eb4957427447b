// A tiny IndexedDB outbox for observations (no library: the capture page ships as little JS as
// possible). Every report is written here *before* it is sent, under its client submission id, and
// removed only once the server has it; the server's idempotency makes re-sending always safe.
export type OutboxItem = {
  clientSubmissionId: string;
  body: Record<string, unknown>;
  queuedAt: string;
  /** Who queued it: on a shared ward phone, a report is only ever sent under its author's session. */
  ownerId: string;
  /** Set when the server refused the report for good (400/403/404/422): shown, never retried. */
  error?: string;
};

const DB_NAME = "learning-loop";
const STORE = "outbox";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "clientSubmissionId" });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export const outboxPut = (item: OutboxItem) => run("readwrite", (s) => s.put(item)).then(() => undefined);
export const outboxDelete = (id: string) => run("readwrite", (s) => s.delete(id)).then(() => undefined);
export const outboxAll = () => run<OutboxItem[]>("readonly", (s) => s.getAll() as IDBRequest<OutboxItem[]>);

export type SendResult =
  | { kind: "sent"; receiptCode?: string }
  | { kind: "unauthorized" }
  | { kind: "rejected"; message: string }
  | { kind: "retry" };

/** One attempt. Network failures, 429 and 5xx are worth retrying; other 4xx are final. */
export async function sendItem(item: OutboxItem): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetch("/api/v1/observations", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", "idempotency-key": item.clientSubmissionId },
      body: JSON.stringify(item.body),
    });
  } catch {
    return { kind: "retry" };
  }
  if (response.status === 200 || response.status === 201) {
    const data = (await response.json().catch(() => ({}))) as { receiptCode?: string };
    return data.receiptCode ? { kind: "sent", receiptCode: data.receiptCode } : { kind: "sent" };
  }
  if (response.status === 401) return { kind: "unauthorized" };
  if (response.status === 429 || response.status >= 500) return { kind: "retry" };
  const data = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return { kind: "rejected", message: data?.error?.message ?? `The server refused this report (${response.status}).` };
}

/** crypto.randomUUID needs a secure context; fall back to getRandomValues elsewhere. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
