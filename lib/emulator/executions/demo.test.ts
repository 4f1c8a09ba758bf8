/** The demo seed: valid pipelines, and several days of believable history. */
import { afterEach, describe, expect, it } from "vitest";
import { validate } from "../../domain/validation";
import type { JsonObject } from "../contract";
import { DEMO_PIPELINES } from "./demo/pipelines";
import { DEMO_REGIONS, demoFor } from "./demo/regions";
import { createHarness, type Harness } from "./testing/harness";
import { ManualClock } from "./testing/manual-clock";

let h: Harness;
afterEach(() => h?.close());

const DAY = 86_400;

function executions(name: string): JsonObject[] {
  return h.engine.listPipelineExecutions({ pipelineName: name }).pipelineExecutionSummaries as JsonObject[];
}

function allActions(name: string): JsonObject[] {
  return h.engine.listActionExecutions({ pipelineName: name }).actionExecutionDetails as JsonObject[];
}

describe("demo pipelines", () => {
  it("pass the domain validator with no errors", () => {
    for (const declaration of DEMO_PIPELINES) {
      const errors = validate(declaration, { region: "us-east-1", operation: "create" }).filter((d) => d.severity === "error");
      expect(errors, String(declaration.name)).toEqual([]);
    }
  });

  it("pass the validator in every demo region, with tags for each", () => {
    expect(DEMO_REGIONS).toEqual(["us-east-1", "eu-west-1"]);
    for (const region of DEMO_REGIONS) {
      const demo = demoFor(region);
      expect(demo.pipelines.length, region).toBeGreaterThan(0);
      for (const declaration of demo.pipelines) {
        const errors = validate(declaration, { region, operation: "create" }).filter((d) => d.severity === "error");
        expect(errors, `${region} ${String(declaration.name)}`).toEqual([]);
        expect(demo.tags[String(declaration.name)], String(declaration.name)).toBeDefined();
      }
    }
  });

  it("cover the required shapes", () => {
    const byName = Object.fromEntries(DEMO_PIPELINES.map((p) => [p.name, JSON.stringify(p)]));
    expect(byName["payments-api"]).toContain('"provider":"CodeCommit"');
    expect(byName["payments-api"]).toContain('"provider":"Manual"');
    expect(byName["payments-api"]).toContain('"provider":"CloudFormation"');
    expect(byName["storefront-web"]).toContain('"provider":"CodeStarSourceConnection"');
    expect(byName["storefront-web"]).toContain('"provider":"CodeDeployToECS"');
    expect(byName["thumbnail-service"]).toContain('"provider":"S3"');
    expect(byName["thumbnail-service"]).toContain('"category":"Invoke"');
    const train = DEMO_PIPELINES.find((p) => p.name === "release-train")!;
    expect(train).toMatchObject({ pipelineType: "V2", executionMode: "QUEUED", variables: expect.any(Array), triggers: expect.any(Array) });
  });
});

