import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import "./globals.css";
import { SessionKeepalive } from "@/components/layout/session-keepalive.tsx";

export const metadata: Metadata = {
  title: { default: "Learning Loop", template: "%s · Learning Loop" },
  description: "Execution-as-learning for hospital teams: tentative guidelines, frontline observations, measures and experiments.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f766e" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page dynamic, so each response carries its own CSP nonce
  // (a prerendered page would have scripts without one and be blocked).
  await headers();
  return (
    <html lang="en">
      <body className="min-h-dvh">
        {children}
        <SessionKeepalive />
      </body>
    </html>
  );
}
