"use client";

import { Button } from "@/components/ui/button.tsx";

// Shows nothing from the error itself: its message may hold details that must not reach the page.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto flex min-h-[60dvh] max-w-lg flex-col items-center justify-center gap-4 px-4 py-12 text-center">
      <h1 className="text-2xl font-bold text-slate-900">Something went wrong</h1>
      <p className="text-slate-700">We could not load this page. Your data is safe. Please try again in a moment.</p>
      <Button onClick={() => reset()}>Try again</Button>
    </main>
  );
}
