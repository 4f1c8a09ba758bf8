"use client";

import { useState } from "react";
import { jsonError } from "./form-model";
import { FieldFrame, INPUT_CLASS, useInputTone } from "./fields";

interface JsonFieldProps {
  readonly label: string;
  readonly path: string;
  /** The member's value (any JSON); undefined when absent. */
  readonly value: unknown;
  /** Receives the parsed value; undefined when the text was emptied. Not called while the text is not JSON. */
  readonly onChange: (value: unknown) => void;
  readonly hint?: string;
}

/** The parse error under a JSON text field, if any. */
export function JsonError({ error }: { error: string | undefined }) {
  if (error === undefined) return null;
  return (
    <p className="text-xs text-red-700 dark:text-red-400" role="alert" data-testid="json-error">
      Not valid JSON: {error}
    </p>
  );
}

/**
 * A member edited as JSON text, for structured members without a form of their own. The text
 * is kept while it does not parse (so typing never loses input); the declaration changes only
 * when it does.
 */
export function JsonField({ label, path, value, onChange, hint }: JsonFieldProps) {
  const formatted = value === undefined ? "" : JSON.stringify(value, null, 2);
  const [draft, setDraft] = useState<{ text: string; from: string } | undefined>();
  // An edit elsewhere (undo, another field) replaces a stale draft.
  const text = draft !== undefined && draft.from === formatted ? draft.text : formatted;
  const error = jsonError(text);
  const tone = useInputTone(path);
  return (
    <FieldFrame label={label} path={path} hint={hint}>
      {(id) => (
        <>
          <textarea
            id={id}
            data-path={path}
            rows={Math.min(8, Math.max(3, text.split("\n").length))}
            spellCheck={false}
            aria-invalid={error !== undefined}
            className={`${INPUT_CLASS}${error ? "border-red-500" : tone} font-mono text-xs`}
            value={text}
            onChange={(e) => {
              const next = e.target.value;
              if (jsonError(next) !== undefined) {
                setDraft({ text: next, from: formatted });
                return;
              }
              setDraft(undefined);
              onChange(next.trim() === "" ? undefined : JSON.parse(next));
            }}
          />
          <JsonError error={error} />
        </>
      )}
    </FieldFrame>
  );
}