describe("seedDemo", () => {
  it("creates the pipelines with history spread over the last days", () => {
    h = createHarness({ timeScale: 20 });
    const before = Date.now() / 1000;
    h.engine.seedDemo(h.definitions);
    expect(h.definitions.listPipelineNames()).toEqual(["checkout-service", "payments-api", "release-train", "storefront-web", "thumbnail-service"]);
    for (const name of h.definitions.listPipelineNames()) {
      const list = executions(name);
      expect(list.length, name).toBeGreaterThanOrEqual(4);
      const starts = list.map((e) => Number(e.startTime));
      expect(Math.max(...starts)).toBeLessThanOrEqual(before + 1);
      expect(Math.max(...starts) - Math.min(...starts), name).toBeGreaterThan(2 * DAY);
      expect(list.some((e) => e.status === "Succeeded"), name).toBe(true);
      expect(list.some((e) => (e.trigger as JsonObject).triggerType === "CreatePipeline"), name).toBe(false);
    }
    const statuses = DEMO_PIPELINES.flatMap((p) => executions(String(p.name)).map((e) => e.status));
    expect(statuses).toContain("Failed");
    expect(statuses).toContain("Superseded");
    expect(statuses).toContain("Stopped");
  });

  it("has failures with error details, and one execution waiting for approval now", async () => {
    const clock = new ManualClock();
    const timeScale = 2000;
    h = createHarness({ timeScale, clock });
    h.engine.seedDemo(h.definitions);
    const failedAction = allActions("payments-api").find((a) => a.status === "Failed" && a.actionName === "IntegrationTests")!;
    expect(((failedAction.output as JsonObject).executionResult as JsonObject).errorDetails).toMatchObject({ code: "JobFailed", message: expect.any(String) });
    const rejected = allActions("payments-api").find((a) => a.status === "Failed" && a.actionName === "ManualApproval")!;
    expect(((rejected.output as JsonObject).executionResult as JsonObject).externalExecutionSummary).toMatch(/change freeze/);

    const waiting = executions("payments-api")[0]!;
    expect(waiting.status).toBe("InProgress");
    const token = h.token("payments-api", "Approval", "ManualApproval");
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    expect(h.stage("payments-api", "Approval").latestExecution).toMatchObject({ pipelineExecutionId: waiting.pipelineExecutionId, status: "InProgress" });
    // Still waiting a simulated hour later (the 7-day timeout was not squeezed into the past).
    clock.advance((3600 * 1000) / timeScale);
    expect(h.status("payments-api", String(waiting.pipelineExecutionId))).toBe("InProgress");

    h.engine.putApprovalResult({ pipelineName: "payments-api", stageName: "Approval", actionName: "ManualApproval", token: token!, result: { status: "Approved", summary: "Ship it" } });
    await h.waitForStatus("payments-api", String(waiting.pipelineExecutionId), "Succeeded");

    const stopped = executions("storefront-web").find((e) => e.status === "Stopped")!;
    expect(stopped.stopTrigger).toEqual({ reason: expect.stringContaining("hotfix") });
    expect(executions("storefront-web").some((e) => e.status === "Failed")).toBe(true);
  });

  it("gives the QUEUED V2 pipeline resolved variables and webhook triggers", () => {
    h = createHarness({ timeScale: 20 });
    h.engine.seedDemo(h.definitions);
    const list = executions("release-train");
    expect(list.every((e) => e.executionMode === "QUEUED")).toBe(true);
    expect(list.some((e) => (e.trigger as JsonObject).triggerType === "WebhookV2")).toBe(true);
    const manual = list.find((e) => (e.trigger as JsonObject).triggerType === "StartPipelineExecution")!;
    const detail = h.execution("release-train", String(manual.pipelineExecutionId));
    expect(detail.variables).toEqual([
      { name: "DeployEnvironment", resolvedValue: "production" },
      { name: "ReleaseNotes", resolvedValue: "Quarterly release" },
    ]);
    const deploy = allActions("release-train").find((a) => a.pipelineExecutionId === manual.pipelineExecutionId && a.actionName === "DeployService")!;
    expect(((deploy.input as JsonObject).resolvedConfiguration as JsonObject).ClusterName).toBe("release-train-production");
    // The two pushes a minute apart ran one after the other.
    const [a, b] = list.filter((e) => (e.trigger as JsonObject).triggerType === "WebhookV2").slice(0, 2).reverse();
    expect(Number(b!.startTime)).toBeGreaterThan(Number(a!.startTime));
    const buildOf = (id: unknown) => allActions("release-train").find((x) => x.pipelineExecutionId === id && x.actionName === "Build")!;
    expect(Number(buildOf(b!.pipelineExecutionId).startTime)).toBeGreaterThanOrEqual(Number(buildOf(a!.pipelineExecutionId).lastUpdateTime));
  });

  it("leaves existing pipelines alone when seeded again", () => {
    h = createHarness({ timeScale: 20 });
    h.engine.seedDemo(h.definitions);
    const count = executions("payments-api").length;
    h.engine.seedDemo(h.definitions);
    expect(executions("payments-api")).toHaveLength(count);
  });
});

describe("the stage-conditions demo (checkout-service)", () => {
  it("shows a rollback, a failed entry condition, a skipped stage, an automatic retry and condition states", () => {
    h = createHarness({ timeScale: 20 });
    h.engine.seedDemo(h.definitions);
    const list = executions("checkout-service");
    const rollback = list.find((e) => e.executionType === "ROLLBACK")!;
    expect(rollback.trigger).toMatchObject({ triggerType: "AutomatedRollback" });
    expect(rollback.status).toBe("Succeeded");
    expect(list.filter((e) => e.status === "Failed")).toHaveLength(2);
    const newest = list[0]!;
    expect(newest.status).toBe("Succeeded");
    const state = h.engine.getPipelineState({ name: "checkout-service" }).stageStates as JsonObject[];
    const stage = (name: string) => state.find((s) => s.stageName === name)!;
    expect(stage("Staging").retryStageMetadata).toEqual({ autoStageRetryAttempt: 1, latestRetryTrigger: "AutomatedStageRetry" });
    expect(stage("Canary").latestExecution).toMatchObject({ status: "Succeeded" });
    expect(stage("Production").onSuccessConditionState).toMatchObject({ latestExecution: { status: "Succeeded" } });
    expect(stage("Production").beforeEntryConditionState).toMatchObject({ latestExecution: { status: "Succeeded" } });
    const skipped = list.find((e) => e !== newest && e.status === "Succeeded" && e.executionType === "STANDARD" && e !== list.at(-1));
    expect(skipped).toBeUndefined(); // every standard run but the first and the newest failed
    const nightly = list.find((e) => e.status === "Failed" && String(e.statusSummary).includes("entry condition"));
    expect(nightly?.statusSummary).toContain("ReleaseChannelCheck");
  });
});
