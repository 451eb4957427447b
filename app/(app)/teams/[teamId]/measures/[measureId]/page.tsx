import type { Metadata } from "next";
import Link from "next/link";
import { requireSessionCaller } from "@/lib/auth/session.ts";
import { enumLabel, formatNumber } from "@/lib/format/labels.ts";
import { orNotFound } from "@/lib/navigation/or-not-found.ts";
import { getMeasureChart } from "@/lib/measures/get-chart.ts";
import { getMeasurePage } from "@/lib/measures/page-queries.ts";
import { chartRange, chartRangeFrom } from "@/lib/measures/ranges.ts";
import { toChartView } from "@/lib/measures/display-series.ts";
import { CHART_KIND_LABELS, chartKindsFor, defaultControlKind, displayMultiplier, usesFraction } from "@/lib/measures/rules.ts";
import { chartQuery, type ChartKind } from "@/lib/measures/schema.ts";
import { SpcChart } from "@/components/charts/spc-chart.tsx";
import { ArchiveMeasureButton } from "@/components/measures/archive-measure-button.tsx";
import { EditMeasureForm } from "@/components/measures/edit-measure-form.tsx";
import { TeamTabs } from "@/components/layout/team-tabs.tsx";
import { ChartControls } from "@/components/measures/chart-controls.tsx";
import { CsvImport } from "@/components/measures/csv-import.tsx";
import { DataEntry } from "@/components/measures/data-entry.tsx";
import { RecentPoints } from "@/components/measures/recent-points.tsx";
import { Badge } from "@/components/ui/badge.tsx";
import { Card, EmptyState, PageHeader, Section } from "@/components/ui/card.tsx";

export const metadata: Metadata = { title: "Measure" };

type Search = { kind?: string; phases?: string; range?: string; baseline?: string };


