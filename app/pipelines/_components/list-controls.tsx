"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import {
  changeListQuery,
  LIST_SORTS,
  listSearch,
  SORT_LABELS,
  STATUS_FILTERS,
  statusFilterLabel,
  type PipelineListQuery,
} from "@/lib/domain/execution/pipeline-list";

const SEARCH_DEBOUNCE_MS = 250;

type Option = readonly [value: string, label: string];

function Select(props: { name: string; label: string; value: string; options: readonly Option[]; onChange: (value: string) => void }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
      {props.label}
      <select
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Search, filters and sort. Everything lives in the URL: a change replaces the URL and the server
 * renders the list for it. Without JavaScript the form submits the same parameters by GET.
 */
export function ListControls({ query, regions }: { query: PipelineListQuery; regions: readonly string[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState(query.q);
  const searchRef = useRef<HTMLInputElement>(null);

  // The selects show what was picked at once, and follow the URL when it changes (back, forward).
  const [shown, setShown] = useState(query);
  const [urlSearch, setUrlSearch] = useState(listSearch(query));
  if (listSearch(query) !== urlSearch) {
    setUrlSearch(listSearch(query));
    setShown(query);
  }

  // From what is shown, not the URL: a change made while another is on its way keeps both.
  const go = (changes: Partial<PipelineListQuery>) => {
    const next = changeListQuery(shown, changes);
    setShown(next);
    startTransition(() => router.replace(`/pipelines${listSearch(next)}`, { scroll: false }));
  };

  // Typing searches after a short pause; the URL keeps the last search.
  useEffect(() => {
    const q = text.trim();
    if (q === shown.q) return;
    const timer = setTimeout(() => go({ q }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `go` reads `shown`, which is a dependency.
  }, [text, shown]);

  // Back and forward bring another search: show it, unless the user is typing.
  useEffect(() => {
    if (document.activeElement !== searchRef.current) setText(query.q);
  }, [query.q]);

  const optional = (value: string) => (value === "" ? undefined : value);
  return (
    <form
      role="search"
      action="/pipelines"
      method="get"
      data-testid="list-controls"
      aria-busy={pending}
      onSubmit={(e) => {
        e.preventDefault();
        go({ q: text.trim() });
      }}
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      <label className="flex min-w-56 flex-1 flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
        Search by name
        <input
          ref={searchRef}
          type="search"
          name="q"
          value={text}
          maxLength={100}
          placeholder="e.g. payments"
          data-testid="list-search"
          onChange={(e) => setText(e.target.value)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
        />
      </label>
      <Select
        name="status"
        label="Latest status"
        value={shown.status ?? ""}
        options={[["", "Any status"], ...STATUS_FILTERS.map((s): Option => [s, statusFilterLabel(s)])]}
        onChange={(v) => go({ status: optional(v) as PipelineListQuery["status"] })}
      />
      <Select
        name="type"
        label="Type"
        value={shown.type ?? ""}
        options={[["", "Any type"], ["V1", "V1"], ["V2", "V2"]]}
        onChange={(v) => go({ type: optional(v) as PipelineListQuery["type"] })}
      />
      <Select
        name="mode"
        label="Execution mode"
        value={shown.mode ?? ""}
        options={[["", "Any mode"], ["SUPERSEDED", "Superseded"], ["QUEUED", "Queued"], ["PARALLEL", "Parallel"]]}
        onChange={(v) => go({ mode: optional(v) as PipelineListQuery["mode"] })}
      />
      {regions.length > 1 && (
        <Select
          name="region"
          label="Region"
          value={shown.region ?? ""}
          options={[["", "All regions"], ...regions.map((r): Option => [r, r])]}
          onChange={(v) => go({ region: optional(v) })}
        />
      )}
      <Select
        name="sort"
        label="Sort by"
        value={shown.sort}
        options={LIST_SORTS.map((s): Option => [s, SORT_LABELS[s]])}
        onChange={(v) => go({ sort: v as PipelineListQuery["sort"] })}
      />
      <button
        type="submit"
        className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-500"
      >
        Search
      </button>
      <span role="status" className="min-w-20 text-xs text-slate-500">
        {pending ? "Updating…" : ""}
      </span>
    </form>
  );
}
