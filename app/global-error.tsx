"use client";

import "./globals.css";

// Replaces the root layout when it fails, so it renders its own <html> and <body>.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <main className="mx-auto flex min-h-dvh max-w-lg flex-col items-center justify-center gap-4 px-4 py-12 text-center">
          <h1 className="text-2xl font-bold text-slate-900">Something went wrong</h1>
          <p className="text-slate-700">Learning Loop could not load. Please try again in a moment.</p>
          <button
            type="button"
            onClick={() => reset()}
            className="inline-flex min-h-11 items-center rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white hover:bg-teal-800"
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
