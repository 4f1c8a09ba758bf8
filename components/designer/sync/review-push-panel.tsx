"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { NotAllowedNote, useAllowed } from "@/components/access/session-context";
import type { Failed, LivePipeline, Pushed, PushResult, ReviewResult } from "@/lib/aws/sync/results";
import { arrayOf, isObject, type JsonObject } from "@/lib/domain/json";
import { significantChanges } from "@/lib/domain/sync/changes";
import { diffDeclarations } from "@/lib/domain/sync/diff";
import { describeExecution } from "@/lib/domain/sync/in-flight";
import { warningKey } from "@/lib/domain/sync/inputs";
import type { Diagnostic } from "@/lib/domain/validation/diagnostic";
import type { Deployment } from "@/lib/server/deployment";
import { ChangeList } from "./change-list";
import { ConflictView } from "./conflict-view";
import { keepFocusInside } from "./keep-focus-inside";
import { ServerFindings } from "./server-findings";
import { BUTTON, BUTTON_PRIMARY, NOTICE_ERROR, NOTICE_WARNING } from "./styles";
import { TagsEditor } from "./tags-editor";
import type { DraftSync } from "./use-draft-sync";
import { usePushFlow } from "./use-push-flow";

export interface ReviewPushPanelProps {
  readonly declaration: JsonObject;
  readonly sync: DraftSync;
  readonly deployment: Deployment;
  readonly onClose: () => void;
  /** The push went through: the draft's base moves, a toast says so. */
  readonly onPushed: (result: Pushed) => void;
  /** A merge to put in the draft, now based on `live`. */
  readonly onMerged: (merged: JsonObject, live: LivePipeline) => void;
  /** CodePipeline refused the push naming a field of `sent`: show it there. */
  readonly onServiceProblem: (failure: Failed & { field: NonNullable<Failed["field"]> }, sent: JsonObject) => void;
  /** Select the element of a path and focus its field (the panel closes). */
  readonly onShow: (path: string) => void;
  /** Open the live pipeline of that name in a new draft. */
  readonly onOpenExisting: (name: string) => void;
}

/**
 * "Review & push": what the push would change (a semantic diff against the live pipeline), what
 * it would do to executions in flight and to pricing, the server's validation, then the push
 * itself with its progress, and every answer but success in place. A changed live pipeline
 * (stale base) leads to the three ways on: review, merge, overwrite. A failed push never changes
 * the draft.
 */
