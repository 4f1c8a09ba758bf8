"use client";

/**
 * Storing an imported pipeline as a draft, with its source document when it fits. When the draft
 * and its source do not fit in the browser's storage, nothing is stored without the source unasked:
 * the caller shows NoRoomForSource, whose answer stores the draft without it (or gives up).
 */
import { useState } from "react";
import type { ImportedPipeline } from "@/lib/domain/formats";

/** Stores the pipeline as a draft (a new one, or in place of the open one); false when storage refused it. */
export type StoreImported = (pipeline: ImportedPipeline, keepSource: boolean) => boolean;

export function useStoreImported() {
  const [pending, setPending] = useState<{ readonly pipeline: ImportedPipeline; readonly store: StoreImported } | undefined>();
  const [failed, setFailed] = useState(false);
  return {
    /** The pipeline waiting for the user's answer: store it without its source? */
    noRoom: pending?.pipeline,
    /** Storage refused even a draft without a source (full or disabled). */
    failed,
    attempt(pipeline: ImportedPipeline, store: StoreImported) {
      setFailed(false);
      if (store(pipeline, true)) setPending(undefined);
      else if (pipeline.sourceDocument !== undefined) setPending({ pipeline, store });
      else setFailed(true);
    },
    withoutSource() {
      if (pending === undefined) return;
      setPending(undefined);
      if (!pending.store(pending.pipeline, false)) setFailed(true);
    },
    cancel() {
      setPending(undefined);
      setFailed(false);
    },
  };
}
