"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { triageAction } from "@/app/(app)/teams/[teamId]/observations/actions.ts";
import type { ObservationStatusApi } from "@/lib/observations/schema.ts";
import { Button } from "@/components/ui/button.tsx";
import { GroupPicker, type GroupCandidate } from "./group-picker.tsx";
import { STATUS_LABELS } from "./labels.ts";

type StepOption = { id: string; label: string };

/** Status and guideline-step link for one observation (leads, managers, admins). */
export function TriageControls({ id, teamId, status, stepId, steps, experimentId, experiments }: {
  id: string;
  teamId: string;
  status: ObservationStatusApi;
  stepId: string | null;
  steps: StepOption[];
  experimentId: string | null;
  experiments: { id: string; title: string }[];
}) {
  const router = useRouter();
  const [nextStatus, setNextStatus] = useState(status);
  const [nextStep, setNextStep] = useState(stepId ?? "");
  const [group, setGroup] = useState<GroupCandidate | null>(null);
  const [nextExperiment, setNextExperiment] = useState(experimentId ?? "");
  const { execute, isPending, result } = useAction(triageAction, {
    onSuccess: () => {
      setGroup(null);
      router.refresh();
    },
  });
  const save = () =>
    execute({
      id,
      ...(nextStatus !== status ? { status: nextStatus } : {}),
      ...(nextStep !== (stepId ?? "") ? { stepId: nextStep || null } : {}),
      ...(nextExperiment !== (experimentId ?? "") ? { experimentId: nextExperiment || null } : {}),
      ...(group ? { groupId: group.id } : {}),
    });
  const control = "block min-h-11 w-full rounded-md border border-slate-400 bg-white px-2 text-sm";
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor="triage-status" className="block text-sm font-medium text-slate-800">Status</label>
        <select id="triage-status" className={control} value={nextStatus} onChange={(e) => setNextStatus(e.target.value as ObservationStatusApi)}>
          {Object.entries(STATUS_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="triage-step" className="block text-sm font-medium text-slate-800">Guideline step</label>
        <select id="triage-step" className={control} value={nextStep} onChange={(e) => setNextStep(e.target.value)}>
          <option value="">Not linked to a step</option>
          {steps.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
        </select>
      </div>
      {experiments.length ? (
        <div>
          <label htmlFor="triage-experiment" className="block text-sm font-medium text-slate-800">Experiment</label>
          <select id="triage-experiment" className={control} value={nextExperiment} onChange={(e) => setNextExperiment(e.target.value)}>
            <option value="">Not linked to an experiment</option>
            {experiments.map((x) => <option key={x.id} value={x.id}>{x.title}</option>)}
          </select>
        </div>
      ) : null}
      <div role="group" aria-labelledby="triage-group-label">
        <p id="triage-group-label" className="block text-sm font-medium text-slate-800">Group under another report</p>
        <GroupPicker teamId={teamId} observationId={id} value={group} onChange={setGroup} />
      </div>
      {result.serverError ? <p role="alert" className="text-sm text-red-700">{result.serverError}</p> : null}
      {result.data ? <p role="status" className="text-sm text-emerald-800">Saved.</p> : null}
      <Button onClick={save} pending={isPending} pendingLabel="Saving…">Save triage</Button>
    </div>
  );
}
