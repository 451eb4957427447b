"use client";

/**
 * A full page load rather than a client-side navigation: right after signing in, the server must
 * render with the new session cookie, while the router's cache still holds signed-out pages.
 */
export function loadPageFresh(path: string): void {
  window.location.assign(new URL(path, window.location.origin).href);
}
