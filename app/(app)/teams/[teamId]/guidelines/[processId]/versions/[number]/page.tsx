import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSessionCaller } from "@/lib/auth/session.ts";
import { can } from "@/lib/auth/permissions.ts";
import { orNotFound } from "@/lib/navigation/or-not-found.ts";
import { getVersionDetail } from "@/lib/guidelines/queries.ts";
import { listGuidelineComments } from "@/lib/comments/guideline-comments.ts";
import { StatusButtons } from "@/components/guidelines/guideline-actions.tsx";
import { VersionView } from "@/components/guidelines/version-view.tsx";
import { ReplyForm } from "@/components/observations/reply-form.tsx";
import { Thread } from "@/components/observations/thread.tsx";
import { ButtonLink } from "@/components/ui/button.tsx";
import { Card, PageHeader, Section } from "@/components/ui/card.tsx";

export const metadata: Metadata = { title: "Guideline version" };

export default async function VersionPage({ params }: { params: Promise<{ teamId: string; processId: string; number: string }> }) {
  const { teamId, processId, number } = await params;
  const n = Number(number);
  if (!Number.isInteger(n) || n < 1) notFound();
  const caller = await requireSessionCaller(`/teams/${teamId}/guidelines/${processId}/versions/${number}`);
  const { process, role, userId, version } = await orNotFound(getVersionDetail(caller, processId, n));
  const comments = await listGuidelineComments(caller, version.id);
  const base = `/teams/${process.teamId}/guidelines/${process.id}`;
  const isLead = Boolean(userId && can(role, "edit:guideline"));
  const mayEdit = version.status === "DRAFT" && Boolean(userId) && (isLead || version.authorId === userId);

  return (
    <div className="space-y-6">
      <p><Link href={base} className="text-sm text-teal-800 underline">← {process.name}</Link></p>
      <PageHeader title={`${process.name}, version ${version.number}`} subtitle={version.title}>
        <div className="flex flex-wrap gap-2">
          {mayEdit ? <ButtonLink href={`${base}/versions/${version.number}/edit`}>Edit draft</ButtonLink> : null}
          {version.number > 1 ? <ButtonLink variant="secondary" href={`${base}/compare?a=${version.number - 1}&b=${version.number}`}>Compare with v{version.number - 1}</ButtonLink> : null}
        </div>
      </PageHeader>
      {isLead ? <StatusButtons versionId={version.id} status={version.status} /> : null}
      <VersionView teamId={process.teamId} processId={process.id} version={version} />
      <Section id="discussion" title="Discussion" description="Questions and learnings go up; explanations and coaching come down.">
        {comments.length ? <Thread comments={comments} /> : <p className="text-sm text-slate-600">No comments yet.</p>}
        {userId ? <Card><ReplyForm target={{ versionId: version.id }} canCloseLoop={isLead} /></Card> : null}
      </Section>
    </div>
  );
}
