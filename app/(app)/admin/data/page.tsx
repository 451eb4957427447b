import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireSessionCaller } from "@/lib/auth/session.ts";
import { EXCLUDED_TABLES, EXPORT_TABLES, OMITTED_COLUMNS } from "@/lib/export/tables.ts";
import { buttonClasses } from "@/components/ui/button.tsx";
import { Card, PageHeader, Section } from "@/components/ui/card.tsx";

export const metadata: Metadata = { title: "Data export" };

export default async function DataExportPage() {
  const caller = await requireSessionCaller("/admin/data");
  // Org admins only: everyone else sees "not found", like any page they cannot reach.
  if (!caller.isOrgAdmin || caller.tokenId) notFound();

  return (
    <div className="space-y-8">
      <PageHeader title="Data export" subtitle="Download everything your organization holds in Learning Loop, as one zip file." />
      <Section id="export" title="Export your organization">
        <Card className="space-y-4">
          <p className="text-slate-700">
            The zip holds <code className="font-mono text-sm">manifest.json</code> (what is inside, row counts, export time in UTC), one JSON file per table
            for restoring, and the same tables as CSV for spreadsheets.
          </p>
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="note">
            It contains personal data: names and email addresses of your people, their observations, comments and the audit log. Store it encrypted,
            share it only with those who need it, and delete copies you no longer need. Every download is recorded in the audit log.
          </p>
          <a href="/api/v1/export" className={buttonClasses("primary")} download>
            Download export (.zip)
          </a>
        </Card>
      </Section>
      <Section id="contents" title="What is in it">
        <Card className="space-y-3 text-sm text-slate-700">
          <p>Tables: {EXPORT_TABLES.map((t) => t.model).join(", ")}.</p>
          <p>Left out on purpose:</p>
          <ul className="list-disc space-y-1 pl-5">
            {OMITTED_COLUMNS.map((c) => (
              <li key={`${c.table}.${c.column}`}>
                <code className="font-mono">
                  {c.table}.{c.column}
                </code>{" "}
                — {c.reason}
              </li>
            ))}
            {EXCLUDED_TABLES.map((t) => (
              <li key={t.table}>
                <code className="font-mono">{t.table}</code> — {t.reason}
              </li>
            ))}
          </ul>
          <p>
            An operator restores it into another installation with <code className="font-mono">npm run org:import -- &lt;file.zip&gt;</code>.
          </p>
        </Card>
      </Section>
      <Section id="backups" title="Full backups">
        <Card className="text-sm text-slate-700">
          <p>
            This export is per organization. Back up the whole database with PostgreSQL&apos;s own tools (
            <code className="font-mono">pg_dump --format=custom</code>, restored with <code className="font-mono">pg_restore</code> into an empty
            database). The commands are in <code className="font-mono">docs/backup.md</code> in the Learning Loop repository.
          </p>
        </Card>
      </Section>
    </div>
  );
}
