/**
 * What each provider reports for a simulated run: the external execution id and console URL
 * (known as soon as the work starts, as for a CodeBuild build), and on completion a summary,
 * output variables (catalog keys; user-defined keys get a couple of plausible ones) or error
 * details worded like the real service's.
 */
import { ACCOUNT_ID, HOME_REGION } from "../../identity";
import type { ActionPlan } from "../pipeline-plan";
import type { ErrorDetails, SourceRevision } from "../records";
import { alnum, hex, pick, uuidFrom, type Random } from "./random";

export interface RunContext {
  readonly pipelineName: string;
  readonly executionId: string;
  readonly stageName: string;
  readonly action: ActionPlan;
  /** The configuration with variables substituted. */
  readonly configuration: Readonly<Record<string, string>>;
  readonly region: string;
  /** Source actions: the revision this execution delivers. */
  readonly revision?: SourceRevision;
  /** The first source revision of the execution (image tags and the like). */
  readonly primaryRevisionId?: string;
  readonly random: Random;
}

export interface StartInfo {
  readonly externalId?: string;
  readonly externalUrl?: string;
}

export interface Completion {
  readonly summary?: string;
  readonly externalId?: string;
  readonly externalUrl?: string;
  readonly outputVariables: Readonly<Record<string, string>>;
  readonly errorDetails?: ErrorDetails;
}

const consoleUrl = (region: string, path: string) => `https://${region}.console.aws.amazon.com/${path}`;

function providerKey(action: ActionPlan): string {
  return `${action.actionTypeId.category}/${action.actionTypeId.provider}`;
}

export function startInfo(ctx: RunContext): StartInfo {
  const { action, configuration: c, region, random } = ctx;
  if (action.actionTypeId.category === "Source") {
    return { externalId: ctx.revision?.revisionId, externalUrl: ctx.revision?.revisionUrl };
  }
  switch (providerKey(action)) {
    case "Build/CodeBuild":
    case "Test/CodeBuild": {
      const project = c.ProjectName ?? "project";
      const buildId = `${project}:${uuidFrom(random)}`;
      return {
        externalId: buildId,
        externalUrl: consoleUrl(region, `codesuite/codebuild/${ACCOUNT_ID}/projects/${project}/build/${encodeURIComponent(buildId)}/?region=${region}`),
      };
    }
    case "Deploy/CloudFormation": {
      const stack = c.StackName ?? "stack";
      const stackId = `arn:aws:cloudformation:${region}:${ACCOUNT_ID}:stack/${stack}/${uuidFrom(random)}`;
      return {
        externalId: stackId,
        externalUrl: consoleUrl(region, `cloudformation/home?region=${region}#/stacks/stackinfo?stackId=${encodeURIComponent(stackId)}`),
      };
    }
    case "Deploy/CodeDeployToECS":
    case "Deploy/CodeDeploy": {
      const id = `d-${alnum(random, 9, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")}`;
      return { externalId: id, externalUrl: consoleUrl(region, `codesuite/codedeploy/deployments/${id}?region=${region}`) };
    }
    case "Deploy/ECS": {
      const cluster = c.ClusterName ?? "cluster";
      return {
        externalId: `ecs-svc/${hex(random, 19).replace(/[a-f]/g, "")}${Math.floor(random() * 1e6)}`,
        externalUrl: consoleUrl(region, `ecs/v2/clusters/${cluster}/services/${c.ServiceName ?? "service"}/deployments?region=${region}`),
      };
    }
    case "Invoke/Lambda":
    case "Deploy/Lambda": {
      const fn = c.FunctionName ?? "function";
      return { externalId: uuidFrom(random), externalUrl: consoleUrl(region, `lambda/home?region=${region}#/functions/${fn}`) };
    }
    case "Invoke/StepFunctions": {
      const machine = c.StateMachineArn ?? `arn:aws:states:${region}:${ACCOUNT_ID}:stateMachine:machine`;
      const name = c.ExecutionNamePrefix ? `${c.ExecutionNamePrefix}-${ctx.executionId}` : ctx.executionId;
      const arn = `${machine.replace(":stateMachine:", ":execution:")}:${name}`;
      return { externalId: arn, externalUrl: consoleUrl(region, `states/home?region=${region}#/v2/executions/details/${arn}`) };
    }
    case "Approval/Manual":
      return { externalUrl: c.ExternalEntityLink };
    default:
      return { externalId: uuidFrom(random) };
  }
}

