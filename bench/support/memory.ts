/**
 * What a run costs besides wall-clock time, in figures that do not depend on how busy the machine
 * is: the bytes it allocates (garbage included) and the garbage collections a series of runs
 * triggers. A young-generation collection lands inside whichever sample is running, so
 * allocation per run is what decides how many samples of a series carry one.
 */
import { Session } from "node:inspector/promises";
import { PerformanceObserver, constants, type PerformanceEntry } from "node:perf_hooks";

/**
 * Bytes allocated per run of `fn`, estimated by V8's sampling heap profiler with the objects the
 * collector already freed kept in the profile (`includeObjectsCollectedBy*GC`, see
 * https://chromedevtools.github.io/devtools-protocol/v8/HeapProfiler/#method-startSampling):
 * without them it would count only what is still alive. One sample per 256 bytes on average.
 */
export async function allocatedPerRun(fn: () => unknown, runs: number): Promise<number> {
  const session = new Session();
  session.connect();
  try {
    // Not in @types/node's protocol types yet, hence the plain object rather than a literal.
    const params = { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true };
    await session.post("HeapProfiler.startSampling", params);
    for (let i = 0; i < runs; i++) fn();
    const { profile } = await session.post("HeapProfiler.stopSampling");
    let bytes = 0;
    const stack = [profile.head];
    while (stack.length > 0) {
      const node = stack.pop()!;
      bytes += node.selfSize;
      stack.push(...node.children);
    }
    return bytes / runs;
  } finally {
    session.disconnect();
  }
}

export interface Collections {
  /** Young-generation collections (scavenges) and their total pause in ms. */
  readonly minor: number;
  readonly minorMs: number;
  /** Full collections (mark-compact), and their total pause in ms. */
  readonly major: number;
  readonly majorMs: number;
}

/** The garbage collections that happen while `work` runs (performance entries of type `gc`). */
export async function collectionsDuring(work: () => void): Promise<Collections> {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ entryTypes: ["gc"] });
  work();
  // The entries of a synchronous series are delivered on a later turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  // `detail.kind` says which collector ran (https://nodejs.org/docs/latest-v20.x/api/perf_hooks.html#garbage-collection-gc-details).
  const kind = (e: PerformanceEntry) => ((e as PerformanceEntry & { detail?: { kind?: number } }).detail ?? {}).kind;
  const minor = entries.filter((e) => kind(e) === constants.NODE_PERFORMANCE_GC_MINOR);
  const major = entries.filter((e) => kind(e) === constants.NODE_PERFORMANCE_GC_MAJOR);
  const ms = (list: PerformanceEntry[]) => list.reduce((sum, e) => sum + e.duration, 0);
  return { minor: minor.length, minorMs: ms(minor), major: major.length, majorMs: ms(major) };
}
