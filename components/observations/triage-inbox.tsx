"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { bulkStatusAction } from "@/app/(app)/teams/[teamId]/observations/actions.ts";
import type { ObservationDto, ObservationStatusApi } from "@/lib/observations/schema.ts";
import { formatDateTime } from "@/lib/format/dates.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { KIND_LABELS, SEVERITY_LABELS, SEVERITY_TONES, STATUS_LABELS, STATUS_TONES } from "./labels.ts";

const BULK: { status: ObservationStatusApi; label: string }[] = [
  { status: "acknowledged", label: "Acknowledge" },
  { status: "acted", label: "Mark acted on" },
  { status: "closed", label: "Close" },
];

/** The inbox list: j/k move, x selects, Enter opens; bulk status changes for the selection. */
export function TriageInbox({ teamId, observations, canTriage }: { teamId: string; observations: ObservationDto[]; canTriage: boolean }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [focus, setFocus] = useState(-1);
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  const { execute, isPending, result } = useAction(bulkStatusAction, {
    onSuccess: () => {
      setSelected(new Set());
      router.refresh();
    },
  });

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement;
      if (e.metaKey || e.ctrlKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable) return;
      if (e.key === "j" || e.key === "k") {
        e.preventDefault();
        const next = Math.max(0, Math.min(observations.length - 1, focus + (e.key === "j" ? 1 : -1)));
        setFocus(next);
        links.current[next]?.focus();
      } else if (e.key === "x" && canTriage && observations[focus]) {
        e.preventDefault();
        toggle(observations[focus].id);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [focus, observations, canTriage]);

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">Keyboard: <kbd>j</kbd>/<kbd>k</kbd> to move, {canTriage ? <><kbd>x</kbd> to select, </> : null}<kbd>Enter</kbd> to open.</p>
      {canTriage ? (
        <div className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2" role="toolbar" aria-label="Bulk actions">
          <span className="text-sm font-medium text-slate-800">{selected.size} selected</span>
          {BULK.map((b) => (
            <Button key={b.status} variant="secondary" disabled={!selected.size || isPending} onClick={() => execute({ ids: [...selected], status: b.status })}>
              {b.label}
            </Button>
          ))}
          {result.serverError ? <span role="alert" className="text-sm text-red-700">{result.serverError}</span> : null}
        </div>
      ) : null}
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm" aria-label="Observations">
        {observations.map((o, i) => (
          <li key={o.id} className={`flex gap-3 px-3 py-3 ${focus === i ? "bg-teal-50" : ""}`}>
            {canTriage ? (
              <input type="checkbox" className="mt-1 h-5 w-5 shrink-0 accent-teal-700" checked={selected.has(o.id)} onChange={() => toggle(o.id)} aria-label={`Select: ${o.text.slice(0, 60)}`} />
            ) : null}
            <div className="min-w-0 flex-1 space-y-1">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={o.kind === "deviation" ? "red" : o.kind === "praise" ? "green" : "neutral"}>{KIND_LABELS[o.kind]}</Badge>
                <Badge tone={STATUS_TONES[o.status]}>{STATUS_LABELS[o.status]}</Badge>
                {o.severity ? <Badge tone={SEVERITY_TONES[o.severity]}>{SEVERITY_LABELS[o.severity]} severity</Badge> : null}
                {o.anonymous ? <Badge>Anonymous</Badge> : null}
              </div>
              <Link
                ref={(el) => {
                  links.current[i] = el;
                }}
                href={`/teams/${teamId}/observations/${o.id}`}
                onFocus={() => setFocus(i)}
                className="block font-medium text-slate-900 hover:underline"
              >
                {o.text}
              </Link>
              {o.deviationReason ? <p className="text-sm text-slate-700">Reason: {o.deviationReason}</p> : null}
              <p className="text-xs text-slate-600">
                {o.process ? `${o.process.name}${o.guidelineVersion ? ` v${o.guidelineVersion.number}` : ""}${o.step ? ` · step ${o.step.position}: ${o.step.title}` : ""} · ` : ""}
                {o.author ? `${o.author.name} · ` : ""}
                <time dateTime={o.createdAt}>{formatDateTime(o.createdAt)}</time>
                {o.commentCount ? ` · ${o.commentCount} ${o.commentCount === 1 ? "reply" : "replies"}` : ""}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
