"use client";

/**
 * "Edit in designer": GetPipeline through the openLivePipeline server action, then a new local
 * draft linked to the version read (its base) and the editor opened on it. The result says what
 * went wrong when it did not open.
 */
import { useCallback, useState } from "react";
import { openLivePipeline } from "@/app/designer/actions";
import { liveDraft } from "../drafts/draft-format";
import { newDraftId } from "../drafts/draft-storage";
import { useOpenDraft } from "../drafts/use-open-draft";

export function useOpenLive() {
  const openDraft = useOpenDraft();
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const open = useCallback(
    async (name: string) => {
      setOpening(true);
      setError(undefined);
      try {
        const result = await openLivePipeline({ name });
        if (result.status !== "opened") {
          setError(result.status === "failed" ? `${result.title} ${result.message}` : result.message);
          return;
        }
        const draft = liveDraft(newDraftId(), { base: result.base, declaration: result.declaration }, Date.now());
        if (!openDraft(draft)) setError("This browser's storage refused the draft (full or disabled): free some space and try again.");
      } catch {
        setError("Pipewright's server did not answer: try again when the connection is back.");
      } finally {
        setOpening(false);
      }
    },
    [openDraft],
  );
  return { open, opening, error };
}
