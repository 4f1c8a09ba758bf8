"use client";

import { useMemo, useState } from "react";
import { IMPORT_FORM_LABELS, importText, type ImportedPipeline } from "@/lib/domain/formats";
import { NoRoomForSource } from "../drafts/no-room-for-source";
import { useStoreImported, type StoreImported } from "../drafts/use-store-imported";

interface ReplaceDraftDialogProps {
  /** The dropped file's name and text. */
  readonly fileName: string;
  readonly text: string;
  /** The open draft's title, to say what is replaced. */
  readonly title: string;
  readonly onReplace: StoreImported;
  readonly onOpenNew: StoreImported;
  readonly onClose: () => void;
}

const BUTTON = "rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700";

/**
 * A document dropped onto the canvas of an open draft: replace the draft with it (design, source
 * and undo history), or open it as a new draft and keep this one. Asked first, never done on drop.
 */
export function ReplaceDraftDialog({ fileName, text, title, onReplace, onOpenNew, onClose }: ReplaceDraftDialogProps) {
  const result = useMemo(() => importText(text, { fileName }), [text, fileName]);
  const [chosen, setChosen] = useState(0);
  const storing = useStoreImported();
  const pipeline: ImportedPipeline | undefined = result.ok ? result.pipelines[chosen] : undefined;
  const after = (store: StoreImported): StoreImported => (p, keep) => {
    const stored = store(p, keep);
    if (stored) onClose();
    return stored;
  };
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="replace-draft-title"
      data-testid="replace-dialog"
      className="fixed inset-0 z-40 flex items-center justify-center bg-slate-950/40 p-4"
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
        e.stopPropagation();
      }}
    >
      <div className="flex w-full max-w-lg flex-col gap-3 rounded-xl bg-white p-4 text-sm shadow-xl dark:bg-slate-900">
        <h2 id="replace-draft-title" className="text-lg font-semibold">
          Open {fileName}?
        </h2>
        {!result.ok ? (
          <p role="alert" data-testid="replace-error" className="whitespace-pre-wrap text-red-700 dark:text-red-400">
            {result.error.toString()}
          </p>
        ) : (
          <>
            <p className="text-slate-600 dark:text-slate-400">
              {IMPORT_FORM_LABELS[result.form]} ({result.syntax.toUpperCase()})
              {result.pipelines.length > 1 ? `, ${result.pipelines.length} pipelines` : `: ${result.pipelines[0]!.label}`}.
            </p>
            {result.pipelines.length > 1 && (
              <fieldset className="flex flex-col gap-1">
                <legend className="mb-1 font-medium">Which pipeline?</legend>
                {result.pipelines.map((p, i) => (
                  <label key={`${p.label}-${i}`} className="flex items-center gap-2">
                    <input type="radio" name="replace-choice" data-testid="replace-choice" checked={chosen === i} onChange={() => setChosen(i)} />
                    {p.label}
                  </label>
                ))}
              </fieldset>
            )}
            <p>
              Replace “{title}” with it? The current design and its undo history give way to the dropped document (export it first to keep
              it), or open the document as a new draft and keep this one as it is.
            </p>
          </>
        )}
        {storing.noRoom && (
          <NoRoomForSource pipeline={storing.noRoom} actionLabel="Continue without it" onWithout={storing.withoutSource} onCancel={storing.cancel} />
        )}
        {storing.failed && (
          <p role="alert" className="text-red-700 dark:text-red-400">
            The draft could not be saved in this browser&apos;s storage (full or disabled).
          </p>
        )}
        <div className="flex justify-end gap-2">
          {pipeline && (
            <>
              <button type="button" data-testid="replace-confirm" onClick={() => storing.attempt(pipeline, after(onReplace))} className="rounded-md bg-indigo-600 px-3 py-1.5 text-white">
                Replace this draft
              </button>
              <button type="button" data-testid="replace-open-new" onClick={() => storing.attempt(pipeline, after(onOpenNew))} className={BUTTON}>
                Open as a new draft
              </button>
            </>
          )}
          <button type="button" data-testid="replace-cancel" autoFocus onClick={onClose} className={BUTTON}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
