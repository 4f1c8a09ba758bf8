"use client";

import type { OperationResult } from "@/lib/aws/operations/results";

/**
 * How an operation went, in words: progress while it runs, the service's message when it is done,
 * and on failure CodePipeline's error as Pipewright put it (lib/aws/errors.ts); with AWS's request
 * id when the call reached AWS, which is what AWS Support and CloudTrail look calls up by.
 */
export function OperationOutcome({ pending, pendingText, result, error }: { pending: boolean; pendingText: string; result?: OperationResult; error?: Error | null }) {
  if (pending) {
    return (
      <p role="status" data-testid="operation-progress" className="mt-3 text-sky-800 dark:text-sky-200">
        {pendingText}
      </p>
    );
  }
  if (error) {
    return (
      <p role="alert" data-testid="operation-error" className="mt-3 text-red-800 dark:text-red-200">
        Pipewright&apos;s server did not answer: {error.message}
      </p>
    );
  }
  if (!result) return null;
  if (result.status === "done") {
    return (
      <p role="status" data-testid="operation-done" className="mt-3 text-emerald-800 dark:text-emerald-200">
        {result.message}
        <RequestId id={result.requestId} />
      </p>
    );
  }
  const title = result.status === "failed" ? result.title : result.status === "read-only" ? "Read-only" : "Not sent";
  return (
    <div role="alert" data-testid="operation-error" data-status={result.status} className="mt-3 rounded-md border border-red-200 bg-red-50 p-3 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
      <p className="font-medium">{title}</p>
      <p className="mt-1">{result.message}</p>
      {result.status === "failed" && <RequestId id={result.requestId} />}
    </div>
  );
}

function RequestId({ id }: { id: string | undefined }) {
  if (id === undefined) return null;
  return (
    <span data-testid="operation-request-id" className="mt-1 block font-mono text-xs opacity-80">
      AWS request id {id}
    </span>
  );
}
