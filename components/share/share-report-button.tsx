"use client";

/**
 * "Share report" for an execution's detail page: stores a frozen, redacted report of the
 * execution on the server and copies its link `/s/<id>`.
 */
import { useState } from "react";
import { copyShareLink } from "./copy-link";
import { shareExecutionReport } from "@/app/s/actions";
import type { ShareReportResult } from "@/lib/server/share/results";

export function ShareReportButton({ pipelineName, executionId }: { pipelineName: string; executionId: string }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ result: ShareReportResult; link?: string; copied?: boolean } | undefined>();
  const share = async () => {
    setBusy(true);
    try {
      const result = await shareExecutionReport({ pipelineName, executionId });
      if (result.status !== "shared") {
        setOutcome({ result });
        return;
      }
      setOutcome({ result, ...(await copyShareLink(result.path)) });
    } catch {
      setOutcome({ result: { status: "failed", kind: "unknown", title: "The share did not reach the server.", message: "Check the connection and try again." } });
    } finally {
      setBusy(false);
    }
  };
  const result = outcome?.result;
  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-sm">
      <button
        type="button"
        onClick={() => void share()}
        disabled={busy}
        data-testid="share-report"
        className="rounded-md border border-slate-300 px-2.5 py-1 hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-900"
      >
        {busy ? "Sharing…" : "Share report"}
      </button>
      {result?.status === "shared" && outcome?.link && (
        <span role="status">
          {outcome.copied ? "Link copied: " : "Link: "}
          <a href={outcome.link} className="font-mono text-xs text-indigo-700 underline dark:text-indigo-300" data-testid="share-report-link">
            {outcome.link}
          </a>
        </span>
      )}
      {result && result.status !== "shared" && (
        <span role="alert" className="text-red-700 dark:text-red-400" data-testid="share-report-error">
          {"title" in result ? `${result.title} ` : ""}
          {result.message}
        </span>
      )}
    </span>
  );
}
