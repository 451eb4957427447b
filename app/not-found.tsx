import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button.tsx";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-lg flex-col items-center justify-center gap-4 px-4 py-12 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-teal-800">404</p>
      <h1 className="text-2xl font-bold text-slate-900">Page not found</h1>
      <p className="text-slate-700">This page does not exist, or you do not have access to it.</p>
      <ButtonLink href="/">Go to your dashboard</ButtonLink>
    </main>
  );
}
