// Learning Loop service worker: keeps the capture screen loadable without a network.
// Scope is deliberately narrow: the capture page (network first, cached copy when offline), the
// hashed build assets it needs (cache first: their names change with their content), and icons.
// API calls are never touched: the page's IndexedDB outbox owns retries and idempotency.
const CACHE = "ll-capture-v1";
const SHELL = "/capture";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      try {
        const response = await fetch(SHELL, { credentials: "same-origin" });
        if (response.ok && !response.redirected) {
          const html = await response.clone().text();
          await cache.put(SHELL, response);
          // The page's scripts and styles were fetched before this worker existed: cache them now.
          const assets = [...new Set(html.match(/\/_next\/static\/[^"'\s)\\]+/g) || [])];
          await Promise.all(assets.map((a) => cache.add(a).catch(() => undefined)));
        }
      } catch {
        // Offline at install time: the page is cached on its next online visit.
      }
      await cache.addAll(["/icons/icon-192.png", "/manifest.webmanifest"]).catch(() => undefined);
    }),
  );
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === "navigate" && url.pathname === SHELL) {
    event.respondWith(
      fetch(request)
        .then((response) => {
          // A redirect (to sign-in) or an error page must not replace the good copy.
          if (response.ok && !response.redirected) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(SHELL, copy));
          }
          // 503: the server is up but its database is not. The cached form still works: reports
          // wait in the outbox until the API accepts them again.
          if (response.status === 503) return caches.match(SHELL).then((cached) => cached || response);
          return response;
        })
        .catch(() => caches.match(SHELL).then((cached) => cached || Response.error())),
    );
    return;
  }

  if (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/")) {
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              caches.open(CACHE).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
  }
});
