"use client";

import { useMemo, useState } from "react";
import { EXPORT_FORM_LABELS, exportPipeline, newPipeline, type ExportForm, type JsonMap } from "@/lib/domain/formats";
import type { JsonObject } from "@/lib/domain/designer/contract";

/** The forms a design is exported in: get-pipeline output also holds the metadata of a deployed pipeline, which a design has not. */
const FORMS: readonly ExportForm[] = ["declaration", "cli-input", "cloudformation-yaml"];

/** The design in the three export forms, to copy or download. */
export function ExportDialog({ declaration, onClose }: { declaration: JsonObject; onClose: () => void }) {
  const [form, setForm] = useState<ExportForm>("declaration");
  const result = useMemo(() => exportPipeline(newPipeline(declaration as JsonMap), form), [declaration, form]);
  const { baseName, extension, mediaType } = EXPORT_FORM_LABELS[form];
  const file = `${baseName}.${extension}`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([result.text], { type: mediaType }));
    const a = document.createElement("a");
    a.href = url;
    a.download = file;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label="Export"
      data-testid="export-dialog"
      className="fixed inset-0 z-40 flex items-center justify-center bg-slate-950/40 p-4"
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
        e.stopPropagation();
      }}
    >
      <div className="flex max-h-[85vh] w-full max-w-3xl flex-col gap-3 rounded-xl bg-white p-4 shadow-xl dark:bg-slate-900">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="mr-auto text-lg font-semibold">Export</h2>
          {FORMS.map((f) => (
            <button
              key={f}
              type="button"
              data-testid={`export-form-${f}`}
              aria-pressed={form === f}
              onClick={() => setForm(f)}
              className={`rounded-md border px-2 py-1 text-sm ${
                form === f ? "border-indigo-500 bg-indigo-50 dark:bg-indigo-950" : "border-slate-300 dark:border-slate-700"
              }`}
            >
              {EXPORT_FORM_LABELS[f].label}
            </button>
          ))}
        </div>
        {result.warnings.length > 0 && (
          <ul className="text-xs text-amber-700 dark:text-amber-400">
            {result.warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        )}
        <textarea
          readOnly
          autoFocus
          aria-label="Exported text"
          data-testid="export-text"
          value={result.text}
          className="min-h-[50vh] flex-1 rounded-md border border-slate-300 bg-slate-50 p-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-950"
        />
        <div className="flex justify-end gap-2">
          <button type="button" onClick={() => void navigator.clipboard?.writeText(result.text)} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700">
            Copy
          </button>
          <button type="button" onClick={download} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700">
            Download {file}
          </button>
          <button type="button" data-testid="export-close" onClick={onClose} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm text-white">
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
