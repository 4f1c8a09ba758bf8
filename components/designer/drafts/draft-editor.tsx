"use client";

/** Loads a local draft (client only: localStorage) and opens the workspace on it. */
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { replacedDraft, type DraftRead } from "./draft-format";
import { readDraft, saveDraft } from "./draft-storage";
import type { StoreImported } from "./use-store-imported";
import { DesignerWorkspace } from "@/components/designer/workspace/designer-workspace";
import type { Deployment } from "@/lib/server/deployment";

export function DraftEditor({ draftId, deployment }: { draftId: string; deployment: Deployment }) {
  const [read, setRead] = useState<DraftRead | undefined>();
  // Bumped when a dropped document replaces the draft: the workspace starts again on it.
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    // localStorage exists only in the browser: read after mount (no hydration mismatch).
    setRead(readDraft(draftId));
  }, [draftId]);
  const replace = useCallback<StoreImported>(
    (pipeline, keepSource) => {
      if (!read?.ok) return false;
      // The stored copy, not the one opened: autosave may have changed it since (the region).
      const stored = readDraft(read.draft.id);
      const next = replacedDraft(stored.ok ? stored.draft : read.draft, pipeline, Date.now(), keepSource);
      if (!saveDraft(next)) return false;
      setRead({ ok: true, draft: next });
      setRevision((r) => r + 1);
      return true;
    },
    [read],
  );

  if (read === undefined) return <p className="p-6 text-sm text-slate-500">Opening draft…</p>;
  if (!read.ok) {
    return (
      <div className="mx-auto max-w-xl p-6" role="alert" data-testid="draft-error">
        <h1 className="text-lg font-semibold">This draft cannot be opened</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Draft “{draftId}”: {read.reason}.
        </p>
        <Link href="/designer" className="mt-3 inline-block text-sm text-indigo-600 underline">
          Back to the designer
        </Link>
      </div>
    );
  }
  return <DesignerWorkspace key={`${read.draft.id}#${revision}`} draft={read.draft} onReplace={replace} deployment={deployment} />;
}
