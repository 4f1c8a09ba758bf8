"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { BoardView, StageBoard } from "@/lib/domain/execution/board";
import type { PipelineKey } from "@/lib/queries";

/**
 * Where other features mount their controls in the state page (PipelineStateView's
 * `headerActions` and `stageActions` slots). A control is an element the page passes once; it
 * learns which pipeline, and which stage, it sits in from these hooks, and reads the live state
 * with `useQuery(pipelineBoardQuery(pipeline))`, sharing the page's poll (lib/queries.ts).
 */
export interface PipelineMount {
  readonly pipeline: PipelineKey;
  /** The declared version the page draws. */
  readonly version: number;
  /** The live state, once known. */
  readonly board?: BoardView;
}

export interface StageMount extends PipelineMount {
  readonly stage: StageBoard;
  readonly board: BoardView;
}

const PipelineMountContext = createContext<PipelineMount | undefined>(undefined);
const StageMountContext = createContext<StageMount | undefined>(undefined);

export function PipelineMountProvider({ value, children }: { value: PipelineMount; children: ReactNode }) {
  return <PipelineMountContext.Provider value={value}>{children}</PipelineMountContext.Provider>;
}

export function StageMountProvider({ value, children }: { value: StageMount; children: ReactNode }) {
  return <StageMountContext.Provider value={value}>{children}</StageMountContext.Provider>;
}

/** The pipeline a header control sits in. Throws outside the state page. */
export function usePipelineMount(): PipelineMount {
  const value = useContext(PipelineMountContext);
  if (!value) throw new Error("usePipelineMount is used outside the pipeline state page.");
  return value;
}

/** The stage a stage control sits in. Throws outside a stage's slot. */
export function useStageMount(): StageMount {
  const value = useContext(StageMountContext);
  if (!value) throw new Error("useStageMount is used outside a stage of the pipeline state page.");
  return value;
}
