import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { CodePipelineClient } from "@aws-sdk/client-codepipeline";

/**
 * The AWS request ids of the calls a server action makes, for its audit entry: AWS answers every
 * request with one (`x-amzn-RequestId`, which the SDK puts in `$metadata.requestId` of a response
 * and of a service exception: https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/handling-exceptions.html),
 * and it is what AWS Support and CloudTrail are searched by. A middleware on every client of the
 * gateway notes each call; a collector scoped to one action (async context, so concurrent
 * requests never mix) picks the one that matters.
 */
interface Call {
  readonly command: string;
  readonly requestId: string;
  readonly failed: boolean;
}

const scope = new AsyncLocalStorage<Call[]>();

/** Notes the request id of every call `client` makes inside a collector's `run`. */
export function recordRequestIds(client: CodePipelineClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const calls = scope.getStore();
      if (calls === undefined) return next(args);
      const command = context.commandName ?? "";
      try {
        const out = await next(args);
        const id = (out.output as { $metadata?: { requestId?: unknown } }).$metadata?.requestId;
        if (typeof id === "string" && id !== "") calls.push({ command, requestId: id, failed: false });
        return out;
      } catch (thrown) {
        const id = (thrown as { $metadata?: { requestId?: unknown } } | undefined)?.$metadata?.requestId;
        if (typeof id === "string" && id !== "") calls.push({ command, requestId: id, failed: true });
        throw thrown;
      }
    },
    { step: "initialize", name: "pipewrightRequestIds" },
  );
}

export interface RequestIdCollector {
  run<T>(work: () => Promise<T>): Promise<T>;
  /**
   * The request id that identifies what the action did: its last call that changes something
   * (neither Get… nor List…), else its last refused call (why it stopped), else none.
   */
  requestId(): string | undefined;
}

export function requestIdCollector(): RequestIdCollector {
  const calls: Call[] = [];
  return {
    run: (work) => scope.run(calls, work),
    requestId() {
      const reads = /^(Get|List)/;
      return calls.findLast((c) => !reads.test(c.command))?.requestId ?? calls.findLast((c) => c.failed)?.requestId;
    },
  };
}
