"use client";

import { useState } from "react";
import { importText, type ImportedPipeline } from "@/lib/domain/formats";
import { NoRoomForSource } from "@/components/designer/drafts/no-room-for-source";
import { useStoreImported, type StoreImported } from "@/components/designer/drafts/use-store-imported";
import { useFileDrop } from "@/components/ui/use-file-drop";

/**
 * Paste, open or drop a document in any form the formats module reads — the same reader as the
 * CLI, CloudFormation templates and snippets included. The draft keeps the document, so export
 * can write the edits back into it.
 */
export function ImportForm({ onImport }: { onImport: StoreImported }) {
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [choices, setChoices] = useState<ImportedPipeline[]>([]);
  const storing = useStoreImported();

  const run = (source: string, name?: string) => {
    const result = importText(source, name ? { fileName: name } : {});
    storing.cancel();
    if (!result.ok) {
      setError(result.error.toString());
      setChoices([]);
      return;
    }
    setError(undefined);
    if (result.pipelines.length === 1) {
      setChoices([]);
      storing.attempt(result.pipelines[0]!, onImport);
    } else setChoices(result.pipelines);
  };
  const openFile = async (file: File) => {
    const content = await file.text();
    setText(content);
    setFileName(file.name);
    run(content, file.name);
  };
  const drop = useFileDrop((file) => void openFile(file));

  return (
    <section
      aria-labelledby="import"
      data-testid="import-box"
      data-drop-active={drop.over || undefined}
      {...drop.handlers}
      className={`rounded-xl border p-4 ${drop.over ? "border-dashed border-indigo-500 bg-indigo-50/60 dark:bg-indigo-950/40" : "border-slate-200 dark:border-slate-800"}`}
    >
      <h2 id="import" className="text-lg font-semibold">
        Import
      </h2>
      <p className="mt-1 text-xs text-slate-500">
        Declaration JSON, <code>get-pipeline</code> output, <code>--cli-input-json</code>, or a CloudFormation template or snippet (JSON or
        YAML). Paste it, open it, or drop the file here. Export writes your edits back into the same document.
      </p>
      <textarea
        aria-label="Document to import"
        data-testid="import-text"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setFileName(undefined);
        }}
        spellCheck={false}
        placeholder="Paste a pipeline here, or drop a file…"
        className="mt-2 h-40 w-full rounded-md border border-slate-300 bg-slate-50 p-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
      />
      <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        <button
          type="button"
          data-testid="import-submit"
          disabled={text.trim() === ""}
          onClick={() => run(text, fileName)}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-white disabled:opacity-40"
        >
          Import
        </button>
        <label className="cursor-pointer rounded-md border border-slate-300 px-3 py-1.5 dark:border-slate-700">
          Open file…
          <input
            type="file"
            className="sr-only"
            data-testid="import-file"
            accept=".json,.yaml,.yml,.template,application/json,text/yaml"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void openFile(file);
            }}
          />
        </label>
        {fileName && <span className="text-xs text-slate-500">{fileName}</span>}
      </div>
      {error && (
        <p role="alert" data-testid="import-error" className="mt-2 whitespace-pre-wrap text-sm text-red-600">
          {error}
        </p>
      )}
      {choices.length > 0 && (
        <div className="mt-3">
          <p className="text-sm">This template holds {choices.length} pipelines. Open which?</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {choices.map((c, i) => (
              <li key={`${c.label}-${i}`}>
                <button type="button" onClick={() => storing.attempt(c, onImport)} className="rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-700">
                  {c.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {storing.noRoom && <NoRoomForSource pipeline={storing.noRoom} actionLabel="Open without it" onWithout={storing.withoutSource} onCancel={storing.cancel} />}
      {storing.failed && (
        <p role="alert" data-testid="import-not-saved" className="mt-2 text-sm text-red-600">
          The draft could not be saved in this browser&apos;s storage (full or disabled).
        </p>
      )}
    </section>
  );
}
