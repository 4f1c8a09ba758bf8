/**
 * Snapshots as stored: immutable rows, written once, read by id. What a payload holds is the
 * sharing layer's business (lib/server/share); this repository keeps text and never parses it, so
 * a hand-edited row reaches the reader that can say what is wrong with it.
 */
import { integerColumn, stringColumn, type SqlClient, type SqlRow } from "./sql";

export type SnapshotKind = "design" | "execution-report";

export interface StoredSnapshot {
  /** 22 characters of base64url: the capability that opens it. */
  readonly id: string;
  readonly kind: string;
  /** SHA-256 of the payload, hex: the same content shared again answers this row. */
  readonly contentHash: string;
  /** Version of the payload's layout, for readers of old rows. */
  readonly format: number;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  readonly payload: string;
}

export interface SnapshotRepository {
  /**
   * Stores the snapshot, unless one of the same kind and content hash exists: then that one is
   * answered (`created: false`) and nothing is written.
   */
  create(snapshot: StoredSnapshot): Promise<{ readonly snapshot: StoredSnapshot; readonly created: boolean }>;
  get(id: string): Promise<StoredSnapshot | undefined>;
}

const COLUMNS = "id, kind, content_hash, format, created_at, payload";

export function snapshotRepository(sql: SqlClient): SnapshotRepository {
  const byContent = async (kind: string, hash: string) =>
    (await sql.query(`SELECT ${COLUMNS} FROM snapshots WHERE kind = ? AND content_hash = ?`, [kind, hash])).map(fromRow)[0];
  return {
    async create(snapshot) {
      const existing = await byContent(snapshot.kind, snapshot.contentHash);
      if (existing) return { snapshot: existing, created: false };
      // Two instances may store the same content at the same moment: the unique index keeps one.
      const inserted = await sql.execute(
        `INSERT INTO snapshots (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, content_hash) DO NOTHING`,
        [snapshot.id, snapshot.kind, snapshot.contentHash, snapshot.format, snapshot.createdAt, snapshot.payload],
      );
      if (inserted === 1) return { snapshot, created: true };
      const winner = await byContent(snapshot.kind, snapshot.contentHash);
      if (!winner) throw new Error("a snapshot with this content was stored and removed at once");
      return { snapshot: winner, created: false };
    },
    async get(id) {
      return (await sql.query(`SELECT ${COLUMNS} FROM snapshots WHERE id = ?`, [id])).map(fromRow)[0];
    },
  };
}

function fromRow(row: SqlRow): StoredSnapshot {
  return {
    id: stringColumn(row, "id"),
    kind: stringColumn(row, "kind"),
    contentHash: stringColumn(row, "content_hash"),
    format: integerColumn(row, "format"),
    createdAt: integerColumn(row, "created_at"),
    payload: stringColumn(row, "payload"),
  };
}
