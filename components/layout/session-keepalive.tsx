"use client";

import { useEffect } from "react";

const RENEW_EVERY_MS = 60_000;

/**
 * Sessions end after a period without activity (SESSION_IDLE_MINUTES). Real activity — a tap, a
 * key, a scroll — renews the session cookie at most once a minute by asking next-auth for the
 * session, which re-issues the cookie. A tab left open without anyone at it does not.
 */
export function SessionKeepalive() {
  useEffect(() => {
    let last = Date.now();
    const onActivity = () => {
      if (Date.now() - last < RENEW_EVERY_MS) return;
      last = Date.now();
      void fetch("/api/auth/session", { credentials: "same-origin", cache: "no-store" }).catch(() => {});
    };
    const events = ["pointerdown", "keydown", "scroll"] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity);
    };
  }, []);
  return null;
}
