/**
 * OIDC sign-ins under way as stored (migration 4): what the callback needs to finish one (PKCE
 * code verifier, state, nonce, where to return), keyed by the SHA-256 of the flow's random id
 * (lib/auth/sign-in-flows.ts hashes it). A flow is taken once: reading it deletes it, in one
 * statement, so two callbacks with the same cookie cannot both finish it.
 */
import { integerColumn, stringColumn, type SqlClient, type SqlRow } from "./sql";

export interface StoredFlow {
  readonly idHash: string;
  readonly codeVerifier: string;
  readonly state: string;
  readonly nonce: string;
  readonly returnTo: string;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
}

export interface SignInFlowRepository {
  /** Stores a flow after purging expired ones and, beyond `limit` flows, the oldest. */
  create(flow: StoredFlow, now: number, limit: number): Promise<void>;
  /** Removes the flow and answers it, unless it is unknown or expired by `now`. */
  take(idHash: string, now: number): Promise<StoredFlow | undefined>;
}

const COLUMNS = "id_hash, code_verifier, state, nonce, return_to, expires_at";

export function signInFlowRepository(sql: SqlClient): SignInFlowRepository {
  return {
    async create(flow, now, limit) {
      await sql.execute("DELETE FROM sign_in_flows WHERE expires_at <= ?", [now]);
      // Abandoned redirects must not grow the table without bound: the newest `limit - 1` stay.
      // (SQLite needs a LIMIT before an OFFSET; -1 is none: https://www.sqlite.org/lang_select.html#limitoffset)
      const beyond = sql.dialect === "postgres" ? "OFFSET ?" : "LIMIT -1 OFFSET ?";
      await sql.execute(`DELETE FROM sign_in_flows WHERE id_hash IN (SELECT id_hash FROM sign_in_flows ORDER BY expires_at DESC ${beyond})`, [limit - 1]);
      await sql.execute(`INSERT INTO sign_in_flows (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`, [
        flow.idHash,
        flow.codeVerifier,
        flow.state,
        flow.nonce,
        flow.returnTo,
        flow.expiresAt,
      ]);
    },
    async take(idHash, now) {
      const rows = await sql.query(`DELETE FROM sign_in_flows WHERE id_hash = ? RETURNING ${COLUMNS}`, [idHash]);
      const flow = rows.length === 0 ? undefined : fromRow(rows[0]!);
      return flow !== undefined && flow.expiresAt > now ? flow : undefined;
    },
  };
}

function fromRow(row: SqlRow): StoredFlow {
  return {
    idHash: stringColumn(row, "id_hash"),
    codeVerifier: stringColumn(row, "code_verifier"),
    state: stringColumn(row, "state"),
    nonce: stringColumn(row, "nonce"),
    returnTo: stringColumn(row, "return_to"),
    expiresAt: integerColumn(row, "expires_at"),
  };
}
