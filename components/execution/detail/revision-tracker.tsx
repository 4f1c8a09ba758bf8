import Link from "next/link";
import type { RevisionTrack, StageProgress } from "@/lib/domain/execution/revision-tracking";

const PROGRESS: Record<StageProgress, string> = {
  passed: "✓ passed",
  "in-progress": "▶ in it now",
  failed: "✕ failed here",
  stopped: "■ stopped here",
  "not-reached": "– not reached",
};

/**
 * "Where is my commit": a revision id from a link or pasted (a GET form, so the answer has a URL
 * to share), and for it the stages passed, where it is now and where it failed.
 */
export function RevisionTracker({ action, region, query, track, executionHref }: { action: string; region?: string; query?: string; track?: RevisionTrack; executionHref: (id: string) => string }) {
  return (
    <section aria-labelledby="where-heading" data-testid="revision-tracker" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="where-heading" className="text-lg font-semibold">
        Where is my commit?
      </h2>
      <form method="get" action={action} className="mt-2 flex flex-wrap items-end gap-2">
        {region && <input type="hidden" name="region" value={region} />}
        <label className="text-sm">
          Revision id (commit, S3 version or image digest; 7+ characters of a commit)
          <input
            name="revision"
            defaultValue={query}
            required
            maxLength={1500}
            data-testid="revision-input"
            className="mt-1 block w-80 max-w-full rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-sm dark:border-slate-600 dark:bg-slate-950"
          />
        </label>
        <button type="submit" data-testid="revision-submit" className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500">
          Track
        </button>
      </form>
      {track && (
        <div className="mt-3 text-sm" data-testid="revision-track" aria-live="polite">
          {track.executions.length === 0 ? (
            <p>No recent execution carried {track.query}.</p>
          ) : (
            <>
              <p data-testid="revision-summary" className="font-medium">
                {track.released
                  ? `${track.query} has passed every stage.`
                  : track.current
                    ? `${track.query} is in ${track.current} now.`
                    : track.failedAt
                      ? `${track.query} stopped at ${track.failedAt}.`
                      : `${track.query} is waiting.`}
              </p>
              <ol className="mt-2 flex flex-wrap gap-2">
                {track.stages.map((s) => (
                  <li key={s.stageName} data-testid="revision-stage" data-stage={s.stageName} data-progress={s.progress} className="rounded border border-slate-200 px-2 py-1 dark:border-slate-700">
                    {s.stageName}: {PROGRESS[s.progress]}
                  </li>
                ))}
              </ol>
              <p className="mt-2">Executions that carried it:</p>
              <ul className="mt-1 list-disc pl-5">
                {track.executions.map((e) => (
                  <li key={e.executionId}>
                    <Link href={executionHref(e.executionId)} className="font-mono text-xs text-sky-800 underline dark:text-sky-300">
                      {e.executionId}
                    </Link>{" "}
                    {e.status ?? ""} {e.revisionSummary ? `— ${e.revisionSummary}` : ""}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
