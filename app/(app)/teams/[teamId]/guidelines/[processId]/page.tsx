import type { Metadata } from "next";
import Link from "next/link";
import { requireSessionCaller } from "@/lib/auth/session.ts";
import { can } from "@/lib/auth/permissions.ts";
import { orNotFound } from "@/lib/navigation/or-not-found.ts";
import { getProcessWithHistory, getVersionDetail } from "@/lib/guidelines/queries.ts";
import { deviationAnalysis } from "@/lib/guidelines/deviation-analysis.ts";
import { ProposeVersionButton } from "@/components/guidelines/guideline-actions.tsx";
import { DeviationTables } from "@/components/guidelines/deviation-table.tsx";
import { VersionHistory } from "@/components/guidelines/history.tsx";
import { VersionView } from "@/components/guidelines/version-view.tsx";
import { ButtonLink } from "@/components/ui/button.tsx";
import { EmptyState, PageHeader, Section } from "@/components/ui/card.tsx";

export const metadata: Metadata = { title: "Guideline" };

export default async function ProcessPage({ params }: { params: Promise<{ teamId: string; processId: string }> }) {
  const { teamId, processId } = await params;
  const caller = await requireSessionCaller(`/teams/${teamId}/guidelines/${processId}`);
  const history = await orNotFound(getProcessWithHistory(caller, processId));
  const { process, role } = history;
  const base = `/teams/${process.teamId}/guidelines/${process.id}`;
  const current = process.currentVersionId ? (await getVersionDetail(caller, process.id)).version : null;
  const analysis = await deviationAnalysis(caller, process.id);
  const counts = new Map((analysis.versions.find((v) => v.versionId === current?.id)?.steps ?? []).map((s) => [s.stepId, s.count]));
  const drafts = history.versions.filter((v) => v.status === "DRAFT");
  const mayPropose = Boolean(caller.userId && can(role, "propose:guideline"));

  return (
    <div className="space-y-6">
      <p><Link href={`/teams/${process.teamId}/guidelines`} className="text-sm text-teal-800 underline">← All guidelines</Link></p>
      <PageHeader title={process.name} subtitle={current ? current.title : "No version in use yet"}>
        <div className="flex flex-wrap gap-2">
          <ButtonLink href={`/capture?teamId=${process.teamId}&processId=${process.id}`}>Log an observation</ButtonLink>
          {mayPropose ? <ProposeVersionButton teamId={process.teamId} processId={process.id} /> : null}
        </div>
      </PageHeader>
      {drafts.length ? (
        <p className="text-sm text-slate-700">
          Drafts in progress:{" "}
          {drafts.map((d, i) => (
            <span key={d.id}>{i ? ", " : ""}<Link className="underline" href={`${base}/versions/${d.number}`}>version {d.number}</Link></span>
          ))}
        </p>
      ) : null}
      {current ? <VersionView teamId={process.teamId} processId={process.id} version={current} deviationsByStep={counts} /> : <EmptyState title="No version in use">Open a draft below to finish and adopt it.</EmptyState>}
      <Section id="deviations" title="Deviation analysis" description="How often each step is deviated from, and why. Deviations are how this guideline improves, never a reason for blame.">
        <DeviationTables versions={analysis.versions} currentId={process.currentVersionId} />
      </Section>
      <Section id="history" title="Version history">
        <VersionHistory base={base} versions={history.versions} />
      </Section>
    </div>
  );
}
