/** The shared read cache: TTL, stale-while-revalidate, de-duplication, errors, forced refresh, ETags. */
import { describe, expect, it } from "vitest";
import { ReadCache, type ReadPolicy } from "./read-cache";

const POLICY: ReadPolicy<unknown> = { ttlMs: 1_000, staleMs: 10_000, errorTtlMs: 2_000 };

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** A loader that answers each call with the next scripted result, and counts calls. */
function scripted<T>(...results: Array<T | Error>) {
  const loader = {
    calls: 0,
    load: async (): Promise<T> => {
      const result = results[Math.min(loader.calls, results.length - 1)]!;
      loader.calls++;
      if (result instanceof Error) throw result;
      return result;
    },
  };
  return loader;
}

/** Lets pending promise callbacks (a background refresh) run. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("ReadCache: TTL", () => {
  it("calls once, then answers from memory while the value is fresh", async () => {
    const c = clock();
    const cache = new ReadCache({ now: c.now });
    const loader = scripted("v1", "v2");
    expect((await cache.read("k", loader.load, POLICY)).value).toBe("v1");
    c.advance(999);
    const again = await cache.read("k", loader.load, POLICY);
    expect(again).toMatchObject({ value: "v1", stale: false, fetchedAt: 1_000_000 });
    expect(loader.calls).toBe(1);
  });

  it("keeps keys apart", async () => {
    const cache = new ReadCache({ now: clock().now });
    expect(await cache.get("a", async () => "A", POLICY)).toBe("A");
    expect(await cache.get("b", async () => "B", POLICY)).toBe("B");
    expect(cache.size).toBe(2);
  });

  it("takes the TTL from the value when the policy gives a function", async () => {
    const c = clock();
    const cache = new ReadCache({ now: c.now });
    const policy: ReadPolicy<{ running: boolean }> = { ttlMs: (v) => (v.running ? 100 : 5_000), staleMs: 0, errorTtlMs: 0 };
    const running = scripted({ running: true }, { running: false });
    await cache.read("run", running.load, policy);
    c.advance(150);
    expect((await cache.read("run", running.load, policy)).value).toEqual({ running: false });
    c.advance(4_000);
    await cache.read("run", running.load, policy);
    expect(running.calls).toBe(2);
  });
});

describe("ReadCache: stale while revalidate", () => {
  it("takes the stale window from the value when the policy gives a function", async () => {
    const c = clock();
    const cache = new ReadCache({ now: c.now });
    // A probe that found the backend down is not worth showing once its TTL is over.
    const policy: ReadPolicy<{ up: boolean }> = { ttlMs: 100, staleMs: (v) => (v.up ? 10_000 : 0), errorTtlMs: 0 };
    const probe = scripted({ up: false }, { up: true }, { up: false });
    await cache.read("probe", probe.load, policy);
    c.advance(150);
    expect(await cache.read("probe", probe.load, policy)).toMatchObject({ value: { up: true }, stale: false });
    c.advance(150);
    expect(await cache.read("probe", probe.load, policy)).toMatchObject({ value: { up: true }, stale: true });
    expect(probe.calls).toBe(3);
  });

  it("serves the stale value at once and refreshes it with one background call", async () => {
    const c = clock();
    const cache = new ReadCache({ now: c.now });
    const next = deferred<string>();
    let calls = 0;
    const load = () => (++calls === 1 ? Promise.resolve("old") : next.promise);
    await cache.read("k", load, POLICY);
    c.advance(1_500);
    const reads = await Promise.all([1, 2, 3].map(() => cache.read("k", load, POLICY)));
    expect(reads.map((r) => [r.value, r.stale])).toEqual([["old", true], ["old", true], ["old", true]]);
    expect(calls).toBe(2);
    next.resolve("new");
    await flush();
    expect(await cache.read("k", load, POLICY)).toMatchObject({ value: "new", stale: false, fetchedAt: 1_001_500 });
    expect(calls).toBe(2);
  });

  it("waits for a call once the value is older than TTL + stale window", async () => {
    const c = clock();
    const cache = new ReadCache({ now: c.now });
    const loader = scripted("old", "new");
    await cache.read("k", loader.load, POLICY);
    c.advance(11_000);
    expect(await cache.read("k", loader.load, POLICY)).toMatchObject({ value: "new", stale: false });
    expect(loader.calls).toBe(2);
  });
});

describe("ReadCache: in-flight de-duplication", () => {
  it("makes one call for any number of concurrent reads of a cold key", async () => {
    const cache = new ReadCache({ now: clock().now });
    const gate = deferred<string>();
    let calls = 0;
    const load = () => (calls++, gate.promise);
    const readers = Array.from({ length: 50 }, () => cache.get("k", load, POLICY));
    await flush();
    expect(calls).toBe(1);
    gate.resolve("v");
    expect(await Promise.all(readers)).toEqual(Array(50).fill("v"));
    expect(calls).toBe(1);
  });

  it("shares a failure with every reader that joined the call", async () => {
    const cache = new ReadCache({ now: clock().now });
    const gate = deferred<string>();
    const readers = [1, 2].map(() => cache.get("k", () => gate.promise, POLICY));
    gate.reject(new Error("Rate exceeded"));
    for (const reader of readers) await expect(reader).rejects.toThrow("Rate exceeded");
  });
});

describe("ReadCache: errors", () => {
  it("remembers a failure for errorTtlMs, then calls again, and a success forgets it", async () => {
    const c = clock();
    const cache = new ReadCache({ now: c.now });
    const loader = scripted<string>(new Error("Rate exceeded"), "v");
    await expect(cache.get("k", loader.load, POLICY)).rejects.toThrow("Rate exceeded");
    c.advance(1_999);
    await expect(cache.get("k", loader.load, POLICY)).rejects.toThrow("Rate exceeded");
    expect(loader.calls).toBe(1);
    c.advance(1);
    expect(await cache.get("k", loader.load, POLICY)).toBe("v");
    expect(loader.calls).toBe(2);
    c.advance(500);
    expect(await cache.read("k", loader.load, POLICY)).toMatchObject({ value: "v", stale: false });
    expect(loader.calls).toBe(2);
  });

  it("never replaces a value with a failure: a failed refresh serves the old value beside the error", async () => {
    const c = clock();
    const cache = new ReadCache({ now: c.now });
    const failure = new Error("Service unavailable");
    const loader = scripted<string>("old", failure, "new");
    await cache.read("k", loader.load, POLICY);
    c.advance(1_500);
    await cache.read("k", loader.load, POLICY); // starts the refresh that fails
    await flush();
    expect(await cache.read("k", loader.load, POLICY)).toMatchObject({ value: "old", stale: true, refreshError: failure });
    expect(loader.calls).toBe(2); // no new call while the failure is remembered
    c.advance(2_000);
    await cache.read("k", loader.load, POLICY); // the failure is forgotten: refresh again
    await flush();
    const after = await cache.read("k", loader.load, POLICY);
    expect(after).toMatchObject({ value: "new", stale: false });
    expect(after.refreshError).toBeUndefined();
    expect(loader.calls).toBe(3);
  });

  it("throws the remembered failure once the old value is too old to serve", async () => {
    const c = clock();
    const cache = new ReadCache({ now: c.now });
    const loader = scripted<string>("old", new Error("down"), "back");
    await cache.read("k", loader.load, POLICY);
    c.advance(10_500);
    await cache.read("k", loader.load, POLICY);
    await flush();
    c.advance(600); // 11,100 ms old: past TTL + stale window, failure 600 ms ago
    await expect(cache.get("k", loader.load, POLICY)).rejects.toThrow("down");
    c.advance(2_000);
    expect(await cache.get("k", loader.load, POLICY)).toBe("back");
  });

  it("survives a loader that throws before returning a promise", async () => {
    const c = clock();
    const cache = new ReadCache({ now: c.now });
    const load = (): Promise<string> => {
      throw new Error("misconfigured");
    };
    await expect(cache.get("k", load, POLICY)).rejects.toThrow("misconfigured");
    c.advance(2_000);
    expect(await cache.get("k", async () => "ok", POLICY)).toBe("ok");
  });
});

describe("ReadCache: forced refresh and expiry", () => {
  it("force calls even when the value is fresh, and joins a call already in flight", async () => {
    const cache = new ReadCache({ now: clock().now });
    const loader = scripted("v1", "v2", "v3");
    await cache.read("k", loader.load, POLICY);
    expect(await cache.get("k", loader.load, POLICY, { force: true })).toBe("v2");
    const both = await Promise.all([
      cache.get("k", loader.load, POLICY, { force: true }),
      cache.get("k", loader.load, POLICY, { force: true }),
    ]);
    expect(both).toEqual(["v3", "v3"]);
    expect(loader.calls).toBe(3);
  });

  it("force ignores a remembered failure", async () => {
    const cache = new ReadCache({ now: clock().now });
    const loader = scripted<string>(new Error("throttled"), "v");
    await expect(cache.get("k", loader.load, POLICY)).rejects.toThrow("throttled");
    expect(await cache.get("k", loader.load, POLICY, { force: true })).toBe("v");
  });

  it("expire(prefix) makes the next read of the matching keys wait for a call, and only those", async () => {
    const cache = new ReadCache({ now: clock().now });
    const east = scripted("e1", "e2");
    const west = scripted("w1", "w2");
    await cache.read("us-east-1|p", east.load, POLICY);
    await cache.read("eu-west-1|p", west.load, POLICY);
    expect(cache.expire("us-east-1|")).toBe(1);
    expect(await cache.get("us-east-1|p", east.load, POLICY)).toBe("e2");
    expect(await cache.get("eu-west-1|p", west.load, POLICY)).toBe("w1");
    expect(await cache.get("us-east-1|p", east.load, POLICY)).toBe("e2");
    expect([east.calls, west.calls]).toEqual([2, 1]);
  });
});

describe("ReadCache: ETags and bounds", () => {
  it("gives equal content the same ETag and changed content another", async () => {
    const cache = new ReadCache({ now: clock().now });
    const loader = scripted({ status: "InProgress" }, { status: "InProgress" }, { status: "Succeeded" });
    const first = await cache.read("k", loader.load, POLICY, { force: true });
    const same = await cache.read("k", loader.load, POLICY, { force: true });
    const changed = await cache.read("k", loader.load, POLICY, { force: true });
    expect(first.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(same.etag).toBe(first.etag);
    expect(changed.etag).not.toBe(first.etag);
  });

  it("drops the least recently read keys beyond maxEntries", async () => {
    const cache = new ReadCache({ now: clock().now, maxEntries: 2 });
    const loader = scripted("v");
    await cache.read("a", loader.load, POLICY);
    await cache.read("b", loader.load, POLICY);
    await cache.read("a", loader.load, POLICY); // a is now the most recent
    await cache.read("c", loader.load, POLICY); // b goes
    expect(cache.size).toBe(2);
    await cache.read("a", loader.load, POLICY);
    expect(loader.calls).toBe(3);
    await cache.read("b", loader.load, POLICY);
    expect(loader.calls).toBe(4);
  });
});
