"use client";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { formatDate } from "@/lib/format/dates.ts";
import type { ObservationDto } from "@/lib/observations/schema.ts";
import { KIND_LABELS } from "./labels.ts";

export type GroupCandidate = Pick<ObservationDto, "id" | "kind" | "text" | "createdAt" | "author">;

const snippet = (text: string) => (text.length > 90 ? `${text.slice(0, 87)}…` : text);

/**
 * Search-as-you-type for the report to group this one under (ARIA combobox with a listbox). Results
 * come from the team-scoped list API, so only the same team's reports can be offered; anonymous
 * reports carry no author there, so none is shown.
 */
export function GroupPicker({ teamId, observationId, value, onChange }: {
  teamId: string;
  observationId: string;
  value: GroupCandidate | null;
  onChange: (value: GroupCandidate | null) => void;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<GroupCandidate[]>([]);
  const [active, setActive] = useState(-1);
  const [state, setState] = useState<"idle" | "loading" | "done" | "error">("idle");

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    // Debounced so typing a word costs one request, not one per letter.
    const timer = setTimeout(async () => {
      setState("loading");
      const params = new URLSearchParams({ teamId, limit: "20", ...(query.trim() ? { q: query.trim() } : {}) });
      try {
        const res = await fetch(`/api/v1/observations?${params}`, { signal: controller.signal, headers: { accept: "application/json" } });
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { observations: (GroupCandidate & { groupId: string | null })[] };
        // Not itself, and not its own grouped reports (that would make a loop).
        setOptions(body.observations.filter((o) => o.id !== observationId && o.groupId !== observationId).slice(0, 10));
        setActive(-1);
        setState("done");
      } catch (error) {
        if (!controller.signal.aborted) setState(error instanceof Error && error.name === "AbortError" ? "idle" : "error");
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, query, teamId, observationId]);

  function choose(option: GroupCandidate) {
    onChange(option);
    setOpen(false);
    setQuery("");
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) return setOpen(true);
      if (!options.length) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (a + step + options.length) % options.length);
    } else if (e.key === "Enter" && open && active >= 0 && options[active]) {
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
    }
  }

  if (value) {
    return (
      <div className="rounded-md border border-slate-300 bg-slate-50 p-2 text-sm" data-testid="group-choice">
        <p className="text-slate-600">Group under:</p>
        <Summary option={value} />
        <button
          type="button"
          className="mt-2 inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3 font-semibold text-slate-800 hover:bg-slate-100"
          onClick={() => {
            onChange(null);
            setTimeout(() => inputRef.current?.focus(), 0);
          }}
        >
          Choose another report
        </button>
      </div>
    );
  }

  const status =
    state === "loading" ? "Searching…" : state === "error" ? "Could not load reports. Try again." : state === "done" ? (options.length ? `${options.length} ${options.length === 1 ? "report" : "reports"} found.` : "No other reports match.") : "";
  return (
    <div className="relative">
      <input
        ref={inputRef}
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-label="Group under another report"
        aria-describedby={`${id}-hint`}
        aria-autocomplete="list"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${id}-option-${active}` : undefined}
        autoComplete="off"
        className="block min-h-11 w-full rounded-md border border-slate-400 bg-white px-2 text-sm"
        placeholder="Search this team's reports"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">Type words from the main report, then pick it with the arrow keys and Enter.</p>
      <p role="status" className="sr-only">{open ? status : ""}</p>
      {/* Always in the DOM (hidden when empty) so aria-controls points at it; an empty listbox is not shown. */}
      <ul id={listId} role="listbox" aria-label="Reports to group under" hidden={!open || !options.length} className="absolute z-10 mt-1 max-h-80 w-full overflow-auto rounded-md border border-slate-300 bg-white shadow-lg">
        {options.map((o, i) => (
          <li
            key={o.id}
            id={`${id}-option-${i}`}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: choosing must happen before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(o);
            }}
            className={`min-h-11 cursor-pointer border-b border-slate-100 px-3 py-2 text-sm last:border-b-0 ${i === active ? "bg-teal-50 outline-2 -outline-offset-2 outline-teal-700" : "hover:bg-slate-50"}`}
          >
            <Summary option={o} />
          </li>
        ))}
      </ul>
      {open && (state !== "done" || !options.length) ? <p aria-hidden="true" className="absolute z-10 mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-600 shadow-lg">{status || "Searching…"}</p> : null}
    </div>
  );
}

function Summary({ option }: { option: GroupCandidate }) {
  return (
    <span className="block">
      <span className="block text-slate-900">{snippet(option.text)}</span>
      <span className="block text-xs text-slate-600">
        {KIND_LABELS[option.kind] ?? "Observation"} · <time dateTime={option.createdAt}>{formatDate(option.createdAt)}</time>
        {option.author ? ` · ${option.author.name}` : ""}
      </span>
    </span>
  );
}
