"use client";

import { useState } from "react";
import type { JsonObject } from "@/lib/domain/designer/contract";
import { importText } from "@/lib/domain/formats";

/** Paste or open a document in any form the formats module reads (CloudFormation included). */
export function ImportForm({ onImport }: { onImport: (declaration: JsonObject) => void }) {
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [choices, setChoices] = useState<{ label: string; declaration: JsonObject }[]>([]);

  const run = (source: string, name?: string) => {
    const result = importText(source, name ? { fileName: name } : {});
    if (!result.ok) {
      setError(result.error.toString());
      setChoices([]);
      return;
    }
    setError(undefined);
    if (result.pipelines.length === 1) onImport(result.pipelines[0]!.declaration);
    else setChoices(result.pipelines.map((p) => ({ label: p.label, declaration: p.declaration })));
  };

  return (
    <section aria-labelledby="import" className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="import" className="text-lg font-semibold">
        Import
      </h2>
      <p className="mt-1 text-xs text-slate-500">
        Declaration JSON, <code>get-pipeline</code> output, CLI input or a CloudFormation template (JSON or YAML).
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
        placeholder="Paste a pipeline here…"
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
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              const content = await file.text();
              setText(content);
              setFileName(file.name);
              run(content, file.name);
            }}
          />
        </label>
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
                <button type="button" onClick={() => onImport(c.declaration)} className="rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-700">
                  {c.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
