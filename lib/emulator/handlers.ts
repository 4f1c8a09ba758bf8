/**
 * One handler per operation, named after it. Each takes the parsed input (requests.ts) and
 * returns the response body; definitions and tags are the shell's, executions the engine's.
 */
import type { JsonObject } from "./contract";
import { listActionTypes } from "./action-types";
import { listRuleTypes } from "./rule-types";
import type { Backend, RequestContext } from "./backend";
import { createPipeline, deletePipeline, getPipeline, listPipelines, requirePipeline, updatePipeline } from "./definitions";
import type { OperationName, RequestOf } from "./requests";
import { listTagsForResource, tagResource, untagResource } from "./tags";

type Handler<Op extends OperationName> = (backend: Backend, input: RequestOf<Op>, ctx: RequestContext) => JsonObject;

/** Execution operations: the shell answers PipelineNotFoundException, the engine does the rest. */
function execution<Op extends OperationName>(
  pipelineOf: (input: RequestOf<Op>) => string,
  run: (backend: Backend, input: JsonObject) => JsonObject,
): Handler<Op> {
  return (backend, input) => {
    requirePipeline(backend, pipelineOf(input));
    return run(backend, input as JsonObject);
  };
}

export const handlers: { [Op in OperationName]: Handler<Op> } = {
  CreatePipeline: (b, input, ctx) => createPipeline(b, input, ctx),
  GetPipeline: (b, input) => getPipeline(b, input),
  UpdatePipeline: (b, input) => updatePipeline(b, input),
  DeletePipeline: (b, input) => deletePipeline(b, input),
  ListPipelines: (b, input) => listPipelines(b, input),
  ListActionTypes: (_b, input) => listActionTypes(input),
  ListRuleTypes: (_b, input) => listRuleTypes(input),
  TagResource: (b, input) => tagResource(b, input),
  UntagResource: (b, input) => untagResource(b, input),
  ListTagsForResource: (b, input) => listTagsForResource(b, input),

  GetPipelineState: execution((i) => i.name, (b, i) => b.engine.getPipelineState(i)),
  StartPipelineExecution: execution((i) => i.name, (b, i) => b.engine.startPipelineExecution(i)),
  StopPipelineExecution: execution((i) => i.pipelineName, (b, i) => b.engine.stopPipelineExecution(i)),
  GetPipelineExecution: execution((i) => i.pipelineName, (b, i) => b.engine.getPipelineExecution(i)),
  ListPipelineExecutions: execution((i) => i.pipelineName, (b, i) => b.engine.listPipelineExecutions(i)),
  ListActionExecutions: execution((i) => i.pipelineName, (b, i) => b.engine.listActionExecutions(i)),
  RetryStageExecution: execution((i) => i.pipelineName, (b, i) => b.engine.retryStageExecution(i)),
  RollbackStage: execution((i) => i.pipelineName, (b, i) => b.engine.rollbackStage(i)),
  PutApprovalResult: execution((i) => i.pipelineName, (b, i) => b.engine.putApprovalResult(i)),
  EnableStageTransition: execution((i) => i.pipelineName, (b, i) => b.engine.enableStageTransition(i)),
  DisableStageTransition: execution((i) => i.pipelineName, (b, i) => b.engine.disableStageTransition(i)),
  ListRuleExecutions: execution((i) => i.pipelineName, (b, i) => b.engine.listRuleExecutions(i)),
  // `pipelineName` is optional here: check it only when given.
  ListDeployActionExecutionTargets: (b, input) => {
    if (input.pipelineName !== undefined) requirePipeline(b, input.pipelineName);
    return b.engine.listDeployActionExecutionTargets(input as JsonObject);
  },
  OverrideStageCondition: execution((i) => i.pipelineName, (b, i) => b.engine.overrideStageCondition(i)),
};
