"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { copyShareLink } from "@/components/share/copy-link";
import { parseSelection, selectionQuery, type Selection } from "@/lib/domain/dashboard/selection";

/**
 * The wall's selection as a form whose answer is the URL (a plain GET form without JavaScript),
 * the link to the same wall as a TV display, and "Copy link", which copies the URL that shows
 * this wall to anyone who opens it.
 */
export function SelectionForm({ selection, regions }: { selection: Selection; regions: readonly string[] }) {
  const router = useRouter();
  const [copied, setCopied] = useState<string | undefined>(undefined);
  const query = selectionQuery(selection);
  const path = `/dashboard${query ? `?${query}` : ""}`;
  const tvQuery = selectionQuery({ ...selection, tv: true });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const chosen = data.getAll("regions").map(String);
    const next = parseSelection({
      pipelines: String(data.get("pipelines") ?? ""),
      tag: String(data.get("tag") ?? ""),
      q: String(data.get("q") ?? ""),
      // Every region ticked is the same wall as none named: keep the link short.
      regions: chosen.length === regions.length ? "" : chosen.join(","),
      window: String(selection.window),
    });
    const nextQuery = selectionQuery(next);
    router.push(`/dashboard${nextQuery ? `?${nextQuery}` : ""}`);
  }

  async function copy() {
    const { link, copied: ok } = await copyShareLink(path);
    setCopied(ok ? "Link copied." : `Copy this link: ${link}`);
  }

  const field = "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";
  return (
    <form action="/dashboard" method="get" onSubmit={submit} className="mt-6 grid gap-3 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-4 dark:bg-slate-900 dark:ring-slate-800" data-testid="selection-form">
      <label className="text-sm font-medium">
        Pipelines
        <input name="pipelines" defaultValue={selection.pipelines?.join(",") ?? ""} placeholder="a,b,c" className={field} />
      </label>
      <label className="text-sm font-medium">
        Tag
        <input name="tag" defaultValue={selection.tag ? (selection.tag.value === undefined ? selection.tag.key : `${selection.tag.key}:${selection.tag.value}`) : ""} placeholder="team:payments" className={field} />
      </label>
      <label className="text-sm font-medium">
        Name pattern
        <input name="q" defaultValue={selection.q ?? ""} placeholder="payments-*" className={field} />
      </label>
      <fieldset className="text-sm">
        <legend className="font-medium">Regions</legend>
        <div className="mt-1 flex flex-wrap gap-x-3">
          {regions.map((r) => (
            <label key={r} className="inline-flex items-center gap-1">
              <input type="checkbox" name="regions" value={r} defaultChecked={!selection.regions || selection.regions.includes(r)} />
              {r}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-4">
        <button type="submit" className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800">
          Show
        </button>
        <button type="button" onClick={copy} className="rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300 dark:ring-slate-700">
          Copy link
        </button>
        <a href={`/dashboard?${tvQuery}`} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
          Open as TV display
        </a>
        <span role="status" className="text-sm text-slate-600 dark:text-slate-400" data-testid="copy-status">
          {copied}
        </span>
      </div>
    </form>
  );
}
