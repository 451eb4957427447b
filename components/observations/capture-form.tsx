"use client";
import { useEffect, useState, type FormEvent } from "react";
import type { CaptureOptions } from "@/lib/observations/capture-options.ts";
import { useOutbox } from "./use-outbox.ts";
import { ChoiceGroup, OutboxStatus } from "./capture-parts.tsx";

const KINDS = [
  { value: "deviation", label: "Deviation from guideline" },
  { value: "problem", label: "Problem" },
  { value: "near_miss", label: "Near miss" },
  { value: "workaround", label: "Workaround" },
  { value: "idea", label: "Idea" },
  { value: "praise", label: "Praise" },
] as const;
const SEVERITIES = [
  { value: "low", label: "Low" },
  { value: "medium", label: "Medium" },
  { value: "high", label: "High" },
] as const;
const WITH_SEVERITY = new Set(["deviation", "problem", "near_miss", "workaround"]);
const TEAM_KEY = "ll.capture.teamId";

const control = "block min-h-12 w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-red-600";
const labelClass = "block text-base font-semibold text-slate-900";

type Initial = { teamId?: string | undefined; processId?: string | undefined; stepId?: string | undefined };

export function CaptureForm({ userId, options, initial }: { userId: string; options: CaptureOptions; initial: Initial }) {
  const outbox = useOutbox(userId);
  const [teamId, setTeamId] = useState(initial.teamId ?? options.teams[0]?.id ?? "");
  const [processId, setProcessId] = useState(initial.processId ?? "");
  const [stepId, setStepId] = useState(initial.stepId ?? "");
  const [kind, setKind] = useState("");
  const [text, setText] = useState("");
  const [reason, setReason] = useState("");
  const [severity, setSeverity] = useState("");
  const [anonymous, setAnonymous] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "ok" | "queued" | "error"; text: string; receiptCode?: string; sentBaseline?: number } | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    // The team is remembered on this device; a link with ?teamId= wins.
    const saved = window.localStorage.getItem(TEAM_KEY);
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (!initial.teamId && saved && options.teams.some((t) => t.id === saved)) setTeamId(saved);
    if ("serviceWorker" in navigator) void navigator.serviceWorker.register("/sw.js").catch(() => undefined);
  }, [initial.teamId, options.teams]);

  const team = options.teams.find((t) => t.id === teamId);
  const process = team?.processes.find((p) => p.id === processId);

  function chooseTeam(id: string) {
    setTeamId(id);
    setProcessId("");
    setStepId("");
    window.localStorage.setItem(TEAM_KEY, id);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!teamId) next.team = "Choose your team.";
    if (!kind) next.kind = "Choose what kind of observation this is.";
    if (!text.trim()) next.text = "Describe what happened in a few words.";
    if (kind === "deviation" && !reason.trim()) next.reason = "Add the reason you deviated: it is how the guideline gets better.";
    setErrors(next);
    if (Object.keys(next).length) {
      document.getElementById(next.team ? "capture-team" : next.kind ? "kind-group" : next.text ? "capture-text" : "capture-reason")?.focus();
      return;
    }
    setSending(true);
    const body = {
      teamId,
      kind,
      text: text.trim(),
      processId: processId || null,
      stepId: stepId || null,
      deviationReason: kind === "deviation" ? reason.trim() : null,
      severity: WITH_SEVERITY.has(kind) && severity ? severity : null,
      anonymous,
      occurredAt: new Date().toISOString(),
    };
    const outcome = await outbox.submit(body);
    setSending(false);
    if (outcome.kind === "rejected") {
      setMessage({ tone: "error", text: outcome.message });
      return;
    }
    setText("");
    setReason("");
    setSeverity("");
    setAnonymous(false);
    setMessage(
      outcome.kind === "sent"
        ? { tone: "ok", text: anonymous ? "Sent anonymously. Thank you." : "Sent. Thank you.", ...(outcome.receiptCode ? { receiptCode: outcome.receiptCode } : {}) }
        : { tone: "queued", text: "Saved on this phone (queued). It will be sent when you are back online.", sentBaseline: outbox.sentLater },
    );
  }

  // A queued report that has since gone out must not keep saying "queued": the person would send it again.
  const status =
    message?.tone === "queued" && outbox.queued.length === 0 && outbox.sentLater > (message.sentBaseline ?? 0)
      ? { tone: "ok" as const, text: "Sent: what was saved on this phone has now reached your team." }
      : message;

  if (options.teams.length === 0) return <p className="text-base">You are not in a team yet, so there is nowhere to send observations.</p>;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <OutboxStatus queued={outbox.queued.length} failed={outbox.failed} needsSignIn={outbox.needsSignIn} receipts={outbox.receipts} onRetry={outbox.replay} onDiscard={outbox.discard} />
      {options.teams.length > 1 ? (
        <div className="space-y-1">
          <label htmlFor="capture-team" className={labelClass}>Team</label>
          <select id="capture-team" className={control} value={teamId} onChange={(e) => chooseTeam(e.target.value)}>
            {options.teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </div>
      ) : (
        <p className="text-sm text-slate-700">Team: <strong>{team?.name}</strong></p>
      )}
      {team && team.processes.length > 0 ? (
        <div className="grid gap-3">
          <div className="space-y-1">
            <label htmlFor="capture-process" className={labelClass}>Process <span className="font-normal text-slate-600">(optional)</span></label>
            <select id="capture-process" className={control} value={processId} onChange={(e) => { setProcessId(e.target.value); setStepId(""); }}>
              <option value="">Not about a process</option>
              {team.processes.map((p) => <option key={p.id} value={p.id}>{p.name}{p.versionNumber ? ` (v${p.versionNumber})` : ""}</option>)}
            </select>
          </div>
          {process && process.steps.length > 0 ? (
            <div className="space-y-1">
              <label htmlFor="capture-step" className={labelClass}>Step <span className="font-normal text-slate-600">(optional)</span></label>
              <select id="capture-step" className={control} value={stepId} onChange={(e) => setStepId(e.target.value)}>
                <option value="">Whole process</option>
                {process.steps.map((s) => <option key={s.id} value={s.id}>{s.position}. {s.title}</option>)}
              </select>
            </div>
          ) : null}
        </div>
      ) : null}
      <ChoiceGroup id="kind-group" name="kind" legend="What happened?" options={KINDS} value={kind} onChange={setKind} error={errors.kind} columns={2} />
      <div className="space-y-1">
        <label htmlFor="capture-text" className={labelClass}>In a few words</label>
        <textarea id="capture-text" rows={3} maxLength={4000} className={control} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={errors.text ? true : undefined} aria-describedby={errors.text ? "capture-text-error" : undefined} />
        {errors.text ? <p id="capture-text-error" className="text-sm font-semibold text-red-700">{errors.text}</p> : null}
      </div>
      {kind === "deviation" ? (
        <div className="space-y-1">
          <label htmlFor="capture-reason" className={labelClass}>Why did you deviate? <span className="font-normal text-slate-600">(required)</span></label>
          <textarea id="capture-reason" rows={2} maxLength={2000} className={control} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={errors.reason ? true : undefined} aria-describedby={errors.reason ? "capture-reason-error" : undefined} />
          {errors.reason ? <p id="capture-reason-error" className="text-sm font-semibold text-red-700">{errors.reason}</p> : null}
        </div>
      ) : null}
      {WITH_SEVERITY.has(kind) ? <ChoiceGroup id="severity-group" name="severity" legend="How serious? (optional)" options={SEVERITIES} value={severity} onChange={setSeverity} columns={3} /> : null}
      <label className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-slate-300 bg-white px-3 py-2">
        <input type="checkbox" className="h-6 w-6 accent-teal-700" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        <span className="text-base font-semibold text-slate-900">Submit anonymously</span>
      </label>
      {anonymous ? <p className="text-sm text-slate-700">Your name is not stored and the time is kept only to the hour. You get a receipt code to read replies.</p> : null}
      <button type="submit" disabled={sending} className="min-h-14 w-full rounded-lg bg-teal-700 px-4 text-lg font-bold text-white hover:bg-teal-800 disabled:opacity-60">
        {sending ? "Sending…" : "Send observation"}
      </button>
      <div aria-live="polite" role="status" className="min-h-6">
        {status ? (
          <div className={`rounded-lg border px-3 py-3 text-base ${status.tone === "error" ? "border-red-300 bg-red-50 text-red-800" : status.tone === "queued" ? "border-amber-300 bg-amber-50 text-amber-900" : "border-emerald-300 bg-emerald-50 text-emerald-900"}`}>
            <p>{status.text}</p>
            {message?.receiptCode && status === message ? (
              <p className="mt-2">Your receipt code: <strong data-testid="receipt-code" className="font-mono text-lg tracking-wider">{message.receiptCode}</strong><br />Write it down to read replies at <a className="underline" href="/receipt">/receipt</a>. It is shown only now.</p>
            ) : null}
          </div>
        ) : null}
      </div>
    </form>
  );
}
