import type { Metadata } from "next";
import Link from "next/link";
import { requireSessionCaller } from "@/lib/auth/session.ts";
import { getCaptureOptions } from "@/lib/observations/capture-options.ts";
import { CaptureForm } from "@/components/observations/capture-form.tsx";

export const metadata: Metadata = { title: "Log an observation" };

type Search = { teamId?: string; processId?: string; stepId?: string };

// Outside the app shell on purpose: one screen, one hand, little JavaScript.
export default async function CapturePage({ searchParams }: { searchParams: Promise<Search> }) {
  const caller = await requireSessionCaller("/capture");
  const search = await searchParams;
  const options = await getCaptureOptions(caller);
  const pick = (v: unknown) => (typeof v === "string" && v ? v : undefined);
  const teamId = pick(search.teamId);
  const valid = teamId && options.teams.some((t) => t.id === teamId);
  return (
    <main className="mx-auto max-w-md px-4 pt-4 pb-10">
      <div className="mb-4 flex items-center justify-between gap-2">
        <h1 className="text-2xl font-bold text-slate-900">Log an observation</h1>
        <Link href="/" className="inline-flex min-h-12 items-center px-2 text-sm font-semibold text-teal-800 underline">Home</Link>
      </div>
      <CaptureForm options={options} initial={{ teamId: valid ? teamId : undefined, processId: valid ? pick(search.processId) : undefined, stepId: valid ? pick(search.stepId) : undefined }} />
    </main>
  );
}
