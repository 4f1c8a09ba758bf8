import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Gateway } from "@/lib/aws/client";
import { GatewayException } from "@/lib/aws/errors";
import { getPipelineExecution, startPipelineExecution } from "@/lib/aws/executions";
import { createPipeline } from "@/lib/aws/pipelines";
import { listDeployActionExecutionTargets, listRuleExecutions, overrideStageCondition } from "@/lib/aws/run-details";
import type { PipelineDeclaration } from "@/lib/domain/pipeline/declaration";
import { startTestEmulator, type TestEmulator } from "@/lib/emulator/testing/start-test-emulator";
import { buildPipeline, eventually, quiesce } from "./fixtures";
import { gatewayFor } from "./test-gateway";

/** Rule runs, condition overrides and deploy targets through the gateway, against a real emulator. */
let emu: TestEmulator;
let gw: Gateway;

/** Source → Build, where Build may only be entered when the variable Target is "prod". */
function gatedPipeline(name: string): PipelineDeclaration {
  const d = buildPipeline(name);
  return {
    ...d,
    variables: [{ name: "Target", defaultValue: "staging" }],
    stages: d.stages.map((s) =>
      s.name !== "Build"
        ? s
        : {
            ...s,
            beforeEntry: {
              conditions: [
                {
                  result: "FAIL",
                  rules: [
                    {
                      name: "TargetIsProd",
                      ruleTypeId: { category: "Rule", owner: "AWS", provider: "VariableCheck", version: "1" },
                      configuration: { Variable: "#{variables.Target}", Operator: "EQ", Value: "prod" },
                    },
                  ],
                },
              ],
            },
          },
    ),
  } as PipelineDeclaration;
}

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 2000 });
  gw = gatewayFor(emu.url);
  await createPipeline({ declaration: gatedPipeline("gw-gated") }, gw);
  await quiesce(emu.client, "gw-gated");
});
afterAll(() => emu?.close());

const settled = (executionId: string) =>
  eventually(async () => {
    const e = await getPipelineExecution({ pipelineName: "gw-gated", executionId }, gw);
    return e.status === "InProgress" ? undefined : e.status;
  }, `execution ${executionId} to end`);

describe("stage conditions through the gateway", () => {
  it("lists the rule runs of an execution, and an override lets the failed stage run", async () => {
    const executionId = await startPipelineExecution({ name: "gw-gated" }, gw);
    expect(await settled(executionId)).toBe("Failed");
    const rules = await listRuleExecutions({ pipelineName: "gw-gated", executionId }, gw);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      executionId,
      stageName: "Build",
      ruleName: "TargetIsProd",
      status: "Failed",
      input: { ruleTypeId: { provider: "VariableCheck" }, resolvedConfiguration: { Variable: "staging" } },
      output: { errorDetails: { code: "JobFailed" } },
    });
    expect(rules[0]?.startTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    await overrideStageCondition({ pipelineName: "gw-gated", stageName: "Build", executionId, conditionType: "BEFORE_ENTRY" }, gw);
    expect(await settled(executionId)).toBe("Succeeded");

    const refused = await overrideStageCondition({ pipelineName: "gw-gated", stageName: "Build", executionId, conditionType: "ON_SUCCESS" }, gw).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(GatewayException);
    expect((refused as GatewayException).error).toMatchObject({ kind: "conflict", name: "ConditionNotOverridableException" });
  });

  it("asks for deploy targets and maps the answer's failure", async () => {
    const thrown = await listDeployActionExecutionTargets({ pipelineName: "gw-gated", actionExecutionId: "no-such-action-execution" }, gw).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(thrown).toBeInstanceOf(GatewayException);
    expect((thrown as GatewayException).error).toMatchObject({ kind: "not-found" });
  });
});
