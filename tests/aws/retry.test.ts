import { describe, expect, it } from "vitest";
import { GatewayException, toGatewayError } from "@/lib/aws/errors";
import { backoffDelay, withRetries, type RetryRuntime } from "@/lib/aws/retry";

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 250 };
const classify = (e: unknown) => toGatewayError(e, { endpoint: "http://127.0.0.1:1" });
const toThrow = (error: ReturnType<typeof classify>, cause: unknown) => new GatewayException(error, { cause });

function fakeRuntime(random = 1): RetryRuntime & { slept: number[] } {
  const slept: number[] = [];
  return { slept, random: () => random, sleep: async (ms) => void slept.push(ms) };
}

const throttled = () => Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException", $fault: "client" });

describe("backoffDelay", () => {
  it("doubles the cap per retry up to the maximum, with full jitter", () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 0.999999))).toEqual([99, 199, 249, 249]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(1, policy, () => 0.5)).toBe(50);
  });
});

describe("withRetries", () => {
  it("retries throttling until it succeeds", async () => {
    const runtime = fakeRuntime();
    let calls = 0;
    const value = await withRetries(
      async () => {
        if (++calls < 3) throw throttled();
        return "ok";
      },
      policy,
      classify,
      toThrow,
      runtime,
    );
    expect(value).toBe("ok");
    expect(calls).toBe(3);
    expect(runtime.slept).toEqual([100, 200]);
  });

  it("gives up after maxAttempts with a throttled GatewayError", async () => {
    const runtime = fakeRuntime();
    let calls = 0;
    const run = withRetries(() => (calls++, Promise.reject(throttled())), policy, classify, toThrow, runtime);
    await expect(run).rejects.toMatchObject({ error: { kind: "throttled", name: "ThrottlingException" } });
    expect(calls).toBe(4);
  });

  it("does not retry client errors or refused connections", async () => {
    for (const thrown of [
      Object.assign(new Error("nope"), { name: "PipelineNotFoundException" }),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }),
    ]) {
      let calls = 0;
      await expect(
        withRetries(() => (calls++, Promise.reject(thrown)), policy, classify, toThrow, fakeRuntime()),
      ).rejects.toBeInstanceOf(GatewayException);
      expect(calls).toBe(1);
    }
  });

  it("retries server faults and dropped connections", async () => {
    for (const thrown of [
      Object.assign(new Error("boom"), { name: "InternalFailure", $fault: "server" }),
      Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }),
    ]) {
      let calls = 0;
      await withRetries(
        async () => {
          if (++calls === 1) throw thrown;
          return 1;
        },
        policy,
        classify,
        toThrow,
        fakeRuntime(),
      );
      expect(calls).toBe(2);
    }
  });
});
