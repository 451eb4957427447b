import { buttonClasses } from "@/components/ui/button.tsx";
import { TextField } from "@/components/ui/field.tsx";

export type AuditFilterValues = { action: string; actor: string; from: string; to: string; targetType: string };

/** A plain GET form: filters live in the URL, so a filtered view can be bookmarked and works without JS. */
export function AuditFilters({ values, error }: { values: AuditFilterValues; error?: string | undefined }) {
  return (
    <form method="get" action="/admin/audit" className="space-y-4" aria-describedby={error ? "audit-filter-error" : undefined}>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <TextField id="audit-action" name="action" label="Action" hint="Starts with, e.g. auth." defaultValue={values.action} autoComplete="off" />
        <TextField id="audit-actor" name="actor" label="Who" hint="Email or user id" defaultValue={values.actor} autoComplete="off" />
        <TextField id="audit-from" name="from" type="date" label="From (UTC)" defaultValue={values.from} />
        <TextField id="audit-to" name="to" type="date" label="To (UTC)" defaultValue={values.to} />
        <TextField id="audit-target" name="targetType" label="Target type" hint="e.g. team, membership" defaultValue={values.targetType} autoComplete="off" />
      </div>
      {error ? (
        <p id="audit-filter-error" role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClasses("primary")}>
          Apply filters
        </button>
        <a href="/admin/audit" className={buttonClasses("ghost")}>
          Clear
        </a>
      </div>
    </form>
  );
}
