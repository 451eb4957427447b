import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { SessionKeepalive } from "@/components/layout/session-keepalive.tsx";

export const metadata: Metadata = {
  title: { default: "Learning Loop", template: "%s · Learning Loop" },
  description: "Execution-as-learning for hospital teams: tentative guidelines, frontline observations, measures and experiments.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f766e" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">
        {children}
        <SessionKeepalive />
      </body>
    </html>
  );
}
