"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { User } from "@/lib/auth/identity";
import { mayAct, missingRoleReason, type Role } from "@/lib/domain/access/roles";

/**
 * Who is signed in, for the browser: what to show and what to hide. The server decides every call
 * on its own (lib/server/action.ts); this only keeps the UI from offering what would be refused.
 */
const SessionContext = createContext<User | undefined>(undefined);

export function SessionProvider({ user, children }: { user: User | undefined; children: ReactNode }) {
  return <SessionContext.Provider value={user}>{children}</SessionContext.Provider>;
}

export interface Roles {
  /** The signed-in user; undefined when nobody is. */
  readonly user: User | undefined;
  readonly may: (role: Role) => boolean;
  /** Why something needing `role` is not offered, in words. */
  readonly reason: (role: Role) => string;
}

export function useRoles(): Roles {
  const user = useContext(SessionContext);
  return {
    user,
    may: (role) => user !== undefined && mayAct(user.roles, role),
    reason: (role) => (user === undefined ? "Sign in first." : missingRoleReason(role)),
  };
}

/**
 * Shows `children` only to users holding `role`; others see `fallback`, by default a short note
 * saying which role it needs (pass `fallback={null}` to hide it without a word).
 */
export function RequiresRole({ role, children, fallback }: { role: Role; children: ReactNode; fallback?: ReactNode }) {
  const { may, reason } = useRoles();
  if (may(role)) return <>{children}</>;
  if (fallback !== undefined) return <>{fallback}</>;
  return (
    <p data-testid="requires-role" data-role={role} className="text-xs text-slate-500 dark:text-slate-400">
      {reason(role)}
    </p>
  );
}
