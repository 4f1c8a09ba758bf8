/**
 * What the execution view shows of stage-condition rule runs, as the gateway hands them over (ISO
 * timestamps, closed status unions). The shape follows
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_RuleExecutionDetail.html;
 * deploy targets have theirs in deploy-targets.ts.
 */
import type { RuleExecutionStatus } from "./status";
import type { ErrorDetailsView, Timestamp } from "./view-model";

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
