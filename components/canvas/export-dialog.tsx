"use client";

import { useMemo, useState } from "react";
import { exportPipeline, newPipeline, type ExportForm, type JsonMap } from "@/lib/domain/formats";
import type { JsonObject } from "@/lib/domain/designer/contract";

const FORMS: readonly { readonly form: ExportForm; readonly label: string; readonly file: string }[] = [
  { form: "declaration", label: "Declaration JSON", file: "pipeline.json" },
  { form: "cli-input", label: "CLI input JSON", file: "create-pipeline.json" },
  { form: "cloudformation-yaml", label: "CloudFormation YAML", file: "pipeline.yaml" },
];

/** The design in the three export forms, to copy or download. */
export function ExportDialog({ declaration, onClose }: { declaration: JsonObject; onClose: () => void }) {
  const [form, setForm] = useState<ExportForm>("declaration");
  const result = useMemo(() => exportPipeline(newPipeline(declaration as JsonMap), form), [declaration, form]);
  const file = FORMS.find((f) => f.form === form)!.file;
  const download = () => {
    const url = URL.createObjectURL(new Blob([result.text], { type: form.endsWith("yaml") ? "text/yaml" : "application/json" }));
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
              key={f.form}
              type="button"
              data-testid={`export-form-${f.form}`}
              aria-pressed={form === f.form}
              onClick={() => setForm(f.form)}
              className={`rounded-md border px-2 py-1 text-sm ${
                form === f.form ? "border-indigo-500 bg-indigo-50 dark:bg-indigo-950" : "border-slate-300 dark:border-slate-700"
              }`}
            >
              {f.label}
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
