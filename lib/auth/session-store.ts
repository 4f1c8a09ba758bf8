import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { SessionRepository } from "@/lib/storage/sessions";
import { getStorage } from "@/lib/storage/server";

/**
 * Server-side sessions of `PIPEWRIGHT_AUTH=oidc`: the browser holds only a random id in an
 * HTTP-only cookie; what the id stands for lives in the app's storage (lib/storage/sessions.ts,
 * SQLite or PostgreSQL), so a restart keeps people signed in, every instance on one database
 * knows every session, and signing out ends it for every copy of the cookie. The table is keyed
 * by the id's SHA-256: someone who reads the database (or a backup) cannot open a session with
 * what is in it. No token is kept: after sign-in the app needs only who the person is.
 */
export interface Session {
  /** Who signed in; their roles come from the configuration on every request. */
  readonly user: { readonly id: string; readonly name?: string; readonly groups: readonly string[] };
  /** Epoch milliseconds after which the session is over. */
  readonly expiresAt: number;
}

/** SHA-256 of a random id from a cookie (a session's, a sign-in flow's), the key it is stored under. */
export function sessionKey(id: string): string {
  return createHash("sha256").update(id).digest("base64url");
}

async function repository(): Promise<SessionRepository> {
  return (await getStorage()).sessions;
}

/** Opens a session for `user`; returns its id for the cookie. Sessions expired by now are purged. */
export async function openSession(user: Session["user"], seconds: number, now = Date.now(), sessions?: SessionRepository): Promise<{ readonly id: string; readonly session: Session }> {
  const store = sessions ?? (await repository());
  const id = randomBytes(32).toString("base64url");
  const session: Session = { user: { id: user.id, ...(user.name !== undefined && { name: user.name }), groups: [...user.groups] }, expiresAt: now + seconds * 1000 };
  // Sign-ins are rare next to requests: the moment to sweep out sessions nobody ended.
  await store.purgeExpired(now);
  await store.create({ idHash: sessionKey(id), email: user.id, ...(user.name !== undefined && { name: user.name }), groups: session.user.groups, createdAt: now, expiresAt: session.expiresAt });
  return { id, session };
}

/** The live session behind `id`; undefined when unknown, signed out or expired. */
export async function findSession(id: string | undefined, now = Date.now(), sessions?: SessionRepository): Promise<Session | undefined> {
  if (!id) return undefined;
  const stored = await (sessions ?? (await repository())).find(sessionKey(id), now);
  if (stored === undefined) return undefined;
  return { user: { id: stored.email, ...(stored.name !== undefined && { name: stored.name }), groups: stored.groups }, expiresAt: stored.expiresAt };
}

export async function closeSession(id: string | undefined, sessions?: SessionRepository): Promise<void> {
  if (id) await (sessions ?? (await repository())).remove(sessionKey(id));
}
