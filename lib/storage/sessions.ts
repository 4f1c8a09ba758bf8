/**
 * Sign-in sessions as stored (migration 3): one row per open session, keyed by the SHA-256 of its
 * random id (lib/auth/session-store.ts hashes it; the id itself is only ever in the browser's
 * cookie). A row holds who signed in and until when; roles are not kept, they are worked out from
 * the configuration on every request. Expired rows are never answered and are purged.
 */
import { z } from "zod";
import { integerColumn, stringColumn, type SqlClient, type SqlRow } from "./sql";

export interface StoredSession {
  /** SHA-256 of the session id, base64url. */
  readonly idHash: string;
  readonly email: string;
  readonly name?: string;
  readonly groups: readonly string[];
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface SessionRepository {
  create(session: StoredSession): Promise<void>;
  /** The session with this key, unless it has expired by `now`. */
  find(idHash: string, now: number): Promise<StoredSession | undefined>;
  /** Ends the session (sign-out); nothing happens when there is none. */
  remove(idHash: string): Promise<void>;
  /** Removes every session expired by `now`; answers how many. */
  purgeExpired(now: number): Promise<number>;
}

const COLUMNS = "id_hash, email, name, groups_json, created_at, expires_at";
const Groups = z.array(z.string());

export function sessionRepository(sql: SqlClient): SessionRepository {
  return {
    async create(session) {
      await sql.execute(`INSERT INTO sessions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`, [
        session.idHash,
        session.email,
        session.name ?? null,
        JSON.stringify(session.groups),
        session.createdAt,
        session.expiresAt,
      ]);
    },
    async find(idHash, now) {
      const rows = await sql.query(`SELECT ${COLUMNS} FROM sessions WHERE id_hash = ? AND expires_at > ?`, [idHash, now]);
      return rows.length === 0 ? undefined : fromRow(rows[0]!);
    },
    async remove(idHash) {
      await sql.execute("DELETE FROM sessions WHERE id_hash = ?", [idHash]);
    },
    purgeExpired(now) {
      return sql.execute("DELETE FROM sessions WHERE expires_at <= ?", [now]);
    },
  };
}

function fromRow(row: SqlRow): StoredSession {
  const name = row.name;
  return {
    idHash: stringColumn(row, "id_hash"),
    email: stringColumn(row, "email"),
    ...(typeof name === "string" && { name }),
    // Written by this repository as a JSON array of strings; anything else is a row edited by hand.
    groups: Groups.parse(JSON.parse(stringColumn(row, "groups_json"))),
    createdAt: integerColumn(row, "created_at"),
    expiresAt: integerColumn(row, "expires_at"),
  };
}