export function ReviewPushPanel(props: ReviewPushPanelProps) {
  const { declaration, sync, deployment } = props;
  const live = sync.link.live;
  const base = live?.base;
  const tags = sync.link.tags;
  const sentRef = useRef<JsonObject>(declaration);
  const flow = usePushFlow({ declaration, ...(base && { base }), ...(tags && { tags }) }, props.onPushed);
  const { review, outcome, runReview } = flow;
  const [acknowledged, setAcknowledged] = useState<ReadonlySet<string>>(new Set());
  const pushAllowed = useAllowed("push");
  const headingId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => runReview(), [runReview]);
  useEffect(() => dialogRef.current?.focus(), []);
  const { onServiceProblem } = props;
  useEffect(() => {
    if (outcome?.status === "failed" && outcome.field) onServiceProblem({ ...outcome, field: outcome.field }, sentRef.current);
  }, [outcome, onServiceProblem]);

  const reviewed = review?.status === "reviewed" ? review : undefined;
  const diff = useMemo(() => (reviewed?.live ? diffDeclarations(reviewed.live.declaration, declaration) : undefined), [reviewed, declaration]);
  const nothingToPush = diff !== undefined && significantChanges(diff).length === 0;
  const { errors, warnings } = findings(reviewed, outcome);
  const unacknowledged = warnings.filter((w) => !acknowledged.has(warningKey(w))).length;
  const conflict = conflictOf(reviewed, outcome, live);
  const canPush =
    reviewed !== undefined && !flow.reviewing && !flow.pushing && pushAllowed.allowed && errors.length === 0 && unacknowledged === 0 && !conflict && !nothingToPush;
  const name = typeof declaration.name === "string" ? declaration.name : "";
  const where = deployment.backend ? `${deployment.backend.label} / ${deployment.backend.region}` : "the backend";
  const push = (overwrite?: { liveVersion: number; confirmName: string }) => {
    sentRef.current = declaration;
    flow.push({ acknowledgedWarnings: [...acknowledged], ...(overwrite && { overwrite }) });
  };

  return (
    <div
      className="fixed inset-0 z-40 flex justify-end bg-slate-950/40"
      onKeyDown={(e) => {
        if (e.key === "Escape" && !flow.pushing) props.onClose();
        keepFocusInside(e, dialogRef.current);
        e.stopPropagation();
      }}
    >
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        tabIndex={-1}
        data-testid="push-panel"
        className="flex h-full w-full max-w-2xl flex-col bg-white shadow-xl outline-none dark:bg-slate-900"
      >
        <header className="flex items-start gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
          <div className="mr-auto">
            <h2 id={headingId} className="text-lg font-semibold">
              Review &amp; push
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="push-target">
              {base ? `Update "${base.name}" (version ${base.version}) on ${where}` : `Create "${name}" on ${where}`}
            </p>
          </div>
          <button type="button" className={BUTTON} onClick={props.onClose} disabled={flow.pushing} data-testid="push-close">
            Close
          </button>
        </header>
        <div className="flex min-h-0 flex-1 flex-col gap-4 overflow-y-auto px-4 py-3">
          {flow.reviewing && !review && (
            <p role="status" className="text-sm text-slate-600 dark:text-slate-400" data-testid="push-reviewing">
              Checking the design against {where}…
            </p>
          )}
          {review && review.status !== "reviewed" && <Answer result={review} onOpenExisting={props.onOpenExisting} />}
          {reviewed && (
            <>
              {conflict ? (
                <ConflictView
                  {...conflict}
                  draft={declaration}
                  pushing={flow.pushing}
                  {...(!pushAllowed.allowed && { refused: pushAllowed.reason })}
                  onMerged={(merged, next) => {
                    flow.clearOutcome();
                    props.onMerged(merged, next);
                  }}
                  onOverwrite={(liveVersion, confirmName) => push({ liveVersion, confirmName })}
                />
              ) : reviewed.operation === "create" ? (
                <section aria-label="New pipeline" className="flex flex-col gap-3 text-sm">
                  <p data-testid="push-create-summary">
                    A new pipeline: {count(arrayOf(declaration.stages).length, "stage")} and {count(actionCount(declaration), "action")}.
                  </p>
                  <TagsEditor tags={tags ?? []} onChange={sync.setTags} />
                </section>
              ) : (
                diff && (
                  <section aria-label="Changes" className="flex flex-col gap-2">
                    <h3 className="text-sm font-semibold">What changes</h3>
                    <ChangeList diff={diff} testId="push-changes" empty="Nothing to push: the live pipeline already is this design." />
                  </section>
                )
              )}
              <Consequences review={reviewed} />
              <ServerFindings
                errors={errors}
                warnings={warnings}
                acknowledged={acknowledged}
                onAcknowledge={(key, on) =>
                  setAcknowledged((current) => {
                    const next = new Set(current);
                    if (on) next.add(key);
                    else next.delete(key);
                    return next;
                  })
                }
                onShow={props.onShow}
              />
            </>
          )}
          {outcome && outcome.status !== "conflict" && outcome.status !== "invalid" && outcome.status !== "unacknowledged-warnings" && (
            <Answer result={outcome} onOpenExisting={props.onOpenExisting} />
          )}
        </div>
        <footer className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 px-4 py-3 dark:border-slate-800">
          <NotAllowedNote allowance={pushAllowed} testId="push-not-allowed" className="mr-auto text-sm text-slate-600 dark:text-slate-400" />
          {flow.pushing && (
            <span role="status" className="text-sm text-slate-600 dark:text-slate-400" data-testid="push-progress">
              Pushing to {where}…
            </span>
          )}
          <button type="button" data-testid="push-submit" disabled={!canPush} aria-busy={flow.pushing} onClick={() => push()} className={BUTTON_PRIMARY}>
            {flow.pushing ? "Pushing…" : base ? `Push version ${base.version + 1}` : "Create pipeline"}
          </button>
        </footer>
      </div>
    </div>
  );
}

