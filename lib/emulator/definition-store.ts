/**
 * Pipeline definitions and tags in SQLite. Pure persistence: no AWS rules here (those live in
 * definitions.ts and service-checks.ts). Every version of a definition is kept, so GetPipeline
 * with `version` can read old ones.
 */
import type { JsonObject, StoredPipeline } from "./contract";
import type { EmulatorDatabase } from "./db";

export interface Tag {
  readonly key: string;
  readonly value: string;
}

export interface PipelineRecord extends StoredPipeline {
  /** The region the pipeline was created in (its ARN's region). */
  readonly region: string;
}

interface PipelineRow {
  name: string;
  region: string;
  latest_version: number;
  created: number;
  updated: number;
}

export class DefinitionStore {
  constructor(private readonly db: EmulatorDatabase) {}

  get(name: string, version?: number): PipelineRecord | undefined {
    const row = this.db.prepare("SELECT * FROM pipelines WHERE name = ?").get(name) as PipelineRow | undefined;
    if (!row) return undefined;
    const wanted = version ?? row.latest_version;
    const v = this.db
      .prepare("SELECT declaration FROM pipeline_versions WHERE name = ? AND version = ?")
      .get(name, wanted) as { declaration: string } | undefined;
    if (!v) return undefined;
    return {
      name: row.name,
      region: row.region,
      version: wanted,
      declaration: JSON.parse(v.declaration) as JsonObject,
      created: row.created,
      updated: row.updated,
    };
  }

  exists(name: string): boolean {
    return this.db.prepare("SELECT 1 FROM pipelines WHERE name = ?").get(name) !== undefined;
  }

  count(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM pipelines").get() as { n: number }).n;
  }

  /** Names in ascending order (ListPipelines order). */
  names(): string[] {
    return (this.db.prepare("SELECT name FROM pipelines ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  }

  /** Latest versions, ascending by name, strictly after `after`, at most `limit` (+1 to detect more). */
  page(after: string | undefined, limit: number): PipelineRecord[] {
    const rows = (
      after === undefined
        ? this.db.prepare("SELECT name FROM pipelines ORDER BY name LIMIT ?").all(limit)
        : this.db.prepare("SELECT name FROM pipelines WHERE name > ? ORDER BY name LIMIT ?").all(after, limit)
    ) as { name: string }[];
    return rows.map((r) => this.get(r.name)).filter((p): p is PipelineRecord => p !== undefined);
  }

  insert(record: PipelineRecord, tags: readonly Tag[]): void {
    this.db.transaction(() => {
      this.db
        .prepare("INSERT INTO pipelines (name, region, latest_version, created, updated) VALUES (?, ?, ?, ?, ?)")
        .run(record.name, record.region, record.version, record.created, record.updated);
      this.insertVersion(record);
      this.replaceTags(record.name, tags);
    })();
  }

  /** Adds a new latest version; older versions stay readable. */
  addVersion(record: PipelineRecord): void {
    this.db.transaction(() => {
      this.insertVersion(record);
      this.db
        .prepare("UPDATE pipelines SET latest_version = ?, updated = ? WHERE name = ?")
        .run(record.version, record.updated, record.name);
    })();
  }

  delete(name: string): boolean {
    return this.db.prepare("DELETE FROM pipelines WHERE name = ?").run(name).changes > 0;
  }

  deleteAll(): void {
    this.db.exec("DELETE FROM pipelines");
  }

  tags(name: string): Tag[] {
    return this.db
      .prepare("SELECT key, value FROM pipeline_tags WHERE name = ? ORDER BY position, key")
      .all(name) as Tag[];
  }

  /** Sets tags (adding or overwriting by key), keeping first-set order. */
  replaceTags(name: string, tags: readonly Tag[]): void {
    const next = this.db.prepare("SELECT COALESCE(MAX(position), -1) + 1 AS p FROM pipeline_tags WHERE name = ?");
    const upsert = this.db.prepare(
      `INSERT INTO pipeline_tags (name, key, value, position) VALUES (?, ?, ?, ?)
       ON CONFLICT (name, key) DO UPDATE SET value = excluded.value`,
    );
    for (const tag of tags) upsert.run(name, tag.key, tag.value, (next.get(name) as { p: number }).p);
  }

  removeTags(name: string, keys: readonly string[]): void {
    const remove = this.db.prepare("DELETE FROM pipeline_tags WHERE name = ? AND key = ?");
    this.db.transaction(() => {
      for (const key of keys) remove.run(name, key);
    })();
  }

  private insertVersion(record: PipelineRecord): void {
    this.db
      .prepare("INSERT INTO pipeline_versions (name, version, declaration, created) VALUES (?, ?, ?, ?)")
      .run(record.name, record.version, JSON.stringify(record.declaration), record.updated);
  }
}
