/**
 * The pipeline read model sync uses: the validation's one-pass index of stages and actions (names,
 * effective run orders, catalog entries). Sync imports it through this file only, so a move of the
 * index changes one import.
 */
export { buildIndex, type ActionRef, type PipelineIndex, type StageRef } from "../validation/pipeline-index";
