import "server-only";
import { describeConfig, storageConfig } from "./config";
import { openStorage, type Storage } from "./storage";

/**
 * The storage of this server process, opened (and migrated) on first use and kept for the
 * process's life. Kept on globalThis: Next.js may load this module once per route bundle, and
 * every bundle must share one pool. A failed open is not remembered, so the next request retries
 * (the database may come up after the app).
 */
const KEY = Symbol.for("pipewright.storage");
type Holder = { [KEY]?: Promise<Storage> };

export function getStorage(): Promise<Storage> {
  const holder = globalThis as Holder;
  const existing = holder[KEY];
  if (existing) return existing;
  const config = storageConfig();
  const opening = openStorage(config).then(
    (storage) => {
      if (storage.migration.applied.length > 0) {
        console.log(`[pipewright] storage: ${describeConfig(config)}, schema ${storage.migration.from} → ${storage.migration.to}`);
      }
      return storage;
    },
    (error: unknown) => {
      delete holder[KEY];
      console.error(`[pipewright] storage (${describeConfig(config)}) cannot be opened:`, error instanceof Error ? error.message : error);
      throw error;
    },
  );
  holder[KEY] = opening;
  return opening;
}
