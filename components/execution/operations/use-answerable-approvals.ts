"use client";

import { useState } from "react";

export interface WaitingApproval {
  readonly actionName: string;
  readonly token: string;
  readonly executionId: string;
}

/** Answered approvals kept mounted: a stage has few approval actions and each run brings new tokens. */
const MAX_ANSWERED = 8;

const holds = (list: readonly WaitingApproval[], a: WaitingApproval) => list.some((w) => w.token === a.token);

/**
 * The approvals to render dialogs for: every one waiting now, plus the last few that were waiting
 * while this component was mounted. An answered approval stops waiting on the next poll; its dialog
 * must stay mounted (with its button gone, `available: false`) so the outcome is not taken from
 * under the person who gave the answer.
 */
export function useAnswerableApprovals(waiting: readonly WaitingApproval[]): readonly (WaitingApproval & { readonly available: boolean })[] {
  const [seen, setSeen] = useState<readonly WaitingApproval[]>([]);
  const fresh = waiting.filter((w) => !holds(seen, w));
  // Every waiting approval is kept, so once added it is never fresh again (no render loop, however many wait).
  const next = fresh.length === 0 ? seen : [...seen.filter((s) => !holds(waiting, s)).slice(-MAX_ANSWERED), ...seen.filter((s) => holds(waiting, s)), ...fresh];
  // Adjusting state while rendering (https://react.dev/learn/you-might-not-need-an-effect#adjusting-some-state-when-a-prop-changes):
  // React renders again at once with the new list, before anything is painted.
  if (next !== seen) setSeen(next);
  return next.map((a) => ({ ...a, available: holds(waiting, a) }));
}
