import Link from "next/link";
import type { TeamOverview } from "@/lib/teams/get-team-overview.ts";
import { formatDate, isoDate } from "@/lib/format/dates.ts";
import { enumLabel, formatNumber } from "@/lib/format/labels.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { EmptyState, Section } from "@/components/ui/card.tsx";

const listClass = "divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm";
const itemClass = "flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-start sm:justify-between sm:gap-4";

const linkClass = "text-slate-900 underline decoration-slate-300 hover:text-teal-800 hover:decoration-teal-700";
const allLinkClass = "inline-flex min-h-11 items-center text-sm font-semibold text-teal-800 underline";

const guidelineTone = { DRAFT: "neutral", TENTATIVE: "amber", ADOPTED: "green", RETIRED: "neutral" } as const;
const kindTone = { DEVIATION: "amber", PROBLEM: "red", NEAR_MISS: "red", WORKAROUND: "blue", IDEA: "teal", PRAISE: "green" } as const;

function Time({ date }: { date: Date }) {
  return <time dateTime={isoDate(date)}>{formatDate(date)}</time>;
}

export function ProcessesSection({ teamId, processes }: { teamId: string; processes: TeamOverview["processes"] }) {
  return (
    <Section
      id="processes"
      title="Processes and guidelines"
      description="The current guideline version of each process."
      action={<Link href={`/teams/${teamId}/guidelines`} className={allLinkClass}>All guidelines</Link>}
    >
      {processes.length === 0 ? (
        <EmptyState title="No processes yet">Add the team&apos;s key processes and their tentative guidelines.</EmptyState>
      ) : (
        <ul className={listClass}>
          {processes.map((p) => (
            <li key={p.id} className={itemClass}>
              <div className="min-w-0">
                <h3 className="font-semibold">
                  <Link href={`/teams/${teamId}/guidelines/${p.id}`} className={linkClass}>
                    {p.name}
                  </Link>
                </h3>
                {p.current ? (
                  <p className="text-sm text-slate-700">
                    Version {p.current.number}: {p.current.title}
                  </p>
                ) : (
                  <p className="text-sm text-slate-600">No guideline version yet.</p>
                )}
              </div>
              {p.current ? (
                <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700 sm:justify-end">
                  <Badge tone={guidelineTone[p.current.status as keyof typeof guidelineTone] ?? "neutral"}>{enumLabel(p.current.status)}</Badge>
                  {p.current.reviewBy ? (
                    <span>
                      Review by <Time date={p.current.reviewBy} />
                    </span>
                  ) : null}
                  {p.current.overdue ? <Badge tone="red">Review overdue</Badge> : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function latestValue(m: TeamOverview["measures"][number]): string {
  const point = m.latest;
  if (!point) return "";
  if (point.value !== null) return `${formatNumber(point.value)}${m.unit ? ` ${m.unit}` : ""}`;
  if (point.numerator !== null && point.denominator) {
    const ratio = `${formatNumber(point.numerator)} / ${formatNumber(point.denominator)}`;
    const percent = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 }).format((100 * point.numerator) / point.denominator);
    return m.type === "PROPORTION" ? `${percent}% (${ratio})` : ratio;
  }
  return "No value";
}

export function MeasuresSection({ teamId, measures }: { teamId: string; measures: TeamOverview["measures"] }) {
  return (
    <Section
      id="measures"
      title="Measures"
      description="The latest data point of each measure."
      action={<Link href={`/teams/${teamId}/measures`} className={allLinkClass}>All measures</Link>}
    >
      {measures.length === 0 ? (
        <EmptyState title="No measures yet">Define what the team measures to see how the work really goes.</EmptyState>
      ) : (
        <ul className={listClass}>
          {measures.map((m) => (
            <li key={m.id} className={itemClass}>
              <div className="min-w-0">
                <h3 className="font-semibold">
                  <Link href={`/teams/${teamId}/measures/${m.id}`} className={linkClass}>
                    {m.name}
                  </Link>
                </h3>
                <p className="text-sm text-slate-600">
                  {enumLabel(m.type)}
                  {m.unit ? ` · ${m.unit}` : ""}
                </p>
              </div>
              <div className="text-sm sm:text-right">
                {m.latest ? (
                  <>
                    <p className="font-semibold text-slate-900">{latestValue(m)}</p>
                    <p className="text-slate-600">
                      Period from <Time date={m.latest.periodStart} />
                    </p>
                  </>
                ) : (
                  <p className="text-slate-600">No data yet</p>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function ObservationsSection({ teamId, observations }: { teamId: string; observations: TeamOverview["observations"] }) {
  return (
    <Section
      id="observations"
      title="Recent observations"
      description="The 10 most recent reports from the frontline."
      action={<Link href={`/teams/${teamId}/observations`} className={allLinkClass}>All observations</Link>}
    >
      {observations.length === 0 ? (
        <EmptyState title="No observations yet">Deviations, problems, near misses, workarounds and ideas show up here.</EmptyState>
      ) : (
        <ul className={listClass}>
          {observations.map((o) => (
            <li key={o.id} className="space-y-1 px-4 py-3">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <Badge tone={kindTone[o.kind as keyof typeof kindTone] ?? "neutral"}>{enumLabel(o.kind)}</Badge>
                <Badge>{enumLabel(o.status)}</Badge>
                <span className="text-slate-600">
                  <Time date={o.createdAt} /> · {o.author}
                </span>
              </div>
              <p className="line-clamp-3 text-sm">
                <Link href={`/teams/${teamId}/observations/${o.id}`} className={linkClass}>
                  {o.text}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
