import Link from "next/link";
import type { ReactNode } from "react";
import { LoopMark } from "@/components/layout/logo.tsx";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="px-4 pt-8 sm:pt-12">
        <Link href="/" className="mx-auto flex w-fit items-center gap-2 rounded-md text-lg font-bold text-teal-800">
          <LoopMark />
          Learning Loop
        </Link>
      </header>
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 py-6 sm:py-10">
        {children}
      </main>
      <footer className="px-4 pb-6 text-center text-xs text-slate-600">Keep high standards and keep improving how the work is done.</footer>
    </div>
  );
}

