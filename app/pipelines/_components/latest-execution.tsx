"use client";

import { Suspense, use } from "react";
import type { LatestExecutionRead } from "@/lib/domain/execution/pipeline-list";
import { ExecutionStatusBadge } from "./execution-status-badge";
import { formatTime } from "./format-time";

/** A row's latest execution: status and start, "Never run", or why it could not be read. */
export function LatestExecution({ read }: { read: LatestExecutionRead }) {
  if (!read.ok) {
    return (
      <span data-testid="latest-execution" data-state="error" className="text-xs text-amber-700 dark:text-amber-300">
        {read.message}
      </span>
    );
  }
  const { execution } = read;
  if (!execution) {
    return (
      <span data-testid="latest-execution" data-state="never" className="text-xs text-slate-500">
        Never run
      </span>
    );
  }
  return (
    <span data-testid="latest-execution" data-state="loaded" className="flex items-center gap-2">
      <ExecutionStatusBadge status={execution.status} />
      {execution.startTime && (
        <time dateTime={execution.startTime} className="text-xs text-slate-500">
          {formatTime(execution.startTime)}
        </time>
      )}
    </span>
  );
}

/** While the row's latest execution is on its way. */
function PendingLatestExecution() {
  return (
    <span data-testid="latest-execution" data-state="pending" className="inline-block h-4 w-32 animate-pulse rounded bg-slate-200 dark:bg-slate-800">
      <span className="sr-only">Loading the latest execution…</span>
    </span>
  );
}

function Streamed({ read }: { read: Promise<LatestExecutionRead> }) {
  return <LatestExecution read={use(read)} />;
}

/**
 * The cell's content: given at once, or a promise the server resolves later (React streams it
 * into this row's own Suspense boundary when the read completes).
 */
export function LatestExecutionCell({ read }: { read: LatestExecutionRead | Promise<LatestExecutionRead> }) {
  if (!("then" in read)) return <LatestExecution read={read} />;
  return (
    <Suspense fallback={<PendingLatestExecution />}>
      <Streamed read={read} />
    </Suspense>
  );
}
