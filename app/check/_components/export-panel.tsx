"use client";

import { useMemo, useState } from "react";
import { EXPORT_FORM_LABELS, EXPORT_FORMS, exportPipeline, type ExportForm, type ImportedPipeline } from "@/lib/domain/formats";

export function ExportPanel({ pipeline }: { pipeline: ImportedPipeline }) {
  const [form, setForm] = useState<ExportForm | "">("");
  const [copied, setCopied] = useState(false);
  const exported = useMemo(() => (form === "" ? undefined : exportPipeline(pipeline, form)), [pipeline, form]);

  const download = () => {
    if (!exported || form === "") return;
    const url = URL.createObjectURL(new Blob([exported.text], { type: "text/plain" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${pipeline.label}.${form}.${EXPORT_FORM_LABELS[form].extension}`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className="rounded-lg border border-slate-200 text-sm dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-2 px-4 py-2.5">
        <label className="flex items-center gap-2">
          <span className="text-slate-600 dark:text-slate-400">Convert to</span>
          <select
            aria-label={`Convert ${pipeline.label} to`}
            className="rounded-md border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-700"
            value={form}
            onChange={(e) => {
              setCopied(false);
              setForm(e.target.value as ExportForm | "");
            }}
          >
            <option value="">Choose a form…</option>
            {EXPORT_FORMS.map((f) => (
              <option key={f} value={f}>
                {EXPORT_FORM_LABELS[f].label}
              </option>
            ))}
          </select>
        </label>
        {exported && (
          <span className="ml-auto flex gap-2">
            <button
              type="button"
              className="rounded-md border border-slate-300 px-2.5 py-1 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
              onClick={() =>
                void navigator.clipboard?.writeText(exported.text).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {copied ? "Copied" : "Copy"}
            </button>
            <button
              type="button"
              className="rounded-md border border-slate-300 px-2.5 py-1 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
              onClick={download}
            >
              Download
            </button>
          </span>
        )}
      </div>
      {exported && (
        <>
          {exported.warnings.length > 0 && (
            <ul className="border-t border-slate-200 px-4 py-2 text-xs text-amber-800 dark:border-slate-800 dark:text-amber-300">
              {exported.warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          )}
          <textarea
            readOnly
            aria-label="Converted document"
            value={exported.text}
            className="h-64 w-full resize-y border-t border-slate-200 bg-slate-50 p-3 font-mono text-xs dark:border-slate-800 dark:bg-slate-900"
          />
        </>
      )}
    </div>
  );
}
