"use client";

import { useMemo, useState } from "react";
import type { ActionTypeRef } from "@/lib/domain/designer/contract";
import { useCanvasController } from "./canvas-context";
import { categoryStyle } from "./nodes/category-style";
import { actionTypeOf, CATEGORY_ORDER, PLACEABLE } from "./placeable";

/**
 * Every action provider of the catalog, grouped by category and searchable. Drag an item onto
 * a stage; or activate it (click / Enter) to append it to the selected stage.
 */
export function Palette({ onAdd }: { onAdd: (actionType: ActionTypeRef) => void }) {
  const controller = useCanvasController();
  const [query, setQuery] = useState("");
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matching = PLACEABLE.filter(
      (p) => q === "" || `${p.provider} ${p.category} ${p.owner}`.toLowerCase().includes(q),
    );
    return CATEGORY_ORDER.map((category) => ({ category, entries: matching.filter((p) => p.category === category) })).filter(
      (g) => g.entries.length > 0,
    );
  }, [query]);

  return (
    <aside aria-label="Action palette" className="flex min-h-0 flex-col gap-2 overflow-hidden" data-testid="palette">
      <input
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="Search providers…"
        aria-label="Search providers"
        className="rounded-md border border-slate-300 bg-transparent px-2 py-1.5 text-sm dark:border-slate-700"
      />
      <div className="min-h-0 flex-1 overflow-y-auto pr-1">
        {groups.length === 0 && <p className="text-sm text-slate-500">No provider matches “{query}”.</p>}
        {groups.map(({ category, entries }) => (
          <section key={category} className="mb-3">
            <h3 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">{category}</h3>
            <ul className="flex flex-col gap-1">
              {entries.map((entry) => {
                const style = categoryStyle(entry.category);
                const retired = entry.status === "deprecated" || entry.status === "discontinued";
                return (
                  <li key={`${entry.category}/${entry.owner}/${entry.provider}`}>
                    <button
                      type="button"
                      data-testid="palette-item"
                      data-provider={entry.provider}
                      data-category={entry.category}
                      title={`${entry.owner} · ${entry.provider} v${entry.version}${entry.notes ? ` — ${entry.notes}` : ""}`}
                      onPointerDown={(e) => {
                        if (e.button !== 0) return;
                        controller.beginDrag({ kind: "provider", actionType: actionTypeOf(entry) }, entry.provider, e);
                      }}
                      onClick={() => onAdd(actionTypeOf(entry))}
                      className="flex w-full cursor-grab touch-none select-none items-center gap-2 rounded-md border border-slate-200 px-2 py-1 text-left text-sm hover:border-indigo-400 hover:bg-indigo-50 dark:border-slate-800 dark:hover:bg-slate-900"
                    >
                      <span aria-hidden className={`flex h-5 w-5 shrink-0 items-center justify-center rounded text-[11px] font-bold ${style.className}`}>
                        {style.glyph}
                      </span>
                      <span className={`min-w-0 flex-1 truncate ${retired ? "text-slate-500 line-through" : ""}`}>{entry.provider}</span>
                      {entry.owner !== "AWS" && <span className="text-[10px] text-slate-500">{entry.owner}</span>}
                      {retired && (
                        <span className="rounded bg-slate-200 px-1 text-[10px] text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                          {entry.status}
                        </span>
                      )}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}
