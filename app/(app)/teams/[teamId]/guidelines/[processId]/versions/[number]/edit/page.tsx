import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSessionCaller } from "@/lib/auth/session.ts";
import { can } from "@/lib/auth/permissions.ts";
import { isoDate } from "@/lib/format/dates.ts";
import { orNotFound } from "@/lib/navigation/or-not-found.ts";
import { getVersionDetail, listPromptCandidates, listSourceOptions } from "@/lib/guidelines/queries.ts";
import { deviationAnalysis } from "@/lib/guidelines/deviation-analysis.ts";
import { RevisionQueue } from "@/components/guidelines/revision-queue.tsx";
import { VersionEditor } from "@/components/guidelines/version-editor.tsx";
import { Alert } from "@/components/ui/alert.tsx";
import { Card, PageHeader, Section } from "@/components/ui/card.tsx";

export const metadata: Metadata = { title: "Edit guideline draft" };

export default async function EditVersionPage({ params }: { params: Promise<{ teamId: string; processId: string; number: string }> }) {
  const { teamId, processId, number } = await params;
  const n = Number(number);
  if (!Number.isInteger(n) || n < 1) notFound();
  const caller = await requireSessionCaller(`/teams/${teamId}/guidelines/${processId}/versions/${number}/edit`);
  const { process, role, userId, version } = await orNotFound(getVersionDetail(caller, processId, n));
  const base = `/teams/${process.teamId}/guidelines/${process.id}`;
  const mayEdit = version.status === "DRAFT" && Boolean(userId) && (can(role, "edit:guideline") || version.authorId === userId);
  const [analysis, recent, sources] = await Promise.all([deviationAnalysis(caller, process.id), listPromptCandidates(caller, process.id), listSourceOptions(caller, process.id)]);
  // Already-linked observations stay offered even when they are no longer among the most recent.
  const candidates = [...version.prompts, ...recent.filter((r) => !version.prompts.some((p) => p.id === r.id))];

  return (
    <div className="space-y-6">
      <p><Link href={`${base}/versions/${version.number}`} className="text-sm text-teal-800 underline">← Version {version.number}</Link></p>
      <PageHeader title={`Edit ${process.name}, version ${version.number}`} />
      {!mayEdit ? (
        <Alert tone="warning" title="This version cannot be edited">Only drafts can be edited, by leads or by the person who proposed them.</Alert>
      ) : (
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="lg:col-span-2">
            <VersionEditor
              versionId={version.id}
              backHref={`${base}/versions/${version.number}`}
              initial={{
                title: version.title,
                body: version.body,
                evidence: version.evidence,
                rationale: version.rationale,
                changeSummary: version.changeSummary,
                reviewBy: version.reviewBy ? isoDate(version.reviewBy) : "",
                steps: version.steps.map((s) => ({ key: s.key, title: s.title, detail: s.detail })),
                promptedByObservationIds: version.prompts.map((p) => p.id),
                sourceExperimentId: version.sourceExperiment?.id ?? "",
                sourceRetrospectiveId: version.sourceRetrospective?.id ?? "",
              }}
              sources={sources}
              candidates={candidates}
            />
          </div>
          <Section id="revision-queue" title="Revision queue" description={`Steps drawing the most deviations (last ${analysis.sinceDays} days), with the reasons people gave.`}>
            <Card><RevisionQueue items={analysis.revisionQueue} sinceDays={analysis.sinceDays} /></Card>
          </Section>
        </div>
      )}
    </div>
  );
}
