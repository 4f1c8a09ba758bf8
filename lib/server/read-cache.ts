import "server-only";
import { createHash } from "node:crypto";

/**
 * The server's shared read cache: every page, route handler and server action that reads from
 * CodePipeline reads through one instance per process (`lib/aws/cached-reads.ts`), so however many
 * people look at the same pipelines, the account pays one upstream call per resource per interval.
 *
 * Each resource is a string key with a loader and a policy:
 *
 *   fresh          age < ttl                read from memory, no call
 *   stale          ttl ≤ age < ttl + stale   read from memory at once; one call refreshes it behind
 *   too old        age ≥ ttl + stale         wait for a call
 *
 * - **In-flight de-duplication**: while a key is being loaded, every read of it joins that one call.
 * - **Errors are cached briefly and never stick**: a failed load is remembered for `errorTtlMs`
 *   (reads in that window get the same error without calling again: a throttled account is not
 *   hammered by every viewer); after that the next read calls again; a success forgets it. A
 *   failure never replaces a value: while the old value is still servable (stale window) reads
 *   keep getting it, with the error beside it.
 * - **Forced refresh** (`force`): a call now (or joining the one in flight), whatever the age or a
 *   remembered error. `expire(prefix)` makes the next read of every matching key wait for a call.
 * - **ETags**: every value carries a hash of its JSON, equal as long as the content is, so a
 *   polling route can answer 304 Not Modified.
 *
 * Each app instance keeps its own cache; several instances behind a load balancer each make their
 * own calls (one per resource per interval per instance). Time comes from `now` so tests can move
 * it by hand.
 */

export interface ReadPolicy<V> {
  /**
   * How long a value is fresh (ms). A function of the value lets, say, a running execution refresh
   * sooner; of when its call started, lets values expire on a fixed grid (once per interval).
   */
  readonly ttlMs: number | ((value: V, fetchedAt: number) => number);
  /** After the TTL, how long the value is still served at once while one call refreshes it (ms); may depend on the value too. */
  readonly staleMs: number | ((value: V) => number);
  /** How long a failure is remembered and answered without a new call (ms). */
  readonly errorTtlMs: number;
}

export interface ReadOptions {
  /** Call upstream now (or join the call in flight), whatever the value's age or a remembered error. */
  readonly force?: boolean;
}

export interface CachedValue<V> {
  readonly value: V;
  /** When the call that produced the value started (the data is at least this old), epoch ms. */
  readonly fetchedAt: number;
  /** A quoted strong ETag of the value's JSON: equal for equal content. */
  readonly etag: string;
  /** True when the value is past its TTL (a refresh is under way or was just tried). */
  readonly stale: boolean;
  /** The failure of the last refresh, when it failed and this older value was served instead. */
  readonly refreshError?: unknown;
}

export interface ReadCacheOptions {
  /** The clock, epoch ms (default Date.now). */
  readonly now?: () => number;
  /** Least recently read keys beyond this many are dropped (default 10,000). */
  readonly maxEntries?: number;
}

interface StoredValue {
  readonly value: unknown;
  readonly fetchedAt: number;
  etag?: string;
}

interface Entry {
  stored?: StoredValue;
  failure?: { readonly error: unknown; readonly at: number };
  inflight?: Promise<StoredValue>;
  /** Set by `expire`: the next read waits for a call even if the value is fresh. */
  expired?: boolean;
}

function etagOf(stored: StoredValue): string {
  // JSON.stringify(undefined) is undefined; hash something for it all the same.
  stored.etag ??= `"${createHash("sha1").update(JSON.stringify(stored.value) ?? "undefined").digest("base64url")}"`;
  return stored.etag;
}

