import type { TeamOverview } from "@/lib/teams/get-team-overview.ts";
import { formatDate, isoDate } from "@/lib/format/dates.ts";
import { enumLabel } from "@/lib/format/labels.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { EmptyState, Section } from "@/components/ui/card.tsx";

const listClass = "divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm";

function Time({ date }: { date: Date }) {
  return <time dateTime={isoDate(date)}>{formatDate(date)}</time>;
}

export function ExperimentsSection({ experiments }: { experiments: TeamOverview["experiments"] }) {
  return (
    <Section id="experiments" title="Running experiments" description="Small tests of change (PDSA cycles) in progress.">
      {experiments.length === 0 ? (
        <EmptyState title="No experiments running">Plan a small test of change to learn what works.</EmptyState>
      ) : (
        <ul className={listClass}>
          {experiments.map((e) => (
            <li key={e.id} className="space-y-1 px-4 py-3">
              <h3 className="font-semibold text-slate-900">{e.title}</h3>
              <p className="text-sm text-slate-600">
                {e.startDate ? (
                  <>
                    Started <Time date={e.startDate} />
                  </>
                ) : (
                  "Not started"
                )}
                {e.endDate ? (
                  <>
                    {" "}
                    · ends <Time date={e.endDate} />
                  </>
                ) : null}
                {e.owner ? ` · ${e.owner}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function ActionItemsSection({ actionItems }: { actionItems: TeamOverview["actionItems"] }) {
  return (
    <Section id="actions" title="Open action items" description="Owned actions from retrospectives and observations.">
      {actionItems.length === 0 ? (
        <EmptyState title="No open action items">Actions agreed in retrospectives appear here until they are done.</EmptyState>
      ) : (
        <ul className={listClass}>
          {actionItems.map((a) => (
            <li key={a.id} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
              <div className="min-w-0">
                <h3 className="font-semibold text-slate-900">{a.title}</h3>
                <p className="text-sm text-slate-600">{a.owner ? `Owner: ${a.owner}` : "No owner yet"}</p>
              </div>
              <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700 sm:justify-end">
                <Badge>{enumLabel(a.status)}</Badge>
                {a.dueDate ? (
                  <span>
                    Due <Time date={a.dueDate} />
                  </span>
                ) : null}
                {a.overdue ? <Badge tone="red">Overdue</Badge> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
