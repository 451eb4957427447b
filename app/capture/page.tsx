import type { Metadata } from "next";
import Link from "next/link";
import { requireSessionCaller } from "@/lib/auth/session.ts";
import { getCaptureOptions } from "@/lib/observations/capture-options.ts";
import { listNotifications } from "@/lib/notifications/list-notifications.ts";
import { CaptureForm } from "@/components/observations/capture-form.tsx";

export const metadata: Metadata = { title: "Log an observation", icons: { apple: "/icons/apple-touch-icon.png" } };

type Search = { teamId?: string; processId?: string; stepId?: string };

// Outside the app shell on purpose: one screen, one hand, little JavaScript.
export default async function CapturePage({ searchParams }: { searchParams: Promise<Search> }) {
  const caller = await requireSessionCaller("/capture");
  const search = await searchParams;
  const [options, replies] = await Promise.all([
    getCaptureOptions(caller),
    listNotifications(caller, { take: 5, unreadOnly: true }).then((r) => r.notifications),
  ]);
  const pick = (v: unknown) => (typeof v === "string" && v ? v : undefined);
  const teamId = pick(search.teamId);
  const valid = teamId && options.teams.some((t) => t.id === teamId);
  return (
    <main className="mx-auto max-w-md px-4 pt-4 pb-10">
      <div className="mb-4 flex items-center justify-between gap-2">
        <h1 className="text-2xl font-bold text-slate-900">Log an observation</h1>
        <Link href="/" className="inline-flex min-h-12 items-center px-2 text-sm font-semibold text-teal-800 underline">Home</Link>
      </div>
      {replies.length ? (
        <section aria-labelledby="replies-heading" className="mb-4 rounded-lg border border-emerald-300 bg-emerald-50 p-3">
          <h2 id="replies-heading" className="text-base font-semibold text-emerald-900">New replies to your reports</h2>
          <ul className="mt-1 space-y-1">
            {replies.map((n) => (
              <li key={n.id}>
                <Link href={n.link || "/"} className="inline-flex min-h-12 items-center text-sm font-medium text-emerald-900 underline">{n.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {/* Visible on purpose: on a shared ward phone an offline copy of this page belongs to whoever loaded it. */}
      <p className="mb-3 text-sm text-slate-700">Reporting as <strong>{caller.name}</strong>, unless you choose to stay anonymous below.</p>
      <CaptureForm userId={caller.userId ?? ""} options={options} initial={{ teamId: valid ? teamId : undefined, processId: valid ? pick(search.processId) : undefined, stepId: valid ? pick(search.stepId) : undefined }} />
    </main>
  );
}
