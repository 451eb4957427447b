import { KIND_LABELS, SEVERITY_LABELS, STATUS_LABELS } from "./labels.ts";

type Filters = { kind?: string; status?: string; severity?: string; processId?: string; from?: string; to?: string; q?: string };

const control = "block min-h-11 w-full rounded-md border border-slate-400 bg-white px-2 py-1 text-sm";
const opts = (labels: Record<string, string>, all: string) => [{ value: "", label: all }, ...Object.entries(labels).map(([value, label]) => ({ value, label }))];

function Select({ name, label, value, options }: { name: string; label: string; value: string | undefined; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={`f-${name}`} className="block text-xs font-medium text-slate-700">{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ""} className={control}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

/** A plain GET form: filters live in the URL, so they can be bookmarked and work without JavaScript. */
export function InboxFilters({ action, filters, processes }: { action: string; filters: Filters; processes: { id: string; name: string }[] }) {
  return (
    <form method="get" action={action} className="grid grid-cols-2 gap-2 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-4 lg:grid-cols-8" role="search" aria-label="Filter observations">
      <div className="col-span-2">
        <label htmlFor="f-q" className="block text-xs font-medium text-slate-700">Search</label>
        <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} className={control} placeholder="Words in text or reason" />
      </div>
      <Select name="kind" label="Kind" value={filters.kind} options={opts(KIND_LABELS, "All kinds")} />
      <Select name="status" label="Status" value={filters.status} options={opts(STATUS_LABELS, "All statuses")} />
      <Select name="severity" label="Severity" value={filters.severity} options={opts(SEVERITY_LABELS, "Any severity")} />
      <Select name="processId" label="Process" value={filters.processId} options={[{ value: "", label: "All processes" }, ...processes.map((p) => ({ value: p.id, label: p.name }))]} />
      <div>
        <label htmlFor="f-from" className="block text-xs font-medium text-slate-700">From</label>
        <input id="f-from" name="from" type="date" defaultValue={filters.from ?? ""} className={control} />
      </div>
      <div>
        <label htmlFor="f-to" className="block text-xs font-medium text-slate-700">To</label>
        <input id="f-to" name="to" type="date" defaultValue={filters.to ?? ""} className={control} />
      </div>
      <div className="col-span-2 flex items-end gap-2 sm:col-span-4 lg:col-span-8">
        <button type="submit" className="min-h-11 rounded-md bg-teal-700 px-4 text-sm font-semibold text-white hover:bg-teal-800">Apply filters</button>
        <a href={action} className="inline-flex min-h-11 items-center px-2 text-sm text-teal-800 underline">Clear</a>
      </div>
    </form>
  );
}
