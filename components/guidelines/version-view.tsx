import Link from "next/link";
import { formatDate } from "@/lib/format/dates.ts";
import { Card, Section } from "@/components/ui/card.tsx";
import { Markdown } from "./markdown.tsx";
import { GuidelineStatusBadge, OverdueBadge } from "./status-badge.tsx";

type Version = {
  number: number;
  status: string;
  title: string;
  body: string;
  evidence: string;
  rationale: string;
  changeSummary: string;
  reviewBy: Date | null;
  adoptedAt: Date | null;
  createdAt: Date;
  overdue: boolean;
  current: boolean;
  author: { name: string } | null;
  sourceExperiment: { id: string; title: string } | null;
  sourceRetrospective: { id: string; title: string } | null;
  prompts: { id: string; kind: string; text: string }[];
  steps: { id: string; key: string; title: string; detail: string; position: number }[];
};

/** One guideline version, phone-first: steps on top, each one tap away from logging an observation. */
export function VersionView({ teamId, processId, version, deviationsByStep }: { teamId: string; processId: string; version: Version; deviationsByStep?: Map<string, number> }) {
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <span className="font-semibold">Version {version.number}</span>
        <GuidelineStatusBadge status={version.status} />
        {version.current ? <span className="font-medium text-teal-800">Current</span> : null}
        {version.overdue ? <OverdueBadge /> : null}
        <span>
          {version.author ? `by ${version.author.name} · ` : ""}
          {version.adoptedAt ? `adopted ${formatDate(version.adoptedAt)}` : `written ${formatDate(version.createdAt)}`}
          {version.reviewBy ? ` · review by ${formatDate(version.reviewBy)}` : ""}
        </span>
      </div>
      {version.changeSummary ? (
        <Card className="border-sky-200 bg-sky-50">
          <p className="text-sm font-semibold text-sky-900">What changed and why</p>
          <p className="mt-1 text-sm whitespace-pre-wrap text-sky-950">{version.changeSummary}</p>
        </Card>
      ) : null}
      <Section id="steps" title="Steps">
        {version.steps.length === 0 ? <p className="text-sm text-slate-600">No steps yet.</p> : null}
        <ol className="space-y-2">
          {version.steps.map((s) => (
            <li key={s.id} id={`step-${s.key}`} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0 flex-1">
                  <p className="font-semibold text-slate-900">{s.position}. {s.title}</p>
                  {s.detail ? <p className="mt-1 text-sm text-slate-700">{s.detail}</p> : null}
                  {deviationsByStep?.get(s.id) ? <p className="mt-1 text-xs font-medium text-amber-900">{deviationsByStep.get(s.id)} deviations recorded</p> : null}
                </div>
                <Link
                  href={`/capture?teamId=${teamId}&processId=${processId}&stepId=${s.id}`}
                  className="inline-flex min-h-12 items-center rounded-md border border-teal-700 px-3 text-sm font-semibold text-teal-800 hover:bg-teal-50"
                  aria-label={`Log an observation about step ${s.position}: ${s.title}`}
                >
                  Log an observation
                </Link>
              </div>
            </li>
          ))}
        </ol>
      </Section>
      {version.body ? <Section id="body" title="Guideline"><Card><Markdown>{version.body}</Markdown></Card></Section> : null}
      {version.evidence ? <Section id="evidence" title="Evidence and sources"><Card><Markdown>{version.evidence}</Markdown></Card></Section> : null}
      {version.rationale ? <Section id="rationale" title="Rationale"><Card><Markdown>{version.rationale}</Markdown></Card></Section> : null}
      {version.sourceExperiment || version.sourceRetrospective ? (
        <p className="text-sm text-slate-700">
          Prompted by{" "}
          {version.sourceExperiment ? <>the experiment “{version.sourceExperiment.title}”</> : null}
          {version.sourceExperiment && version.sourceRetrospective ? " and " : null}
          {version.sourceRetrospective ? <>the retrospective “{version.sourceRetrospective.title}”</> : null}.
        </p>
      ) : null}
      {version.prompts.length ? (
        <Section id="prompted-by" title="Prompted by these observations">
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {version.prompts.map((o) => (
              <li key={o.id}>
                <Link className="text-teal-800 underline" href={`/teams/${teamId}/observations/${o.id}`}>{o.text.length > 100 ? `${o.text.slice(0, 97)}…` : o.text}</Link>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </div>
  );
}
