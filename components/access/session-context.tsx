"use client";

import { useContext, type ReactNode } from "react";
import type { User } from "@/lib/auth/identity";
import { MUTATIONS, missingRole, type Mutation } from "@/lib/domain/access/mutations";
import { mayAct, ROLE_ALLOWS, type Role } from "@/lib/domain/access/roles";
import { SessionContext } from "./session-provider";

/**
 * Whether the signed-in user may make a change here, for the browser: what to offer and what to
 * leave out, with the reason. The server decides every call on its own (lib/server/action.ts, on
 * the same table of mutations); this only keeps the UI from offering what would be refused. One
 * mechanism for both reasons (role and a read-only deployment): a control asks `useAllowed(mutation)`.
 * The session itself is provided by session-provider.tsx.
 */

/** Whether a control may be offered; when not, why, in words to show beside it. */
export type Allowance =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly because: "signed-out" | "role" | "read-only"; readonly reason: string };

/** Whether the signed-in user may make `mutation` here, the role checked before the read-only switch as on the server. */
export function useAllowed(mutation: Mutation): Allowance {
  const { role, does } = MUTATIONS[mutation];
  return useRoleAllowance(role, does);
}

/** The same for everything `role` allows at once (a group of controls offered or left out together). */
export function useRoleAllowance(role: Role, does: string = ROLE_ALLOWS[role]): Allowance {
  const { user, readOnly } = useContext(SessionContext);
  if (user === undefined) return { allowed: false, because: "signed-out", reason: "Sign in first." };
  if (!mayAct(user.roles, role)) return { allowed: false, because: "role", reason: missingRole(role, does, user.id, user.roles) };
  if (readOnly !== undefined) return { allowed: false, because: "read-only", reason: readOnly };
  return { allowed: true };
}

/** The signed-in user; undefined when nobody is. */
export function useUser(): User | undefined {
  return useContext(SessionContext).user;
}

/** Why a control is off, beside it: a visible note (not only a tooltip), for every reader. */
export function NotAllowedNote({ allowance, testId, className }: { allowance: Allowance; testId: string; className?: string }) {
  if (allowance.allowed) return null;
  return (
    <p data-testid={testId} data-because={allowance.because} className={className ?? "text-sm text-slate-600 dark:text-slate-400"}>
      {allowance.reason}
    </p>
  );
}

/** `children` for those who may make `mutation`, nothing for the others (for controls whose absence needs no word). */
export function IfAllowed({ mutation, children }: { mutation: Mutation; children: ReactNode }) {
  return useAllowed(mutation).allowed ? <>{children}</> : null;
}
