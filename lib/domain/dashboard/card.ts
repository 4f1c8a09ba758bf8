/**
 * One pipeline's card on the dashboard, from GetPipelineState and its newest executions
 * (ListPipelineExecutions), and the wall's order. Pure.
 */
import { isTerminal, type PipelineExecutionStatus } from "../execution/status";
import type { PipelineExecutionSummary, PipelineStateView } from "../execution/view-model";
import { median } from "./stats";

/** How many of the newest executions a card reads: the usual duration is their median. */
export const CARD_HISTORY = 20;
/** The mini row of results. */
export const CARD_RESULTS = 10;

export interface CardResult {
  readonly executionId: string;
  readonly status?: PipelineExecutionStatus;
}

export interface DashboardCard {
  readonly name: string;
  readonly region: string;
  /** The newest execution; absent when the pipeline never ran. */
  readonly latest?: {
    readonly executionId: string;
    readonly status?: PipelineExecutionStatus;
    readonly startTime?: string;
    /** When it finished (its last update), once it has. */
    readonly endTime?: string;
    readonly revision?: { readonly id?: string; readonly summary?: string; readonly url?: string };
  };
  /** The stage the newest execution is in, or stopped or failed in. */
  readonly stage?: { readonly name: string; readonly verb: "in" | "failed in" | "stopped in" };
  /** The median duration of the recent successes (up to CARD_HISTORY executions). */
  readonly usualMs?: number;
  /** The newest CARD_RESULTS results, oldest first (read left to right). */
  readonly results: readonly CardResult[];
}

/**
 * The first line of a revision's message. CodeStarSourceConnection revisions carry JSON,
 * `{"ProviderType":"GitHub","CommitMessage":"…"}`
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_SourceRevision.html): its message is taken out.
 */
export function revisionMessage(summary: string | undefined): string | undefined {
  if (summary === undefined) return undefined;
  let text = summary;
  if (summary.trimStart().startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(summary);
      const message = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>).CommitMessage : undefined;
      if (typeof message === "string") text = message;
    } catch {
      // Not JSON after all: shown as it is.
    }
  }
  const first = text.split("\n")[0]!.trim();
  return first === "" ? undefined : first;
}

const ms = (iso: string | undefined) => (iso === undefined ? NaN : Date.parse(iso));

/** `recent` is ListPipelineExecutions' answer, newest first. */
export function dashboardCard(name: string, region: string, state: PipelineStateView, recent: readonly PipelineExecutionSummary[]): DashboardCard {
  const newest = recent[0];
  const durations = recent
    .slice(0, CARD_HISTORY)
    .filter((e) => e.status === "Succeeded")
    .map((e) => ms(e.lastUpdateTime) - ms(e.startTime))
    .filter((d) => Number.isFinite(d) && d >= 0);
  const usualMs = median(durations);
  const results = recent
    .slice(0, CARD_RESULTS)
    .map((e) => ({ executionId: e.executionId, ...(e.status && { status: e.status }) }))
    .reverse();
  if (!newest) return { name, region, results, ...(usualMs !== undefined && { usualMs }) };
  const revision = newest.sourceRevisions[0];
  const finished = newest.status !== undefined && isTerminal(newest.status);
  const stage = stageOf(state, newest);
  return {
    name,
    region,
    latest: {
      executionId: newest.executionId,
      ...(newest.status && { status: newest.status }),
      ...(newest.startTime && { startTime: newest.startTime }),
      ...(finished && newest.lastUpdateTime && { endTime: newest.lastUpdateTime }),
      ...(revision && {
        revision: {
          ...(revision.revisionId && { id: revision.revisionId }),
          ...(revisionMessage(revision.revisionSummary) !== undefined && { summary: revisionMessage(revision.revisionSummary) }),
          ...(revision.revisionUrl && { url: revision.revisionUrl }),
        },
      }),
    },
    ...(stage && { stage }),
    ...(usualMs !== undefined && { usualMs }),
    results,
  };
}

function stageOf(state: PipelineStateView, newest: PipelineExecutionSummary): DashboardCard["stage"] {
  const ofRun = state.stages.filter((s) => s.latestExecution?.executionId === newest.executionId);
  const find = (status: string) => ofRun.find((s) => s.latestExecution?.status === status)?.stageName;
  switch (newest.status) {
    case "InProgress":
    case "Stopping": {
      const name = find("InProgress") ?? find("Stopping");
      return name === undefined ? undefined : { name, verb: "in" };
    }
    case "Failed": {
      const name = find("Failed");
      return name === undefined ? undefined : { name, verb: "failed in" };
    }
    case "Stopped": {
      const name = find("Stopped");
      return name === undefined ? undefined : { name, verb: "stopped in" };
    }
    default:
      return undefined;
  }
}

/** Failing first, then running, then the rest; by name, then region, within each. */
export function cardRank(card: Pick<DashboardCard, "latest">): number {
  const status = card.latest?.status;
  if (status === "Failed") return 0;
  if (status === "InProgress" || status === "Stopping") return 1;
  return 2;
}

export function compareCards(a: DashboardCard, b: DashboardCard): number {
  return cardRank(a) - cardRank(b) || a.name.localeCompare(b.name) || a.region.localeCompare(b.region);
}

/**
 * What of GetPipelineState changes whenever an execution starts, moves on or ends: each stage's
 * execution and status, and the pipeline's version. Equal fingerprints mean the newest executions
 * need not be read again.
 */
export function stateFingerprint(state: PipelineStateView): string {
  return [
    String(state.pipelineVersion ?? ""),
    ...state.stages.map((s) => `${s.stageName}:${s.latestExecution?.executionId ?? ""}:${s.latestExecution?.status ?? ""}:${s.inboundExecutions.length}`),
  ].join("|");
}

/** Whether anything on the card still moves by itself (the wall polls faster then). */
export function cardIsActive(card: DashboardCard): boolean {
  return card.latest?.status !== undefined && !isTerminal(card.latest.status);
}
