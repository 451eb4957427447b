import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireSessionCaller } from "@/lib/auth/session.ts";
import { listAuditEvents } from "@/lib/audit/list-audit-events.ts";
import { listAuditEventsQuery } from "@/lib/audit/schema.ts";
import { AuditFilters, type AuditFilterValues } from "@/components/audit/audit-filters.tsx";
import { AuditTable } from "@/components/audit/audit-table.tsx";
import { buttonClasses } from "@/components/ui/button.tsx";
import { Card, EmptyState, PageHeader, Section } from "@/components/ui/card.tsx";
import { Pager } from "@/components/ui/pager.tsx";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FILTER_KEYS = ["action", "actor", "from", "to", "targetType"] as const;

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const caller = await requireSessionCaller("/admin/audit");
  // Org admins only: everyone else sees "not found", like any page they cannot reach.
  if (!caller.isOrgAdmin || caller.tokenId) notFound();

  const raw = await searchParams;
  const first = (key: string) => {
    const v = raw[key];
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  const values = Object.fromEntries(FILTER_KEYS.map((k) => [k, first(k)])) as AuditFilterValues;
  const cursor = first("cursor");
  const parsed = listAuditEventsQuery.safeParse({ ...values, cursor });
  const error = parsed.success ? undefined : (parsed.error.issues[0]?.message ?? "Check the filters.");
  const { events, nextCursor } = await listAuditEvents(caller, parsed.success ? { ...values, cursor } : {});

  const filterQuery = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== ""));
  const moreQuery = new URLSearchParams(filterQuery);
  if (nextCursor) moreQuery.set("cursor", nextCursor);
  const exportHref = `/admin/audit/export${filterQuery.size ? `?${filterQuery}` : ""}`;

  return (
    <div className="space-y-8">
      <PageHeader title="Audit log" subtitle="Who did what, when (UTC) and from where, across your organization. The log cannot be edited." />
      <Section id="audit-filters" title="Filter">
        <Card>
          <AuditFilters values={values} error={error} />
        </Card>
      </Section>
      <Section
        id="audit-events"
        title={cursor ? "Older events" : "Events"}
        action={
          <a href={exportHref} className={buttonClasses("secondary")} download>
            Export CSV
          </a>
        }
      >
        {events.length === 0 ? (
          <EmptyState title="No events match">Try a wider date range or clear the filters.</EmptyState>
        ) : (
          <div className="space-y-4">
            <AuditTable events={events} />
            <Pager
              moreHref={nextCursor ? `/admin/audit?${moreQuery}` : null}
              moreLabel="Load more"
              endText="No more events."
              newestHref={cursor ? `/admin/audit${filterQuery.size ? `?${filterQuery}` : ""}` : null}
            />
          </div>
        )}
      </Section>
    </div>
  );
}