export function success(ctx: RunContext, start: StartInfo): Completion {
  const { action, configuration: c, region, random } = ctx;
  const base = { externalId: start.externalId, externalUrl: start.externalUrl };
  if (action.actionTypeId.category === "Source") {
    return { ...base, summary: ctx.revision?.revisionSummary, outputVariables: ctx.revision?.outputVariables ?? {} };
  }
  const short = (ctx.primaryRevisionId ?? hex(random, 40)).replace(/^sha256:/, "").slice(0, 7);
  switch (providerKey(action)) {
    case "Build/CodeBuild":
    case "Test/CodeBuild":
      // Buildspecs export whatever they like; these two are the usual ones.
      return { ...base, outputVariables: { CODEBUILD_BUILD_NUMBER: String(1 + Math.floor(random() * 400)), IMAGE_TAG: short } };
    case "Build/ECRBuildAndPublish":
      return {
        ...base,
        summary: `Pushed ${c.ECRRepositoryName ?? "repository"}:${c.ImageTags ?? "latest"}`,
        outputVariables: { ECRImageDigestId: `sha256:${hex(random, 64)}`, ECRRepositoryName: c.ECRRepositoryName ?? "repository" },
      };
    case "Deploy/CloudFormation": {
      const stack = c.StackName ?? "stack";
      const mode = c.ActionMode ?? "CREATE_UPDATE";
      const withOutputs = ["CREATE_UPDATE", "REPLACE_ON_FAILURE", "CHANGE_SET_REPLACE", "CHANGE_SET_EXECUTE"].includes(mode);
      const summary =
        mode === "CHANGE_SET_REPLACE"
          ? `Change set ${c.ChangeSetName ?? "changeset"} was created for stack ${stack}.`
          : mode === "CHANGE_SET_EXECUTE"
            ? `Change set ${c.ChangeSetName ?? "changeset"} was executed on stack ${stack}.`
            : mode === "DELETE_ONLY"
              ? `Stack ${stack} was deleted.`
              : `Stack ${stack} was created or updated.`;
      return {
        ...base,
        summary,
        // The stack's Outputs; a typical service stack exports its endpoint.
        outputVariables: withOutputs
          ? { ServiceUrl: `https://${alnum(random, 10, "abcdefghijklmnopqrstuvwxyz0123456789")}.execute-api.${region}.amazonaws.com/prod`, StackName: stack }
          : {},
      };
    }
    case "Deploy/CloudFormationStackSet":
    case "Deploy/CloudFormationStackInstances":
      return {
        ...base,
        outputVariables: { StackSetId: `${c.StackSetName ?? "stackset"}:${uuidFrom(random)}`, OperationId: uuidFrom(random) },
      };
    case "Deploy/CodeDeployToECS":
      return { ...base, summary: "Deployment succeeded: production traffic shifted to the replacement task set.", outputVariables: {} };
    case "Deploy/CodeDeploy":
      return { ...base, summary: `Deployment ${start.externalId ?? ""} succeeded.`.replace("  ", " "), outputVariables: {} };
    case "Deploy/ECS":
      return { ...base, summary: `Service ${c.ServiceName ?? "service"} reached a steady state.`, outputVariables: {} };
    case "Deploy/S3":
      return { ...base, summary: `Deployed to s3://${c.BucketName ?? "bucket"}/${c.ObjectKey ?? ""}`, outputVariables: {} };
    case "Deploy/Lambda":
      return { ...base, outputVariables: { FunctionVersion: String(2 + Math.floor(random() * 60)) } };
    case "Deploy/EKS":
      return { ...base, outputVariables: { EKSClusterName: c.ClusterName ?? "cluster" } };
    case "Invoke/Lambda":
      // A function returns whatever keys it likes in PutJobSuccessResult.
      return {
        ...base,
        summary: pick(random, ["All smoke checks passed.", "Function completed successfully.", "Post-deploy checks passed."]),
        outputVariables: { Status: "OK", RequestId: start.externalId ?? uuidFrom(random) },
      };
    case "Invoke/StepFunctions":
      return {
        ...base,
        summary: "Execution succeeded.",
        outputVariables: { StateMachineArn: c.StateMachineArn ?? "", ExecutionArn: start.externalId ?? "" },
      };
    case "Invoke/InspectorScan":
      return { ...base, summary: "Scan completed: no findings above the threshold.", outputVariables: { HighestScannedSeverity: "LOW" } };
    case "Compute/Commands": {
      const vars: Record<string, string> = {};
      for (const name of action.outputVariables) vars[name] = `${name.toLowerCase()}-${short}`;
      return { ...base, outputVariables: vars };
    }
    default:
      return { ...base, outputVariables: {} };
  }
}

