/**
 * What the sync specs share: an SDK client and Debian's `aws` CLI pointed at the e2e emulator,
 * pipelines of their own (unique names, so no spec depends on another's or on the demo ones),
 * and the clean-up that leaves the shared emulator and the app's read cache as they were.
 */
import { execFileSync } from "node:child_process";
import {
  CodePipelineClient,
  CreatePipelineCommand,
  DeletePipelineCommand,
  GetPipelineCommand,
  type PipelineDeclaration,
} from "@aws-sdk/client-codepipeline";
import type { Page } from "@playwright/test";
import { samplePipeline } from "../lib/emulator/testing/pipelines";
import { controlClient } from "../lib/emulator/testing/control-client";
import { expect } from "./fixtures";

export const EMULATOR_URL = `http://127.0.0.1:${Number(process.env.E2E_EMULATOR_PORT ?? 4610)}`;

export const codepipeline = new CodePipelineClient({
  endpoint: EMULATOR_URL,
  region: "us-east-1",
  credentials: { accessKeyId: "x", secretAccessKey: "x" },
  maxAttempts: 1,
});

export const control = controlClient(EMULATOR_URL);

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * CodeCommit source → a Build stage of two sequential CodeBuild actions (Compile, then Test),
 * without an approval, so its executions end by themselves.
 */
export function twoStepPipeline(name: string): PipelineDeclaration {
  const p = samplePipeline(name);
  const build = p.stages![1]!;
  build.actions = [
    { ...build.actions![0]!, name: "Compile", runOrder: 1 },
    {
      name: "Test",
      runOrder: 2,
      actionTypeId: { category: "Test", owner: "AWS", provider: "CodeBuild", version: "1" },
      configuration: { ProjectName: `${name}-test` },
      inputArtifacts: [{ name: "SourceOutput" }],
    },
  ];
  p.stages = p.stages!.slice(0, 2);
  return p;
}

export async function createLive(declaration: PipelineDeclaration): Promise<void> {
  await codepipeline.send(new CreatePipelineCommand({ pipeline: declaration }));
}

export async function getLive(name: string): Promise<PipelineDeclaration & { version: number }> {
  const out = await codepipeline.send(new GetPipelineCommand({ name }));
  return out.pipeline as PipelineDeclaration & { version: number };
}

/** `aws codepipeline <args>` against the e2e emulator (Debian's AWS CLI v2); its JSON output parsed. */
export function awsCli(args: readonly string[]): unknown {
  const out = execFileSync("aws", ["--endpoint-url", EMULATOR_URL, "--region", "us-east-1", "--output", "json", "codepipeline", ...args], {
    env: { ...process.env, AWS_ACCESS_KEY_ID: "x", AWS_SECRET_ACCESS_KEY: "x", AWS_PAGER: "", AWS_EC2_METADATA_DISABLED: "true" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return out.trim() === "" ? undefined : JSON.parse(out);
}

/** Someone else's update: GetPipeline, `change` it, `aws codepipeline update-pipeline` with it. */
export function updateWithCli(name: string, change: (pipeline: PipelineDeclaration) => void): number {
  const { pipeline } = awsCli(["get-pipeline", "--name", name]) as { pipeline: PipelineDeclaration };
  change(pipeline);
  const { pipeline: updated } = awsCli(["update-pipeline", "--cli-input-json", JSON.stringify({ pipeline })]) as { pipeline: { version: number } };
  return updated.version;
}

/** Deletes what a spec created, then has the app read the list again (its read cache held them). */
export async function removePipelines(page: Page, names: readonly string[]): Promise<void> {
  for (const name of names) {
    try {
      await codepipeline.send(new DeletePipelineCommand({ name }));
    } catch {
      // Already gone (a spec that deleted it itself).
    }
  }
  await page.goto("/pipelines");
  await page.getByTestId("refresh-pipelines").click();
  for (const name of names) await expect(page.locator(`[data-testid=pipeline-row][data-name="${name}"]`)).toHaveCount(0);
}

/** "Edit in designer" on the pipeline's row of /pipelines; resolves when the editor shows it. */
export async function openFromList(page: Page, name: string): Promise<void> {
  await page.goto("/pipelines");
  const row = page.locator(`[data-testid=pipeline-row][data-name="${name}"]`);
  if ((await row.count()) === 0) await page.getByTestId("refresh-pipelines").click();
  await row.getByTestId("edit-in-designer").click();
  await page.waitForURL(/\/designer\/[^/]+$/);
  await expect(page.getByTestId("sync-base")).toContainText(name);
}

/** Opens "Review & push" and waits for the server's review. */
export async function openReview(page: Page): Promise<void> {
  await page.getByTestId("review-push").click();
  await expect(page.getByTestId("push-panel")).toBeVisible();
  await expect(page.getByTestId("push-reviewing")).toHaveCount(0, { timeout: 30_000 });
}

/** Acknowledges every warning the panel lists, then pushes. */
export async function pushFromPanel(page: Page): Promise<void> {
  const panel = page.getByTestId("push-panel");
  for (const box of await panel.getByTestId("acknowledge-warning").all()) await box.check();
  await panel.getByTestId("push-submit").click();
}
