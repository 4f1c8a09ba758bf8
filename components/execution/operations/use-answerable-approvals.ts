"use client";

import { useState } from "react";

export interface WaitingApproval {
  readonly actionName: string;
  readonly token: string;
  readonly executionId: string;
}

/** A stage has few approval actions and each run brings new tokens: this many is plenty to remember. */
const MAX_REMEMBERED = 8;

/**
 * The approvals to render dialogs for: those waiting now, plus those that were waiting while this
 * component was mounted. An answered approval stops waiting on the next poll; its dialog must stay
 * mounted (with its button gone, `available: false`) so the outcome is not taken from under the
 * person who gave the answer.
 */
export function useAnswerableApprovals(waiting: readonly WaitingApproval[]): readonly (WaitingApproval & { readonly available: boolean })[] {
  const [seen, setSeen] = useState<readonly WaitingApproval[]>([]);
  const fresh = waiting.filter((w) => !seen.some((s) => s.token === w.token));
  // Adjusting state while rendering (https://react.dev/learn/you-might-not-need-an-effect#adjusting-some-state-when-a-prop-changes):
  // React re-renders at once with the new list, before anything is painted.
  if (fresh.length > 0) setSeen([...seen, ...fresh].slice(-MAX_REMEMBERED));
  return [...seen, ...fresh].slice(-MAX_REMEMBERED).map((a) => ({ ...a, available: waiting.some((w) => w.token === a.token) }));
}
