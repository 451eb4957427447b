import type { Metadata } from "next";
import Link from "next/link";
import { requireSessionCaller } from "@/lib/auth/session.ts";
import { roleInTeam } from "@/lib/auth/guard.ts";
import { can } from "@/lib/auth/permissions.ts";
import { formatDateTime } from "@/lib/format/dates.ts";
import { orNotFound } from "@/lib/navigation/or-not-found.ts";
import { getObservationOrThrow, listGroupedObservations } from "@/lib/observations/get-observation.ts";
import { getCaptureOptions, listTeamExperiments } from "@/lib/observations/capture-options.ts";
import { listObservationComments } from "@/lib/comments/observation-comments.ts";
import { markNotificationsReadByLink } from "@/lib/notifications/notify.ts";
import { KIND_LABELS, SEVERITY_LABELS, STATUS_LABELS, STATUS_TONES } from "@/components/observations/labels.ts";
import { ReplyForm } from "@/components/observations/reply-form.tsx";
import { Thread } from "@/components/observations/thread.tsx";
import { TriageControls } from "@/components/observations/triage-controls.tsx";
import { Badge } from "@/components/ui/badge.tsx";
import { Card, PageHeader, Section } from "@/components/ui/card.tsx";

export const metadata: Metadata = { title: "Observation" };

export default async function ObservationPage({ params }: { params: Promise<{ teamId: string; observationId: string }> }) {
  const { teamId, observationId } = await params;
  const caller = await requireSessionCaller(`/teams/${teamId}/observations/${observationId}`);
  const observation = await orNotFound(getObservationOrThrow(caller, observationId));
  const [comments, grouped, groupParent] = await Promise.all([
    listObservationComments(caller, observation.id),
    listGroupedObservations(caller, observation.id),
    // Same team by construction (triage checks it); read through the guard all the same.
    observation.groupId ? getObservationOrThrow(caller, observation.groupId).catch(() => null) : null,
    caller.userId ? markNotificationsReadByLink(caller.orgId, caller.userId, `/teams/${observation.teamId}/observations/${observation.id}`) : null,
  ]);
  const role = roleInTeam(caller, observation.teamId);
  const canTriage = Boolean(role && can(role, "triage:observation"));
  const steps = canTriage
    ? ((await getCaptureOptions(caller)).teams.find((t) => t.id === observation.teamId)?.processes ?? []).flatMap((p) =>
        p.steps.map((s) => ({ id: s.id, label: `${p.name} v${p.versionNumber ?? "?"} · ${s.position}. ${s.title}` })),
      )
    : [];
  const experiments = await listTeamExperiments(caller, observation.teamId);
  if (observation.step && !steps.some((s) => s.id === observation.stepId)) {
    steps.unshift({ id: observation.step.id, label: `${observation.process?.name ?? ""} v${observation.guidelineVersion?.number ?? "?"} · ${observation.step.position}. ${observation.step.title}` });
  }

  return (
    <div className="space-y-6">
      <p><Link href={`/teams/${observation.teamId}/observations`} className="text-sm text-teal-800 underline">← All observations</Link></p>
      <PageHeader title={KIND_LABELS[observation.kind] ?? "Observation"} subtitle={<time dateTime={observation.createdAt}>{formatDateTime(observation.createdAt)}</time>}>
        <Badge tone={STATUS_TONES[observation.status]}>{STATUS_LABELS[observation.status]}</Badge>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <p className="text-lg whitespace-pre-wrap text-slate-900">{observation.text}</p>
            {observation.deviationReason ? <p className="mt-3 text-slate-800"><strong>Reason for deviating:</strong> {observation.deviationReason}</p> : null}
            <dl className="mt-4 grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
              <div><dt className="font-medium text-slate-600">Reported by</dt><dd>{observation.anonymous ? "Anonymous" : (observation.author?.name ?? "API integration")}</dd></div>
              {observation.severity ? <div><dt className="font-medium text-slate-600">Severity</dt><dd>{SEVERITY_LABELS[observation.severity]}</dd></div> : null}
              {observation.process ? (
                <div>
                  <dt className="font-medium text-slate-600">Guideline</dt>
                  <dd>
                    <Link className="underline" href={`/teams/${observation.teamId}/guidelines/${observation.process.id}`}>{observation.process.name}</Link>
                    {observation.guidelineVersion ? ` v${observation.guidelineVersion.number}` : ""}
                    {observation.step ? ` · step ${observation.step.position}: ${observation.step.title}` : ""}
                  </dd>
                </div>
              ) : null}
              {observation.firstResponseAt ? <div><dt className="font-medium text-slate-600">First response</dt><dd>{formatDateTime(observation.firstResponseAt)}</dd></div> : null}
              {observation.experimentId ? <div><dt className="font-medium text-slate-600">Experiment</dt><dd>{experiments.find((x) => x.id === observation.experimentId)?.title ?? "Linked"}</dd></div> : null}
              {observation.groupId ? <div><dt className="font-medium text-slate-600">Grouped under</dt><dd><Link className="underline" href={`/teams/${observation.teamId}/observations/${observation.groupId}`}>{groupParent ? (groupParent.text.length > 100 ? `${groupParent.text.slice(0, 97)}…` : groupParent.text) : "main report"}</Link></dd></div> : null}
            </dl>
          </Card>
          {grouped.length ? (
            <Section id="grouped" title={`${grouped.length} similar ${grouped.length === 1 ? "report" : "reports"} grouped here`}>
              <ul className="list-disc space-y-1 pl-5 text-sm">
                {grouped.map((g) => (
                  <li key={g.id}><Link className="text-teal-800 underline" href={`/teams/${g.teamId}/observations/${g.id}`}>{g.text.length > 100 ? `${g.text.slice(0, 97)}…` : g.text}</Link></li>
                ))}
              </ul>
            </Section>
          ) : null}
          <Section id="thread" title="Thread" description={observation.anonymous ? "The reporter reads these replies with their receipt code." : "The reporter is notified of replies."}>
            {comments.length ? <Thread comments={comments} /> : <p className="text-sm text-slate-600">No replies yet.</p>}
            <Card><ReplyForm target={{ observationId: observation.id }} canCloseLoop={canTriage} /></Card>
          </Section>
        </div>
        {canTriage ? (
          <Section id="triage" title="Triage">
            <Card><TriageControls id={observation.id} teamId={observation.teamId} status={observation.status} stepId={observation.stepId} steps={steps} experimentId={observation.experimentId} experiments={experiments} /></Card>
          </Section>
        ) : null}
      </div>
    </div>
  );
}
