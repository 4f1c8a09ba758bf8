/**
 * The namespaces a reference may use, seen from an action or a stage-condition rule. Built on
 * the validator's index so completion offers exactly what validation accepts. (Input artifact
 * choices come from the domain's availableInputArtifacts.)
 */
import type { ActionRef, PipelineIndex } from "@/lib/domain/pipeline/pipeline-index";
import {
  actionScope,
  availableReferences,
  ruleScope,
  type AvailableNamespace,
  type ConditionBlock,
} from "@/lib/domain/validation/variable-references";

function actionAt(index: PipelineIndex, stageIndex: number, actionIndex: number): ActionRef | undefined {
  return index.stages[stageIndex]?.actions[actionIndex];
}

/** Namespaces a reference in this action's configuration may use. */
export function actionNamespaces(index: PipelineIndex, stageIndex: number, actionIndex: number): AvailableNamespace[] {
  const self = actionAt(index, stageIndex, actionIndex);
  return self ? availableReferences(index, actionScope(self)) : [];
}

/** Namespaces a stage-condition rule may use. */
export function ruleNamespaces(index: PipelineIndex, stageIndex: number, block: ConditionBlock): AvailableNamespace[] {
  return availableReferences(index, ruleScope(stageIndex, block));
}
