"use client";

import { createContext, type ReactNode } from "react";
import type { User } from "@/lib/auth/identity";

/**
 * Who is signed in and whether this deployment refuses changes, as the root layout hands it to the
 * browser. Apart from the hooks that read it (session-context.tsx), so that every page's first
 * load carries only this and not the table of mutations the hooks consult.
 */
export interface Session {
  readonly user: User | undefined;
  /** The server's words when PIPEWRIGHT_READ_ONLY=1 refuses every change; undefined otherwise. */
  readonly readOnly: string | undefined;
}

export const SessionContext = createContext<Session>({ user: undefined, readOnly: undefined });

export function SessionProvider({ user, readOnly, children }: { user: User | undefined; readOnly?: string; children: ReactNode }) {
  return <SessionContext.Provider value={{ user, readOnly }}>{children}</SessionContext.Provider>;
}
