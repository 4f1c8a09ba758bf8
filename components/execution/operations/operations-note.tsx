"use client";

import { NotAllowedNote, useRoleAllowance } from "@/components/access/session-context";
import { MUTATIONS } from "@/lib/domain/access/mutations";

/**
 * Where the operation buttons would be, for someone who may not use them: one visible sentence
 * saying who can and who they are ("Operators can start, stop, …; you are signed in as ann@…, a
 * viewer"), or that the deployment is read-only. Each OperationDialog leaves its button out on
 * the same answer.
 */
export function OperationsNote() {
  const allowance = useRoleAllowance(MUTATIONS.start.role);
  return <NotAllowedNote allowance={allowance} testId="operations-not-allowed" className="self-center text-xs text-slate-600 dark:text-slate-400" />;
}