export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private readonly maxEntries: number;

  constructor(options: ReadCacheOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  /**
   * The value of `key`, loading it with `load` when the policy says so. Rejects with the loader's
   * error when there is no value to serve (including a remembered error within `errorTtlMs`).
   *
   * @example
   *   const { value, etag } = await cache.read(`state|${name}`, () => getPipelineState({ name }), STATE_POLICY);
   */
  async read<V>(key: string, load: () => Promise<V>, policy: ReadPolicy<V>, options: ReadOptions = {}): Promise<CachedValue<V>> {
    const entry = this.touch(key);
    const now = this.now();
    if (!options.force && entry.stored && !entry.expired) {
      const { stored } = entry;
      const value = stored.value as V;
      const ttl = typeof policy.ttlMs === "function" ? policy.ttlMs(value, stored.fetchedAt) : policy.ttlMs;
      const stale = typeof policy.staleMs === "function" ? policy.staleMs(value) : policy.staleMs;
      const age = now - stored.fetchedAt;
      if (age < ttl) return this.result<V>(stored, false);
      if (age < ttl + stale) {
        if (!entry.inflight && !this.failedRecently(entry, policy.errorTtlMs, now)) {
          // Behind the reader's back: the failure is kept in the entry, never thrown at anyone.
          this.start(key, entry, load).catch(() => undefined);
        }
        return this.result<V>(stored, true, entry.failure?.error);
      }
    }
    if (!options.force && !entry.inflight && this.failedRecently(entry, policy.errorTtlMs, now)) throw entry.failure!.error;
    const stored = await (entry.inflight ?? this.start(key, entry, load));
    return this.result<V>(stored, false);
  }

  /** `read` for callers that need the value only. */
  async get<V>(key: string, load: () => Promise<V>, policy: ReadPolicy<V>, options: ReadOptions = {}): Promise<V> {
    return (await this.read(key, load, policy, options)).value;
  }

  /** The next read of every key starting with `prefix` waits for a new call. Returns how many were marked. */
  expire(prefix: string): number {
    let marked = 0;
    for (const [key, entry] of this.entries) {
      if (!key.startsWith(prefix)) continue;
      entry.expired = true;
      entry.failure = undefined;
      marked++;
    }
    return marked;
  }

  /** How many keys are held (for tests and diagnostics). */
  get size(): number {
    return this.entries.size;
  }

  private failedRecently(entry: Entry, errorTtlMs: number, now: number): boolean {
    return entry.failure !== undefined && now - entry.failure.at < errorTtlMs;
  }

  private result<V>(stored: StoredValue, stale: boolean, refreshError?: unknown): CachedValue<V> {
    return {
      value: stored.value as V,
      fetchedAt: stored.fetchedAt,
      get etag() {
        return etagOf(stored);
      },
      stale,
      ...(refreshError !== undefined && { refreshError }),
    };
  }

  /** The entry for `key`, created if needed, moved to the most recently used end. */
  private touch(key: string): Entry {
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
    } else {
      entry = {};
    }
    this.entries.set(key, entry);
    this.evict();
    return entry;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries) return;
      // A load in flight has readers waiting on its entry; it goes once it settles and is read again.
      if (!entry.inflight) this.entries.delete(key);
    }
  }

  private start(key: string, entry: Entry, load: () => Promise<unknown>): Promise<StoredValue> {
    const startedAt = this.now();
    // `load` runs a microtask later, so a loader that throws at once still finds `inflight` set.
    const inflight: Promise<StoredValue> = Promise.resolve()
      .then(load)
      .then(
        (value) => {
          const stored: StoredValue = { value, fetchedAt: startedAt };
          entry.stored = stored;
          entry.failure = undefined;
          entry.expired = false;
          return stored;
        },
        (error: unknown) => {
          entry.failure = { error, at: this.now() };
          throw error;
        },
      )
      .finally(() => {
        if (entry.inflight === inflight) entry.inflight = undefined;
      });
    entry.inflight = inflight;
    // An entry evicted while it was loading comes back with its value.
    if (!this.entries.has(key)) this.entries.set(key, entry);
    return inflight;
  }
}