/** In-flight executions the push would end, a V1 → V2 change with its pricing, and the rollback targets a new version removes. */
function Consequences({ review }: { review: Extract<ReviewResult, { status: "reviewed" }> }) {
  if (!review.inFlightNotice && !review.v2 && !review.rollbackNotice) return null;
  return (
    <section aria-label="Consequences" className="flex flex-col gap-2">
      {review.inFlightNotice && (
        <div className={NOTICE_WARNING} data-testid="in-flight">
          <p>{review.inFlightNotice}</p>
          <ul className="mt-1 list-disc pl-5 text-xs">
            {review.inFlight.map((e) => (
              <li key={e.executionId} data-testid="in-flight-execution">
                {describeExecution(e)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {review.v2 && (
        <p className={NOTICE_WARNING} data-testid="v2-notice">
          {review.v2.message}
        </p>
      )}
      {review.rollbackNotice && (
        <p className={NOTICE_WARNING} data-testid="rollback-targets-notice">
          {review.rollbackNotice}
        </p>
      )}
    </section>
  );
}

/** Any answer that is not a review to show or a success: in words, with a way on where there is one. */
function Answer({ result, onOpenExisting }: { result: ReviewResult | PushResult; onOpenExisting: (name: string) => void }) {
  if (result.status === "reviewed" || result.status === "pushed") return null;
  const title = result.status === "failed" ? result.title : undefined;
  return (
    <div role="alert" className={NOTICE_ERROR} data-testid="push-answer" data-status={result.status}>
      {title && <p className="font-medium">{title}</p>}
      <p>{result.message}</p>
      {result.status === "failed" && result.field && (
        <p className="mt-1 text-xs">
          CodePipeline names <code className="font-mono">{result.field.path}</code>: it is shown on that field.
        </p>
      )}
      {result.status === "name-in-use" && (
        <button type="button" data-testid="open-existing" className={`${BUTTON} mt-2`} onClick={() => onOpenExisting(result.name)}>
          Open &ldquo;{result.name}&rdquo; in the designer
        </button>
      )}
      <p className="mt-1 text-xs">Your draft is unchanged.</p>
    </div>
  );
}

/** The server's findings: the push's answer when it had some, else the review's. */
function findings(reviewed: Extract<ReviewResult, { status: "reviewed" }> | undefined, outcome: PushResult | undefined) {
  if (outcome?.status === "invalid") {
    return { errors: outcome.diagnostics.filter((d) => d.severity === "error"), warnings: outcome.diagnostics.filter((d) => d.severity === "warning") };
  }
  if (outcome?.status === "unacknowledged-warnings") return { errors: [] as Diagnostic[], warnings: outcome.warnings };
  const all = reviewed?.diagnostics ?? [];
  return { errors: all.filter((d) => d.severity === "error"), warnings: all.filter((d) => d.severity === "warning") };
}

/** The live pipeline moved on: from the push's refusal, or seen already by the review. */
function conflictOf(reviewed: Extract<ReviewResult, { status: "reviewed" }> | undefined, outcome: PushResult | undefined, live: DraftSync["link"]["live"]) {
  if (outcome?.status === "conflict") {
    const baseDeclaration = live?.declaration ?? outcome.baseDeclaration;
    return { message: outcome.message, base: outcome.base, live: outcome.live, ...(baseDeclaration && { baseDeclaration }) };
  }
  if (reviewed?.stale && reviewed.live && live) {
    return {
      message: `"${live.base.name}" is at version ${reviewed.live.base.version} now; this draft is based on version ${live.base.version}. Review the other change, merge it, or overwrite it.`,
      base: live.base,
      live: reviewed.live,
      baseDeclaration: live.declaration,
    };
  }
  return undefined;
}

function actionCount(declaration: JsonObject): number {
  return arrayOf(declaration.stages).reduce<number>((n, s) => n + (isObject(s) ? arrayOf(s.actions).length : 0), 0);
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
