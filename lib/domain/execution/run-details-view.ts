/**
 * What the execution view shows of stage-condition rule runs and of deploy targets, as the
 * gateway hands them over (ISO timestamps, closed status unions). Shapes follow
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_RuleExecutionDetail.html and
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_DeployActionExecutionTarget.html.
 */
import type { ErrorDetailsView, Timestamp } from "./view-model";

import type { RuleExecutionStatus } from "./status";

export type { RuleExecutionStatus };

/** OverrideStageCondition's `conditionType`. */
export type OverridableConditionType = "BEFORE_ENTRY" | "ON_SUCCESS";

export interface RuleExecutionView {
  readonly executionId: string;
  readonly ruleExecutionId?: string;
  readonly pipelineVersion?: number;
  readonly stageName: string;
  readonly ruleName: string;
  readonly startTime?: Timestamp;
  readonly lastUpdateTime?: Timestamp;
  readonly updatedBy?: string;
  readonly status?: RuleExecutionStatus;
  readonly input: {
    readonly ruleTypeId?: { readonly category: string; readonly owner: string; readonly provider: string; readonly version: string };
    readonly configuration: Readonly<Record<string, string>>;
    readonly resolvedConfiguration: Readonly<Record<string, string>>;
    readonly region?: string;
  };
  readonly output: {
    readonly externalExecutionId?: string;
    readonly externalExecutionSummary?: string;
    readonly externalExecutionUrl?: string;
    readonly errorDetails?: ErrorDetailsView;
  };
}

export interface DeployTargetEventView {
  readonly name?: string;
  readonly status?: string;
  readonly startTime?: Timestamp;
  readonly endTime?: Timestamp;
  readonly message?: string;
}

/** One target of a Lambda or EC2 deploy action and its progress. */
export interface DeployTargetView {
  readonly targetId?: string;
  readonly targetType?: string;
  readonly status?: string;
  readonly startTime?: Timestamp;
  readonly endTime?: Timestamp;
  readonly events: readonly DeployTargetEventView[];
}
