"use client";

import { useDeferredValue, useMemo, useRef, useState } from "react";
import { checkText } from "@/lib/domain/check";
import { CHECK_EXAMPLES } from "@/lib/domain/examples/check-examples";
import { SORTED_REGIONS as REGIONS } from "@/lib/domain/catalog/regions";
import { DiagnosticsPanel } from "./diagnostics-panel";
import { ExportPanel } from "./export-panel";
import { FormatErrorNotice } from "./format-error-notice";

const FORM_NAMES: Record<string, string> = {
  declaration: "Pipeline declaration",
  "get-pipeline": "get-pipeline output",
  "cli-input": "CLI input (--cli-input-json)",
  "cloudformation-template": "CloudFormation template",
  "cloudformation-resource": "CloudFormation resource",
  "cloudformation-snippet": "CloudFormation snippet",
};

export function PipelineChecker() {
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | undefined>();
  const [region, setRegion] = useState("us-east-1");
  const editor = useRef<HTMLTextAreaElement>(null);
  // Checking is synchronous and fast; deferring keeps typing smooth in very large documents.
  const deferredText = useDeferredValue(text);
  const result = useMemo(
    () =>
      deferredText.trim() === ""
        ? undefined
        : checkText(deferredText, { ...(fileName ? { fileName } : {}), context: region ? { region } : {} }),
    [deferredText, fileName, region],
  );

  const openFile = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
  };

  const revealPosition = (line: number, column: number) => {
    const area = editor.current;
    if (!area) return;
    const lines = area.value.split("\n");
    let offset = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
    offset += column - 1;
    area.focus();
    area.setSelectionRange(offset, offset + 1);
  };

  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-2">
      <section aria-label="Document" className="flex min-w-0 flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label className="cursor-pointer rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900">
            Open file…
            <input
              type="file"
              accept=".json,.yaml,.yml,.template,application/json,text/yaml"
              className="sr-only"
              data-testid="file-input"
              onChange={(e) => void openFile(e.target.files?.[0])}
            />
          </label>
          <select
            aria-label="Load an example"
            className="rounded-md border border-slate-300 bg-transparent px-2 py-1.5 dark:border-slate-700"
            value=""
            onChange={(e) => {
              const example = CHECK_EXAMPLES.find((x) => x.id === e.target.value);
              if (example) {
                setFileName(undefined);
                setText(example.text);
              }
            }}
          >
            <option value="">Load an example…</option>
            {CHECK_EXAMPLES.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}
              </option>
            ))}
          </select>
          <label className="ml-auto flex items-center gap-2">
            <span className="text-slate-600 dark:text-slate-400">Pipeline region</span>
            <select
              aria-label="Pipeline region"
              className="rounded-md border border-slate-300 bg-transparent px-2 py-1.5 dark:border-slate-700"
              value={region}
              onChange={(e) => setRegion(e.target.value)}
            >
              <option value="">Not set</option>
              {REGIONS.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
        </div>
        <textarea
          ref={editor}
          aria-label="Pipeline document"
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Paste a pipeline here…"
          className="h-[65vh] w-full resize-y rounded-lg border border-slate-300 bg-slate-50 p-3 font-mono text-xs leading-5 outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 dark:border-slate-700 dark:bg-slate-900"
        />
      </section>

      <section aria-label="Findings" className="flex min-w-0 flex-col gap-4">
        {result === undefined && (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-sm text-slate-500 dark:border-slate-700">
            Findings appear here as soon as there is a document to check.
          </p>
        )}
        {result !== undefined && !result.ok && <FormatErrorNotice error={result.error} onReveal={revealPosition} />}
        {result !== undefined && result.ok && (
          <>
            <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="detected-form">
              {FORM_NAMES[result.form] ?? result.form} ({result.syntax.toUpperCase()}) ·{" "}
              {result.pipelines.length === 1 ? "1 pipeline" : `${result.pipelines.length} pipelines`}
            </p>
            {result.pipelines.map((pipeline, i) => (
              <div key={`${pipeline.label}-${i}`} className="flex flex-col gap-3">
                <DiagnosticsPanel label={pipeline.label} diagnostics={pipeline.diagnostics} />
                <ExportPanel pipeline={pipeline.imported} />
              </div>
            ))}
          </>
        )}
      </section>
    </div>
  );
}
