/**
 * ListDeployActionExecutionTargets through the real SDK client: per-target progress of Lambda
 * (traffic-shifting steps) and EC2 (instances) deploy actions
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ListDeployActionExecutionTargets.html).
 */
import { CreatePipelineCommand, ListDeployActionExecutionTargetsCommand, ListPipelineExecutionsCommand } from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonObject } from "../contract";
import { expectAwsError } from "../testing/expect-error";
import { startTestEmulator, type TestEmulator } from "../testing/start-test-emulator";
import { createExecutionEngine } from "./index";
import { pipeline, source } from "./testing/builders";
import { actionRuns, asDeclaration, waitForStatus } from "./testing/sdk";
import { lambdaSteps } from "./views/deploy-targets";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 5000, createEngine: createExecutionEngine, seed: false });
});
afterAll(async () => emu?.close());

const deploy = (name: string, provider: string, configuration: Record<string, string>): JsonObject => ({
  name,
  actionTypeId: { category: "Deploy", owner: "AWS", provider, version: "1" },
  runOrder: 1,
  configuration,
  inputArtifacts: [{ name: "SourceOutput" }],
});

describe("ListDeployActionExecutionTargets", () => {
  it("reports the Lambda function's traffic shifting and each EC2 instance, and filters by status", async () => {
    const name = "deploy-targets";
    const d = pipeline(name, [
      ["Source", [source()]],
      [
        "Deploy",
        [
          deploy("Function", "Lambda", { FunctionName: "checkout", FunctionAlias: "live", DeployStrategy: "Linear50PercentEvery1Minute" }),
          deploy("Fleet", "EC2", { InstanceTagKey: "app", InstanceTagValue: "web", InstanceType: "EC2", TargetDirectory: "/srv/web", PostScript: "scripts/restart.sh", MaxBatch: "2" }),
        ],
      ],
    ]);
    await emu.client.send(new CreatePipelineCommand({ pipeline: asDeclaration(d) }));
    const [run] = (await emu.client.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries!;
    const id = run!.pipelineExecutionId!;
    await waitForStatus(emu.client, name, id, "Succeeded");
    const targets = async (actionName: string, statuses?: string[]) => {
      const [action] = await actionRuns(emu.client, name, id, actionName);
      const out = await emu.client.send(
        new ListDeployActionExecutionTargetsCommand({
          pipelineName: name,
          actionExecutionId: action!.actionExecutionId!,
          filters: statuses ? [{ name: "TARGET_STATUS", values: statuses }] : undefined,
        }),
      );
      return out.targets ?? [];
    };

    const [fn] = await targets("Function");
    expect(fn).toMatchObject({ targetId: "checkout:live", targetType: "LambdaFunction", status: "Succeeded" });
    expect(fn?.events?.map((e) => e.context?.message)).toEqual([
      "Shifted 50% of traffic to the new version.",
      "Waited 1 minute.",
      "Shifted 100% of traffic to the new version.",
    ]);
    expect(fn?.events?.every((e) => e.status === "Succeeded" && e.startTime instanceof Date)).toBe(true);

    const fleet = await targets("Fleet");
    expect(fleet).toHaveLength(3);
    expect(fleet.every((t) => t.targetType === "EC2" && t.status === "Succeeded" && /^i-0[0-9a-f]{16}$/.test(t.targetId ?? ""))).toBe(true);
    expect(fleet[0]?.events?.map((e) => e.name)).toEqual(["DownloadBundle", "Deploy", "PostScript"]);
    // MaxBatch 2: the third instance starts after the first two.
    expect(fleet[2]!.startTime!.getTime()).toBeGreaterThan(fleet[0]!.startTime!.getTime());
    expect(await targets("Fleet", ["Failed"])).toEqual([]);
    expect(await targets("Source")).toEqual([]);

    await expectAwsError(
      emu.client.send(new ListDeployActionExecutionTargetsCommand({ pipelineName: name, actionExecutionId: "nope" })),
      "ActionExecutionNotFoundException",
    );
    await expectAwsError(
      emu.client.send(new ListDeployActionExecutionTargetsCommand({ pipelineName: "no-such-pipeline", actionExecutionId: "nope" })),
      "PipelineNotFoundException",
    );
  });

  it("turns each DeployStrategy into its traffic-shifting steps", () => {
    expect(lambdaSteps(undefined)).toHaveLength(1);
    expect(lambdaSteps("Canary10Percent5Minutes").map((s) => s.message)).toEqual([
      "Shifted 10% of traffic to the new version.",
      "Waited 5 minutes.",
      "Shifted 100% of traffic to the new version.",
    ]);
    expect(lambdaSteps("Linear10PercentEvery2Minutes").filter((s) => s.name === "TrafficShift")).toHaveLength(10);
  });
});
