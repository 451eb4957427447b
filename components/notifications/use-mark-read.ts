"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { markNotificationsReadAction } from "@/app/(app)/notifications/actions.ts";

/**
 * Marking read, optimistically: ids read in this browser show as read at once, and "all" clears
 * the count until the server sends a different one (a refresh, or a new notification arriving).
 */
export function useMarkRead(unreadCount: number) {
  const router = useRouter();
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(new Set());
  const [clearedAt, setClearedAt] = useState<number | null>(null);
  const { execute, isPending, input, result } = useAction(markNotificationsReadAction, { onSuccess: () => router.refresh() });
  const markOne = (id: string) => {
    setReadIds((prev) => new Set(prev).add(id));
    execute({ id });
  };
  const markAll = () => {
    setClearedAt(unreadCount);
    execute({ all: true });
  };
  const pendingId = isPending && input && "id" in input ? input.id : null;
  return { readIds, markOne, markAll, pendingId, isPending, allCleared: clearedAt !== null && clearedAt === unreadCount, error: result.serverError ?? null, noteRead: (id: string) => setReadIds((prev) => new Set(prev).add(id)) };
}
