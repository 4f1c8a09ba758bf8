"use client";

import type { Tag } from "@/lib/domain/pipeline/declaration";
import { BUTTON } from "./styles";

/**
 * The tags CreatePipeline gets with a new pipeline (they are not part of the declaration, and
 * UpdatePipeline takes none: https://docs.aws.amazon.com/codepipeline/latest/userguide/tag-resources.html).
 * Keys are case-sensitive and unique; the server's validation checks them before the push.
 */
export function TagsEditor({ tags, onChange }: { tags: readonly Tag[]; onChange: (tags: readonly Tag[]) => void }) {
  const set = (i: number, patch: Partial<Tag>) => onChange(tags.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  return (
    <fieldset data-testid="tags-editor" className="flex flex-col gap-1.5 text-sm">
      <legend className="font-medium">Tags</legend>
      <p className="text-xs text-slate-600 dark:text-slate-400">Given to the pipeline when it is created.</p>
      {tags.map((tag, i) => (
        <div key={i} className="flex items-center gap-1.5" data-testid="tag-row">
          <input
            aria-label={`Tag ${i + 1} key`}
            data-testid="tag-key"
            value={tag.key}
            onChange={(e) => set(i, { key: e.target.value })}
            className="w-40 rounded-md border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-700"
          />
          <input
            aria-label={`Tag ${i + 1} value`}
            data-testid="tag-value"
            value={tag.value}
            onChange={(e) => set(i, { value: e.target.value })}
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-700"
          />
          <button type="button" className={BUTTON} aria-label={`Remove tag ${i + 1}`} onClick={() => onChange(tags.filter((_, j) => j !== i))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" data-testid="tag-add" className={`${BUTTON} self-start`} onClick={() => onChange([...tags, { key: "", value: "" }])}>
        + Tag
      </button>
    </fieldset>
  );
}
