"use client";

import { useMemo, useState, type ReactNode } from "react";
import { IMPORT_FORM_LABELS, type ExportForm, type JsonMap, type SourceDocument } from "@/lib/domain/formats";
import type { JsonObject } from "@/lib/domain/designer/contract";
import { exportChoices, exportForDialog, unreadableSource } from "./export-model";

interface ExportDialogProps {
  readonly declaration: JsonObject;
  /** The document the draft was imported from; absent for new designs. */
  readonly source?: SourceDocument;
  readonly onClose: () => void;
  /** Image downloads of the canvas, shown beside the text export's buttons. */
  readonly image?: ReactNode;
}

const CHOICE =
  "flex items-center gap-1.5 rounded-md border px-2 py-1 text-sm border-slate-300 dark:border-slate-700 aria-pressed:border-indigo-500 aria-pressed:bg-indigo-50 dark:aria-pressed:bg-indigo-950";
const BUTTON = "rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700";

/**
 * The design as text, to copy or download. An imported draft opens on its source's own form,
 * written back into that document; every other form says first what it cannot carry.
 */
export function ExportDialog({ declaration, source, onClose, image }: ExportDialogProps) {
  // The declaration cannot change while the dialog is open (it is modal): ask once.
  const [unreadable] = useState(() => unreadableSource(source, declaration as JsonMap));
  const readable = unreadable === undefined ? source : undefined;
  const choices = useMemo(() => exportChoices(readable), [readable]);
  const [form, setForm] = useState<ExportForm>(choices[0]!.form);
  const [copied, setCopied] = useState(false);
  const result = useMemo(() => exportForDialog(readable, declaration as JsonMap, form), [readable, declaration, form]);
  const download = () => {
    const url = URL.createObjectURL(new Blob([result.text], { type: result.mediaType }));
    const a = document.createElement("a");
    a.href = url;
    a.download = result.fileName;
    a.click();
    URL.revokeObjectURL(url);
  };
  const copy = () =>
    void navigator.clipboard?.writeText(result.text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  const sourceName = source && (source.fileName ?? `the ${IMPORT_FORM_LABELS[source.form]}`);
  const SourceName = sourceName && sourceName.charAt(0).toUpperCase() + sourceName.slice(1);
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
          {choices.map((c) => (
            <button
              key={c.form}
              type="button"
              data-testid={`export-form-${c.form}`}
              data-into-source={c.intoSource || undefined}
              aria-pressed={form === c.form}
              onClick={() => {
                setForm(c.form);
                setCopied(false);
              }}
              className={CHOICE}
            >
              {c.label}
              {c.intoSource && <span className="rounded bg-emerald-100 px-1 text-[11px] font-medium text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">as imported</span>}
            </button>
          ))}
        </div>
        {unreadable !== undefined && (
          <p role="alert" data-testid="export-unreadable" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
            {SourceName} no longer reads as it did when it was imported ({unreadable}): these exports are new documents, not written into it.
          </p>
        )}
        {readable && result.intoSource && (
          <p data-testid="export-source-note" className="text-sm text-slate-600 dark:text-slate-400">
            Written back into {sourceName}: only your edits change it, everything else is kept as it was.
          </p>
        )}
        {result.losses.length > 0 && (
          <div role="note" data-testid="export-losses" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
            <p className="font-medium">Not carried over from {sourceName}:</p>
            <ul className="mt-1 list-disc pl-5">
              {result.losses.map((loss) => (
                <li key={loss}>{loss}</li>
              ))}
            </ul>
          </div>
        )}
        {result.warnings.length > 0 && (
          <ul className="text-xs text-amber-700 dark:text-amber-400" data-testid="export-warnings">
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
          spellCheck={false}
          className="min-h-[50vh] flex-1 rounded-md border border-slate-300 bg-slate-50 p-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-950"
        />
        <div className="flex flex-wrap items-center justify-end gap-2">
          {image && <span className="mr-auto">{image}</span>}
          <button type="button" data-testid="export-copy" onClick={copy} className={BUTTON}>
            {copied ? "Copied" : "Copy"}
          </button>
          <button type="button" data-testid="export-download" onClick={download} className={BUTTON}>
            Download {result.fileName}
          </button>
          <button type="button" data-testid="export-close" onClick={onClose} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm text-white">
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
