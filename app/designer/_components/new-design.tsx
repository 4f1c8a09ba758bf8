"use client";

import type { JsonObject } from "@/lib/domain/designer/contract";
import { blankDeclaration } from "@/lib/domain/designer/document";
import { STARTER_TEMPLATES, templateDeclaration } from "@/lib/domain/designer/templates";

/** Start blank or from a starter template. */
export function NewDesign({ onCreate }: { onCreate: (declaration: JsonObject) => void }) {
  return (
    <section aria-labelledby="new-design" className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="new-design" className="text-lg font-semibold">
        New design
      </h2>
      <ul className="mt-3 grid gap-2 sm:grid-cols-2">
        <li>
          <button
            type="button"
            data-testid="new-blank"
            onClick={() => onCreate(templateDeclaration("blank") ?? blankDeclaration())}
            className="h-full w-full rounded-lg border border-slate-300 p-3 text-left hover:border-indigo-500 dark:border-slate-700"
          >
            <span className="font-medium">Blank pipeline</span>
            <span className="mt-1 block text-xs text-slate-500">Two empty stages, Source and Build.</span>
          </button>
        </li>
        {STARTER_TEMPLATES.filter((t) => t.id !== "blank").map((t) => (
          <li key={t.id}>
            <button
              type="button"
              data-testid="new-from-template"
              data-template={t.id}
              onClick={() => onCreate(t.declaration)}
              className="h-full w-full rounded-lg border border-slate-300 p-3 text-left hover:border-indigo-500 dark:border-slate-700"
            >
              <span className="font-medium">{t.title}</span>
              <span className="mt-1 block text-xs text-slate-500">{t.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
