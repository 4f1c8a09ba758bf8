/** Approval, Invoke and Compute providers of the generator's catalogue: actions that run or wait on something else. */
import { HOME_REGION, ACCOUNT } from "../generator-options";
import type { ProviderSpec } from "./spec";

export const INVOKE_SPECS: readonly ProviderSpec[] = [
  {
    key: "Approval/AWS/Manual",
    category: "Approval",
    owner: "AWS",
    provider: "Manual",
    v2Only: false,
    inputs: [0, 0],
    outputs: [0, 0],
    acceptsCloneRef: false,
    refCapacity: 3,
    crossRegion: true,
    weight: 3,
    build(ctx) {
      const { c } = ctx;
      const configuration: Record<string, string> = {};
      if (c.bool(0.4)) configuration.NotificationArn = `arn:aws:sns:${HOME_REGION}:${ACCOUNT}:approvals`;
      if (c.bool(0.4)) configuration.ExternalEntityLink = "https://example.com/releases/latest";
      if (ctx.refs.length > 0 || c.bool(0.4)) {
        configuration.CustomData = ["Approve the release", ...ctx.refs].join(" ");
        // The model maximum for a configuration value.
        if (c.bool(0.1)) configuration.CustomData = configuration.CustomData.padEnd(1000, ".");
      }
      const timeout = c.bool(0.3) ? c.pick([5, 60, 1440, 86400]) : undefined;
      return { configuration, emits: [], ...(timeout !== undefined ? { timeoutInMinutes: timeout } : {}) };
    },
  },
  {
    key: "Invoke/AWS/Lambda",
    category: "Invoke",
    owner: "AWS",
    provider: "Lambda",
    v2Only: false,
    inputs: [0, 3],
    outputs: [0, 2],
    acceptsCloneRef: false,
    refCapacity: 3,
    crossRegion: true,
    weight: 3,
    build(ctx) {
      const configuration: Record<string, string> = { FunctionName: `invoke-${ctx.serial}` };
      if (ctx.refs.length > 0) configuration.UserParameters = JSON.stringify({ refs: ctx.refs });
      else if (ctx.c.bool(0.4)) configuration.UserParameters = "environment=prod";
      return { configuration, emits: "user" };
    },
  },
  {
    key: "Invoke/AWS/StepFunctions",
    category: "Invoke",
    owner: "AWS",
    provider: "StepFunctions",
    v2Only: false,
    inputs: [0, 1],
    outputs: [0, 1],
    acceptsCloneRef: false,
    refCapacity: 2,
    crossRegion: true,
    weight: 2,
    build(ctx) {
      const { c, inputs, serial } = ctx;
      const configuration: Record<string, string> = {
        StateMachineArn: `arn:aws:states:${HOME_REGION}:${ACCOUNT}:stateMachine:release-${serial}`,
      };
      if (c.bool(0.3)) configuration.ExecutionNamePrefix = `release-${serial}`;
      if (inputs.length > 0 && ctx.refs.length === 0 && c.bool(0.5)) {
        configuration.InputType = "FilePath";
        configuration.Input = "sfn-input.json";
      } else {
        if (c.bool(0.5)) configuration.InputType = "Literal";
        const input: Record<string, string> = {};
        ctx.refs.forEach((ref, i) => (input[`ref${i}`] = ref));
        if (ctx.refs.length > 0 || c.bool(0.4)) configuration.Input = JSON.stringify({ ...input, stage: "prod" });
      }
      return { configuration, emits: ["StateMachineArn", "ExecutionArn"] };
    },
  },
  {
    key: "Invoke/AWS/InspectorScan",
    category: "Invoke",
    owner: "AWS",
    provider: "InspectorScan",
    v2Only: true,
    // 0 inputs only for ECR image scans (CFG005m decides, no ART003 warning).
    inputs: [0, 1],
    outputs: [1, 1],
    acceptsCloneRef: false,
    refCapacity: 0,
    crossRegion: true,
    weight: 1,
    build({ c, serial, inputs }) {
      const mode = inputs.length === 0 ? "ECRImageScan" : c.pick(["SourceCodeScan", "ECRImageScan"]);
      const configuration: Record<string, string> = { InspectorRunMode: mode };
      if (mode === "ECRImageScan") {
        configuration.ECRRepositoryName = `app-${serial}`;
        if (c.bool(0.5)) configuration.ImageTag = "latest";
      }
      if (c.bool(0.3)) configuration.CriticalThreshold = "0";
      if (c.bool(0.3)) configuration.HighThreshold = "5";
      return { configuration, emits: ["HighestScannedSeverity"] };
    },
  },
  {
    key: "Invoke/AWS/CodePipeline",
    category: "Invoke",
    owner: "AWS",
    provider: "CodePipeline",
    v2Only: true,
    inputs: [0, 0],
    outputs: [0, 0],
    acceptsCloneRef: false,
    refCapacity: 2,
    crossRegion: true,
    weight: 1,
    build(ctx) {
      const configuration: Record<string, string> = { PipelineName: `downstream-${ctx.serial}` };
      if (ctx.refs.length > 0) {
        configuration.Variables = JSON.stringify(ctx.refs.map((ref, i) => ({ name: `var${i}`, value: ref })));
      } else if (ctx.c.bool(0.3)) {
        configuration.Variables = JSON.stringify([{ name: "env", value: "prod" }]);
      }
      if (ctx.c.bool(0.2)) {
        configuration.SourceRevisions = JSON.stringify([
          { actionName: "Source", revisionType: "COMMIT_ID", revisionValue: "0123456789abcdef0123456789abcdef01234567" },
        ]);
      }
      return { configuration, emits: [] };
    },
  },
  {
    key: "Compute/AWS/Commands",
    category: "Compute",
    owner: "AWS",
    provider: "Commands",
    v2Only: true,
    inputs: [1, 3],
    outputs: [0, 1],
    acceptsCloneRef: false,
    refCapacity: 3,
    crossRegion: true,
    weight: 3,
    build(ctx) {
      const { c, outputs } = ctx;
      const commands = ["npm ci", "npm test"].slice(0, c.int(1, 2));
      ctx.refs.forEach((ref) => commands.push(`echo "${ref}"`));
      const outputVariables = c.bool(0.5) ? c.some(["BUILD_ID", "IMAGE_TAG", "VERSION"], 1, 3) : undefined;
      const environmentVariables: Array<{ name: string; value: string; type?: string }> = [];
      if (c.bool(0.3)) environmentVariables.push({ name: "STAGE", value: "prod", type: "PLAINTEXT" });
      if (c.bool(0.2)) environmentVariables.push({ name: "TOKEN", value: "prod/api-token", type: "SECRETS_MANAGER" });
      const configuration: Record<string, string> = {};
      if (c.bool(0.3)) configuration.EnvironmentType = "LINUX_CONTAINER";
      if (c.bool(0.3)) configuration.ComputeType = c.pick(["BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM", "BUILD_GENERAL1_LARGE"]);
      if (c.bool(0.1)) {
        configuration.EnvironmentType = "WINDOWS_SERVER_2022_CONTAINER";
        configuration.ComputeType = c.pick(["BUILD_GENERAL1_MEDIUM", "BUILD_GENERAL1_LARGE"]);
      }
      return {
        configuration,
        commands,
        ...(outputVariables ? { outputVariables } : {}),
        ...(environmentVariables.length > 0 ? { environmentVariables } : {}),
        outputFiles: outputs.map(() => (c.bool(0.5) ? c.some(["dist/**/*", "report.xml", "**/*"], 1, 2) : undefined)),
        emits: outputVariables ?? [],
      };
    },
  },
];