export default async function MeasurePage({ params, searchParams }: { params: Promise<{ teamId: string; measureId: string }>; searchParams: Promise<Search> }) {
  const { teamId, measureId } = await params;
  const search = await searchParams;
  const base = `/teams/${teamId}/measures/${measureId}`;
  const caller = await requireSessionCaller(base);
  const page = await orNotFound(getMeasurePage(caller, teamId, measureId));
  const { measure, may } = page;

  // A bad or unsuitable ?kind= falls back to the run chart rather than failing the page.
  const parsed = chartQuery.safeParse({ kind: search.kind, phases: search.phases });
  const query = parsed.success ? parsed.data : chartQuery.parse({});
  const kinds = chartKindsFor(measure.type);
  const kind: ChartKind = query.kind && kinds.includes(query.kind) ? query.kind : "run";
  const phases = query.phases === "true";
  const range = chartRange(search.range);
  const from = chartRangeFrom(range);
  const frozen = chartQuery.shape.baseline.safeParse(search.baseline || undefined);
  const baseline = frozen.success && frozen.data !== undefined ? frozen.data : null;
  const chart = await getMeasureChart(caller, measure.id, { ...query, kind, ...(from ? { from } : {}), ...(baseline !== null ? { baseline } : {}) });
  // Periods without data show as gaps on the time axis (not for time-between measures: those are events).
  const view = toChartView(chart, measure.type === "TIME_BETWEEN" ? undefined : { frequency: measure.frequency, from, to: new Date() });

  const multiplier = displayMultiplier(measure.type, measure.unit);
  const suffix = measure.unit === "%" ? "%" : measure.unit ? ` ${measure.unit}` : "";
  const target = measure.target === null ? null : measure.type === "RATE" ? measure.target : measure.target * multiplier;
  const fraction = usesFraction(measure.type);
  const notes = new Map(chart.annotations.map((a) => [a.index, a.note]));
  const noteFor = (i: number) => {
    const index = chart.signalPoints[i];
    return index === null || index === undefined ? undefined : notes.get(index);
  };

  return (
    <div className="space-y-6">
      <PageHeader
        title={measure.name}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`/teams/${teamId}/measures`} className="text-teal-800 underline">Measures</Link>
            <span aria-hidden="true">·</span>
            <span>{enumLabel(measure.type)} · {enumLabel(measure.frequency)}</span>
            {measure.label ? <Badge>{enumLabel(measure.label)}</Badge> : null}
            {measure.archivedAt ? <Badge tone="amber">Archived</Badge> : null}
          </span>
        }
      >
        {may.editMeasure && caller.userId ? <ArchiveMeasureButton measureId={measure.id} archived={Boolean(measure.archivedAt)} /> : null}
      </PageHeader>
      <TeamTabs teamId={teamId} current="measures" />
      <dl className="grid gap-x-6 gap-y-1 text-sm text-slate-700 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-900">Better is</dt>
        <dd>{measure.direction === "UP" ? "higher ↑" : "lower ↓"}{target !== null ? ` · target ${formatNumber(target)}${suffix}` : ""}</dd>
        {measure.processName ? <><dt className="font-medium text-slate-900">Process</dt><dd>{measure.processName}</dd></> : null}
        {measure.owner ? <><dt className="font-medium text-slate-900">Owner</dt><dd>{measure.owner.name}</dd></> : null}
      </dl>
      {measure.definition ? (
        <details className="max-w-3xl rounded-md border border-slate-200 bg-white px-4 py-2">
          <summary className="min-h-11 cursor-pointer py-2 font-semibold text-slate-900">Operational definition</summary>
          <p className="whitespace-pre-line pb-2 text-slate-700">{measure.definition}</p>
        </details>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        {may.addPoints ? (
          <div className="lg:order-2">
            <Section id="add-data" title="Add data">
              <Card>
                <DataEntry measureId={measure.id} type={measure.type} frequency={measure.frequency} unit={measure.unit} currentPeriod={page.currentPeriod} now={new Date().toISOString()} current={page.current} />
              </Card>
            </Section>
          </div>
        ) : null}

        <div className={`space-y-6 lg:order-1 ${may.addPoints ? "lg:col-span-2" : "lg:col-span-3"}`}>
          <Section id="chart" title={CHART_KIND_LABELS[kind]} description={`${kind === "run" ? "Median and the Anhøj run rules: start here, as the qicharts2 author advises." : `Control limits at 3 sigma; the ${CHART_KIND_LABELS[defaultControlKind(measure.type)]} fits a ${enumLabel(measure.type).toLowerCase()} measure.`}${baseline !== null ? ` ${kind === "run" ? "Median" : "Centre line and limits"} frozen to the first ${baseline} points${chart.phaseStarts.length > 1 ? " of each phase" : ""}.` : ""}`}>
            <ChartControls base={base} kinds={kinds} state={{ kind, phases, range: range.key, baseline }} />
            <Card>
              <SpcChart view={view} title={measure.name} kindLabel={CHART_KIND_LABELS[kind]} suffix={suffix} direction={measure.direction} />
            </Card>
          </Section>

          <Section id="signals" title="What the chart says">
            {chart.explanations.length ? (
              <ul className="list-disc space-y-1 pl-5 text-slate-800" data-testid="signal-explanations">
                {chart.explanations.map((e, i) => (
                  <li key={i}>
                    {e}{" "}
                    {chart.tones[i] === "better" ? <Badge tone="green">better direction</Badge> : chart.tones[i] === "worse" ? <Badge tone="amber">worse direction</Badge> : null}
                    {noteFor(i) ? <span className="block text-sm text-slate-600">Note on that point: {noteFor(i)}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-slate-700" data-testid="signal-explanations">
                {chart.values.length ? "No signals: the variation looks like the usual ups and downs of this process (common cause)." : "No data yet."}
              </p>
            )}
          </Section>

          <Section id="recent" title="Recent points" action={<a href={`/api/v1/measures/${measure.id}/data-points.csv`} download className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-semibold text-slate-800 hover:bg-slate-100">Export CSV</a>}>
            {page.recent.length ? <RecentPoints measureId={measure.id} points={page.recent} fraction={fraction} canEdit={may.editPoints} suffix={suffix} /> : <EmptyState title="No points yet" />}
          </Section>

          {may.editMeasure && caller.userId ? (
            <details className="rounded-md border border-slate-200 bg-white px-4 py-2">
              <summary className="min-h-11 cursor-pointer py-2 font-semibold text-slate-900">Edit measure</summary>
              <div className="pb-3">
                <EditMeasureForm measure={measure} />
              </div>
            </details>
          ) : null}

          {may.addPoints ? (
            <Section id="import" title="Import from CSV" description="Every row is checked first: if one is wrong, nothing is imported.">
              <Card>
                <CsvImport measureId={measure.id} fraction={fraction} />
              </Card>
            </Section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
