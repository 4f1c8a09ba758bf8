import { GetPipelineStateCommand, ListPipelineExecutionsCommand } from "@aws-sdk/client-codepipeline";
import { samplePipeline } from "../lib/emulator/testing/pipelines";
import { expect, test } from "./fixtures";
import { codepipeline, createLive, openFromList, openReview, removePipelines, uniqueName } from "./sync-support";

// Real pushes on a busy machine: more time than a page check.
test.describe.configure({ timeout: 120_000 });

const name = uniqueName("sync-in-flight");

test.beforeAll(async () => {
  // Source → Build → a manual approval: the execution CreatePipeline starts waits at Approve.
  await createLive(samplePipeline(name));
});
test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await removePipelines(page, [name]);
  await page.close();
});

test("the review names the running execution a push would end, with its stage", async ({ page, designer }) => {
  const approving = async () => {
    const state = await codepipeline.send(new GetPipelineStateCommand({ name }));
    return state.stageStates?.find((s) => s.stageName === "Approve")?.latestExecution?.status;
  };
  await expect.poll(approving, { timeout: 60_000 }).toBe("InProgress");
  const executionId = (await codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries![0]!.pipelineExecutionId!;

  await openFromList(page, name);
  await designer.action("Build").focus();
  const project = designer.inspector.getByLabel("ProjectName", { exact: true });
  await project.fill("another-project");
  await project.blur();
  await openReview(page);
  const inFlight = page.getByTestId("in-flight");
  await expect(inFlight).toContainText("Pushing ends 1 execution in flight");
  await expect(inFlight.getByTestId("in-flight-execution")).toHaveCount(1);
  await expect(inFlight.getByTestId("in-flight-execution")).toContainText(executionId);
  await expect(inFlight.getByTestId("in-flight-execution")).toContainText("in Approve");
});
