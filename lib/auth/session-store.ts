import "server-only";
import { randomBytes } from "node:crypto";
import type { User } from "./identity";

/**
 * Server-side sessions of `PIPEWRIGHT_AUTH=oidc`: the browser holds only a random id in an
 * HTTP-only cookie; what the id stands for lives here, so signing out ends the session for every
 * copy of the cookie. Kept in this process's memory (on globalThis: Next bundles route handlers
 * and pages separately, and they must share one store), so a restart signs everyone out and
 * several instances behind a load balancer need sticky sessions.
 */
export interface Session {
  readonly user: User;
  /** Epoch milliseconds after which the session is over. */
  readonly expiresAt: number;
}

const STORE = Symbol.for("pipewright.sessions");
type Store = Map<string, Session>;

function store(): Store {
  const holder = globalThis as { [STORE]?: Store };
  holder[STORE] ??= new Map();
  return holder[STORE];
}

/** Opens a session for `user`; returns its id for the cookie. */
export function openSession(user: User, seconds: number, now = Date.now()): { readonly id: string; readonly session: Session } {
  const id = randomBytes(32).toString("base64url");
  const session = { user, expiresAt: now + seconds * 1000 };
  const sessions = store();
  sessions.set(id, session);
  // Sweep expired sessions now and then so the map does not grow with abandoned sign-ins.
  if (sessions.size % 64 === 0) for (const [key, s] of sessions) if (s.expiresAt <= now) sessions.delete(key);
  return { id, session };
}

/** The live session behind `id`; undefined when unknown, signed out or expired. */
export function findSession(id: string | undefined, now = Date.now()): Session | undefined {
  if (!id) return undefined;
  const sessions = store();
  const session = sessions.get(id);
  if (session === undefined) return undefined;
  if (session.expiresAt <= now) {
    sessions.delete(id);
    return undefined;
  }
  return session;
}

export function closeSession(id: string | undefined): void {
  if (id) store().delete(id);
}
