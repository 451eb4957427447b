// Adds a per-request CSP nonce and security headers to page responses. This is not an
// authorization layer (CVE-2025-29927): every page and handler authorizes in lib/.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/security/csp.ts";
import { databaseReachable } from "@/lib/db/availability.ts";

/**
 * Server actions are POSTs to page URLs. Next refuses a cross-site one itself, but answers 500
 * (and lets one with no Origin through); refuse both here with 403, as /api/v1 does
 * (lib/api/handler.ts): browsers always send Origin on a POST, so a page of ours never lacks it.
 */
function crossSitePost(request: NextRequest): boolean {
  if (request.method !== "POST") return false;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  try {
    const origin = request.headers.get("origin");
    return !origin || !host || new URL(origin).host !== host;
  } catch {
    return true;
  }
}

const UNAVAILABLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="10"><title>Learning Loop is briefly unavailable</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><h1>Back in a moment</h1><p>Learning Loop cannot reach its database right now. This page tries again by itself every 10 seconds.</p><p>Reports you log on the capture page are kept on your phone and sent once we are back.</p></body></html>`;

export async function proxy(request: NextRequest) {
  if (crossSitePost(request)) {
    return NextResponse.json({ error: { code: "FORBIDDEN", message: "Cross-site request refused." } }, { status: 403 });
  }
  // During a database outage a page would render the error page with a 500; answer what it is: a
  // temporary 503 that says when to retry. (API routes answer 503 themselves: lib/api/handler.ts.)
  if (!(await databaseReachable())) {
    return new NextResponse(UNAVAILABLE_PAGE, {
      status: 503,
      headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": "5", "Cache-Control": "no-store" },
    });
  }
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV !== "production",
    https: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
  });
  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  // Pages only: API responses are JSON (their headers come from next.config.js), and static files
  // are immutable. Prefetches are skipped: they render no HTML of their own.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|icons/|sw.js|manifest.webmanifest|favicon.ico|robots.txt).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // Server action calls always pass, prefetch headers or not, so the origin check cannot be skipped.
    { source: "/((?!api/|_next/static|_next/image).*)", has: [{ type: "header", key: "next-action" }] },
  ],
};
