"use client";

/**
 * The "Review & push" panel's calls: reviewPush when it opens (and after a merge), pushPipeline
 * when the user pushes. The server actions answer a union on `status` and never throw; a call that
 * does not reach the server at all (network down, server restarting) is turned into the same
 * `failed` shape here, so the panel has one way to show every failure. Nothing here changes the
 * draft: the panel's owner decides what a result does to it.
 */
import { useCallback, useRef, useState } from "react";
import { pushPipeline, reviewPush } from "@/app/designer/actions";
import type { Failed, PushResult, ReviewResult } from "@/lib/aws/sync/results";
import type { JsonObject } from "@/lib/domain/json";
import type { Tag } from "@/lib/domain/pipeline/declaration";
import type { DraftBase } from "@/lib/domain/sync/draft-base";

export interface PushOptions {
  readonly acknowledgedWarnings: readonly string[];
  readonly overwrite?: { readonly liveVersion: number; readonly confirmName: string };
}

export interface PushFlow {
  readonly review?: ReviewResult;
  readonly reviewing: boolean;
  readonly pushing: boolean;
  /** The last push's answer, unless it was a success (the owner handles that one). */
  readonly outcome?: PushResult;
  readonly runReview: () => void;
  readonly push: (options: PushOptions) => void;
  readonly clearOutcome: () => void;
}

interface Target {
  readonly declaration: JsonObject;
  readonly base?: DraftBase;
  readonly tags?: readonly Tag[];
}

export function usePushFlow(target: Target, onPushed: (result: Extract<PushResult, { status: "pushed" }>, sent: JsonObject) => void): PushFlow {
  const [review, setReview] = useState<ReviewResult | undefined>();
  const [reviewing, setReviewing] = useState(false);
  const [pushing, setPushing] = useState(false);
  const [outcome, setOutcome] = useState<PushResult | undefined>();
  // Answers to an older request (the draft changed meanwhile) are dropped.
  const request = useRef(0);
  const { declaration, base, tags } = target;

  const runReview = useCallback(() => {
    const n = ++request.current;
    setReviewing(true);
    setReview(undefined);
    reviewPush({ declaration, ...(base && { base }) })
      .catch(unreachable)
      .then((result) => {
        if (n !== request.current) return;
        setReview(result);
        setReviewing(false);
      });
  }, [declaration, base]);

  const push = useCallback(
    (options: PushOptions) => {
      const n = ++request.current;
      setPushing(true);
      setOutcome(undefined);
      const sent = declaration;
      pushPipeline({
        declaration: sent,
        ...(base && { base }),
        ...(!base && tags && tags.length > 0 && { tags: [...tags] }),
        ...(options.acknowledgedWarnings.length > 0 && { acknowledgedWarnings: [...options.acknowledgedWarnings] }),
        ...(options.overwrite && { overwrite: options.overwrite }),
      })
        .catch(unreachable)
        .then((result) => {
          if (n !== request.current) return;
          setPushing(false);
          if (result.status === "pushed") onPushed(result, sent);
          else setOutcome(result);
        });
    },
    [declaration, base, tags, onPushed],
  );

  const clearOutcome = useCallback(() => setOutcome(undefined), []);
  return { review, reviewing, pushing, outcome, runReview, push, clearOutcome };
}

/** A server action that could not be called: the same shape as a gateway failure. */
function unreachable(thrown: unknown): Failed {
  const detail = thrown instanceof Error && thrown.message ? ` (${thrown.message})` : "";
  return {
    status: "failed",
    kind: "unreachable",
    title: "Pipewright's server did not answer.",
    message: `The request did not reach the server${detail}. Nothing was pushed; your draft is unchanged. Try again when the connection is back.`,
  };
}
