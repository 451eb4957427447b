"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { newClientId, outboxAll, outboxDelete, outboxPut, sendItem, type OutboxItem } from "./outbox.ts";

export type SubmitOutcome = { kind: "sent"; receiptCode?: string } | { kind: "queued" } | { kind: "rejected"; message: string };

/**
 * The outbox as React state. Replays on page load, on `online` events, after each successful
 * submission and every 30 s while something waits (Background Sync does not exist on iOS).
 */
export function useOutbox(ownerId: string) {
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [needsSignIn, setNeedsSignIn] = useState(false);
  const [receipts, setReceipts] = useState<string[]>([]);
  // How many queued reports this page has delivered later, so the form can say "sent" once they go.
  const [sentLater, setSentLater] = useState(0);
  const busy = useRef(false);

  const refresh = useCallback(async () => setItems(await outboxAll().catch(() => [])), []);

  const replay = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      for (const item of await outboxAll()) {
        if (item.error || item.ownerId !== ownerId) continue;
        const result = await sendItem(item);
        if (result.kind === "sent") {
          await outboxDelete(item.clientSubmissionId);
          setNeedsSignIn(false);
          setSentLater((n) => n + 1);
          const code = result.receiptCode;
          if (code) setReceipts((r) => [...r, code]);
        } else if (result.kind === "unauthorized") {
          // Keep everything: the reports go out once the person has signed in again.
          setNeedsSignIn(true);
          break;
        } else if (result.kind === "rejected") {
          await outboxPut({ ...item, error: result.message });
        } else break;
      }
    } catch {
      // IndexedDB unavailable (private mode in some browsers): nothing to replay.
    } finally {
      busy.current = false;
      await refresh();
    }
  }, [refresh, ownerId]);

  const submit = useCallback(
    async (body: Record<string, unknown>): Promise<SubmitOutcome> => {
      const item: OutboxItem = { clientSubmissionId: newClientId(), body, queuedAt: new Date().toISOString(), ownerId };
      // Stored first, so a crash or a closed tab mid-request still loses nothing.
      const stored = await outboxPut(item).then(
        () => true,
        () => false,
      );
      if (stored && !navigator.onLine) {
        await refresh();
        return { kind: "queued" };
      }
      const result = await sendItem(item);
      if (result.kind === "sent") {
        if (stored) await outboxDelete(item.clientSubmissionId);
        setNeedsSignIn(false);
        void replay();
        return result.receiptCode ? { kind: "sent", receiptCode: result.receiptCode } : { kind: "sent" };
      }
      if (result.kind === "rejected") {
        if (stored) await outboxDelete(item.clientSubmissionId);
        return { kind: "rejected", message: result.message };
      }
      if (result.kind === "unauthorized") setNeedsSignIn(true);
      if (!stored) return { kind: "rejected", message: "Could not send or save this report. Please try again." };
      await refresh();
      return { kind: "queued" };
    },
    [refresh, replay, ownerId],
  );

  const discard = useCallback(
    async (id: string) => {
      await outboxDelete(id);
      await refresh();
    },
    [refresh],
  );

  useEffect(() => {
    // Replaying on mount is the point of this effect: it syncs the device's outbox with the server.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void replay();
    const onOnline = () => void replay();
    window.addEventListener("online", onOnline);
    const timer = window.setInterval(() => {
      if (navigator.onLine) void replay();
    }, 30_000);
    return () => {
      window.removeEventListener("online", onOnline);
      window.clearInterval(timer);
    };
  }, [replay]);

  const mine = items.filter((i) => i.ownerId === ownerId);
  const queued = mine.filter((i) => !i.error);
  const failed = mine.filter((i) => i.error);
  return { queued, failed, needsSignIn, receipts, sentLater, submit, replay, discard };
}
