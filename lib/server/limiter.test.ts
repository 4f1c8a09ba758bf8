import { describe, expect, it } from "vitest";
import { createLimiter } from "./limiter";

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("createLimiter", () => {
  it("runs at most `concurrency` tasks at a time, in arrival order, and frees slots on failure", async () => {
    const limit = createLimiter(2);
    const started: number[] = [];
    const gates = Array.from({ length: 5 }, () => {
      let open!: (ok: boolean) => void;
      const promise = new Promise<boolean>((resolve) => (open = resolve));
      return { promise, open };
    });
    const results = gates.map((gate, i) =>
      limit(async () => {
        started.push(i);
        if (!(await gate.promise)) throw new Error(`task ${i} failed`);
        return i;
      }).catch((e: Error) => e.message),
    );
    await flush();
    expect(started).toEqual([0, 1]);
    gates[1]!.open(false);
    await flush();
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.open(true);
    gates[2]!.open(true);
    await flush();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    gates[3]!.open(true);
    gates[4]!.open(true);
    expect(await Promise.all(results)).toEqual([0, "task 1 failed", 2, 3, 4]);
  });

  it("refuses a concurrency below one", () => {
    expect(() => createLimiter(0)).toThrow("concurrency must be a positive integer; got 0");
  });
});