export function failure(ctx: RunContext, start: StartInfo): Completion {
  const { action, configuration: c } = ctx;
  const base = { externalId: start.externalId, externalUrl: start.externalUrl, outputVariables: {} };
  const fail = (message: string, summary?: string): Completion => ({
    ...base,
    summary,
    errorDetails: { code: "JobFailed", message },
  });
  switch (providerKey(action)) {
    case "Source/CodeCommit":
      return fail(`The branch ${c.BranchName ?? "main"} was not found in repository ${c.RepositoryName ?? ""}. Verify that the branch exists.`);
    case "Source/CodeStarSourceConnection":
      return fail(`Could not access the repository ${c.FullRepositoryId ?? ""} through the connection. Check that the connection is available and authorized.`);
    case "Source/S3":
      return fail(`The object ${c.S3ObjectKey ?? ""} does not exist in bucket ${c.S3Bucket ?? ""}, or the pipeline role cannot read it.`);
    case "Source/ECR":
      return fail(`No image with tag ${c.ImageTag ?? "latest"} was found in repository ${c.RepositoryName ?? ""}.`);
    case "Build/CodeBuild":
      return fail("Build terminated with state: FAILED. Phase: BUILD, Code: COMMAND_EXECUTION_ERROR, Message: Error while executing command: npm run build. Reason: exit status 2");
    case "Test/CodeBuild":
      return fail("Build terminated with state: FAILED. Phase: BUILD, Code: COMMAND_EXECUTION_ERROR, Message: Error while executing command: npm test. Reason: exit status 1");
    case "Deploy/CloudFormation":
      return fail(
        `Stack ${c.StackName ?? ""} failed to update and is in UPDATE_ROLLBACK_COMPLETE state: Resource handler returned message: "Invalid request provided: The role defined for the function cannot be assumed by Lambda."`,
      );
    case "Deploy/CodeDeployToECS":
      return fail("The deployment failed because the replacement task set did not pass the target group health checks (3 of 3 tasks unhealthy). Traffic stayed on the original task set.");
    case "Deploy/CodeDeploy":
      return fail("The overall deployment failed because too many individual instances failed deployment.");
    case "Deploy/ECS":
      return fail(`The ECS service ${c.ServiceName ?? ""} did not reach a steady state: tasks stopped with "Essential container in task exited".`);
    case "Invoke/Lambda":
      return fail(`Function ${c.FunctionName ?? ""} returned an error: 2 of 14 smoke checks failed (GET /health returned 503).`);
    case "Invoke/StepFunctions":
      return fail("Execution failed: States.TaskFailed in state ValidateRelease.");
    case "Compute/Commands":
      return fail("Command failed with exit code 1.");
    case "Approval/Manual":
      return fail("The approval request was rejected.", "Rejected: not ready for release.");
    default:
      return fail(`Action ${action.name} failed.`);
  }
}

/** The console page of the resource an action works on (GetPipelineState `entityUrl`). */
export function entityUrl(action: ActionPlan): string | undefined {
  const c = action.configuration;
  const region = action.region ?? HOME_REGION;
  switch (providerKey(action)) {
    case "Source/CodeCommit":
      return consoleUrl(region, `codesuite/codecommit/repositories/${c.RepositoryName ?? ""}/browse?region=${region}`);
    case "Source/CodeStarSourceConnection":
      return `https://github.com/${c.FullRepositoryId ?? ""}/tree/${c.BranchName ?? "main"}`;
    case "Source/GitHub":
      return `https://github.com/${c.Owner ?? ""}/${c.Repo ?? ""}/tree/${c.Branch ?? "main"}`;
    case "Source/S3":
      return `https://s3.console.aws.amazon.com/s3/buckets/${c.S3Bucket ?? ""}?region=${region}`;
    case "Source/ECR":
      return consoleUrl(region, `ecr/repositories/private/${ACCOUNT_ID}/${c.RepositoryName ?? ""}?region=${region}`);
    case "Build/CodeBuild":
    case "Test/CodeBuild":
      return consoleUrl(region, `codesuite/codebuild/${ACCOUNT_ID}/projects/${c.ProjectName ?? ""}/history?region=${region}`);
    case "Deploy/CloudFormation":
      return consoleUrl(region, `cloudformation/home?region=${region}#/stacks?filteringText=${c.StackName ?? ""}`);
    case "Deploy/CodeDeployToECS":
    case "Deploy/CodeDeploy":
      return consoleUrl(region, `codesuite/codedeploy/applications/${c.ApplicationName ?? ""}?region=${region}`);
    case "Deploy/ECS":
      return consoleUrl(region, `ecs/v2/clusters/${c.ClusterName ?? ""}/services/${c.ServiceName ?? ""}?region=${region}`);
    case "Invoke/Lambda":
    case "Deploy/Lambda":
      return consoleUrl(region, `lambda/home?region=${region}#/functions/${c.FunctionName ?? ""}`);
    case "Deploy/S3":
      return `https://s3.console.aws.amazon.com/s3/buckets/${c.BucketName ?? ""}?region=${region}`;
    default:
      return undefined;
  }
}
