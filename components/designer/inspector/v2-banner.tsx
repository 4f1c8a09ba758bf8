"use client";

import { useState } from "react";
import type { JsonObject } from "@/lib/domain/designer/contract";
import { v2Features, v2Transition, type V2Transition } from "@/lib/domain/designer/pipeline-type";

/**
 * The pricing warning of the edit that made the pipeline need V2. It stays until dismissed,
 * replaced by a newer one, or until the pipeline no longer needs V2 (e.g. after undo).
 */
export function useV2Warning(declaration: JsonObject): [V2Transition | undefined, () => void] {
  const [previous, setPrevious] = useState(declaration);
  const [warning, setWarning] = useState<V2Transition | undefined>();
  if (previous !== declaration) {
    // Derived from the edit itself (previous → current), so it is computed during render
    // rather than in an effect: no flash of stale state.
    setPrevious(declaration);
    const transition = v2Transition(previous, declaration);
    if (transition) setWarning(transition);
    else if (warning && declaration.pipelineType !== "V2" && v2Features(declaration).length === 0) setWarning(undefined);
  }
  return [warning, () => setWarning(undefined)];
}

export function V2Banner({ warning, onDismiss }: { warning: V2Transition; onDismiss: () => void }) {
  return (
    <div
      role="status"
      data-testid="v2-warning"
      className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
    >
      <p className="flex-1">
        <span className="font-semibold">Pipeline type V2.</span> {warning.message}
      </p>
      <button type="button" aria-label="Dismiss V2 warning" className="font-semibold hover:underline" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
