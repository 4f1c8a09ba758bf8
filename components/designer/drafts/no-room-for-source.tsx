"use client";

import type { ImportedPipeline } from "@/lib/domain/formats";
import { sizeLabel } from "./draft-size";

const BUTTON = "rounded-md border border-amber-400 px-2.5 py-1 text-sm dark:border-amber-700";

/**
 * An imported document too large to keep beside its draft: what keeping the draft without it
 * means, and the choice.
 */
export function NoRoomForSource({
  pipeline,
  actionLabel,
  onWithout,
  onCancel,
}: {
  pipeline: ImportedPipeline;
  /** What the confirm button does, e.g. "Open without it". */
  actionLabel: string;
  onWithout: () => void;
  onCancel: () => void;
}) {
  const source = pipeline.sourceDocument;
  const name = source?.fileName ?? "The document";
  return (
    <div role="alert" data-testid="no-room-for-source" className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      <p>
        {name} ({sizeLabel(source?.text.length ?? 0)}) does not fit beside its draft in this browser&apos;s storage, which holds about 5 MB for
        all drafts of this site.
      </p>
      <p className="mt-1">
        Without it, the pipeline opens like a new design: export writes new documents instead of writing your edits back into this one, and
        the importer&apos;s findings are not listed. Deleting drafts you no longer need frees space.
      </p>
      <div className="mt-2 flex gap-2">
        <button type="button" data-testid="open-without-source" onClick={onWithout} className={BUTTON}>
          {actionLabel}
        </button>
        <button type="button" onClick={onCancel} className={BUTTON}>
          Cancel
        </button>
      </div>
    </div>
  );
}
