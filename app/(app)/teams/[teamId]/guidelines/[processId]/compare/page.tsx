import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSessionCaller } from "@/lib/auth/session.ts";
import { orNotFound } from "@/lib/navigation/or-not-found.ts";
import { getVersionDetail } from "@/lib/guidelines/queries.ts";
import { diffLines, diffSteps, summarizeStepDiff } from "@/lib/guidelines/diff.ts";
import { LineDiffView, StepDiffView } from "@/components/guidelines/diff-view.tsx";
import { PageHeader, Section } from "@/components/ui/card.tsx";

export const metadata: Metadata = { title: "Compare guideline versions" };

export default async function ComparePage({ params, searchParams }: { params: Promise<{ teamId: string; processId: string }>; searchParams: Promise<{ a?: string; b?: string }> }) {
  const { teamId, processId } = await params;
  const { a, b } = await searchParams;
  const [na, nb] = [Number(a), Number(b)];
  if (!Number.isInteger(na) || !Number.isInteger(nb) || na < 1 || nb < 1) notFound();
  const caller = await requireSessionCaller(`/teams/${teamId}/guidelines/${processId}/compare?a=${na}&b=${nb}`);
  const [left, right] = await Promise.all([orNotFound(getVersionDetail(caller, processId, na)), orNotFound(getVersionDetail(caller, processId, nb))]);
  const steps = diffSteps(left.version.steps, right.version.steps);
  const counts = summarizeStepDiff(steps);
  const base = `/teams/${left.process.teamId}/guidelines/${left.process.id}`;
  const texts = [
    ["body", "Guideline text", left.version.body, right.version.body],
    ["evidence", "Evidence", left.version.evidence, right.version.evidence],
    ["rationale", "Rationale", left.version.rationale, right.version.rationale],
  ] as const;

  return (
    <div className="space-y-6">
      <p><Link href={base} className="text-sm text-teal-800 underline">← {left.process.name}</Link></p>
      <PageHeader
        title={`Version ${na} → version ${nb}`}
        subtitle={`${counts.added} added · ${counts.removed} removed · ${counts.changed} changed · ${counts.unchanged} unchanged steps`}
      />
      {right.version.changeSummary ? <p className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950"><strong>What changed and why (v{nb}): </strong>{right.version.changeSummary}</p> : null}
      <Section id="steps-diff" title="Steps">
        <StepDiffView diff={steps} />
      </Section>
      {texts.map(([id, title, before, after]) => (
        <Section key={id} id={`${id}-diff`} title={title}>
          <LineDiffView diff={diffLines(before, after)} />
        </Section>
      ))}
    </div>
  );
}
