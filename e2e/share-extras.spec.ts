import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { idOf, SharePage } from "./pages/share";
import { EMULATOR_URL } from "./support/app-instance";
import { editSqlite, mainAppDatabase } from "./support/stored-snapshots";
import { controlClient } from "../lib/emulator/testing/control-client";

/**
 * The rest of what a shared link shows: images of the canvas (SVG with text, PNG), a stored
 * execution report that renders with the emulator reset (it reads nothing from AWS), and a row
 * damaged by hand, which is an error page rather than a 500.
 */

const DESIGN = JSON.stringify({
  name: "image-release",
  roleArn: "arn:aws:iam::123456789012:role/pipeline",
  artifactStore: { type: "S3", location: "codepipeline-us-east-1-123456789012" },
  pipelineType: "V2",
  executionMode: "QUEUED",
  stages: [
    {
      name: "Source",
      actions: [
        {
          name: "Checkout",
          actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
          configuration: { S3Bucket: "src-bucket", S3ObjectKey: "app.zip" },
          outputArtifacts: [{ name: "SourceOutput" }],
        },
      ],
    },
    {
      name: "Build",
      actions: [
        {
          name: "Compile",
          actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
          configuration: { ProjectName: "web" },
          inputArtifacts: [{ name: "SourceOutput" }],
        },
      ],
    },
  ],
});

test.describe("shared links: images, reports, damaged rows", () => {
  test.use({ viewport: { width: 1600, height: 1000 } });
  test.describe.configure({ timeout: 120_000 });

  test("the canvas downloads as SVG (names as text) and PNG, from the designer and from a link", async ({ page, designerStart, designer }) => {
    await designerStart.importText(DESIGN);
    await expect(designer.actionNodes).toHaveCount(2);
    await designer.control("export").click();
    const [fromDesigner] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-svg").click()]);
    expect(fromDesigner.suggestedFilename()).toBe("image-release.svg");
    const designerSvg = readFileSync(await fromDesigner.path(), "utf8");
    expect(designerSvg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(designerSvg).toContain(">Compile</text>");
    await page.getByTestId("export-close").click();

    const link = await new SharePage(page).shareFromDesigner();
    await page.goto(link);
    await expect(page.getByTestId("action-node")).toHaveCount(2);
    const [svg] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-svg").click()]);
    const text = readFileSync(await svg.path(), "utf8");
    expect(text).toContain(">Checkout</text>");
    expect(text).toContain(">Source</text>");
    const [png] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-png").click()]);
    expect(png.suggestedFilename()).toBe("image-release.png");
    const bytes = readFileSync(await png.path());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Twice the SVG's width, from the PNG header (IHDR).
    const width = Number(/width="(\d+)"/.exec(text)![1]);
    expect(bytes.readUInt32BE(16)).toBe(Math.floor(width * 2));
  });

  test("a stored execution report renders with the emulator reset; a damaged row is an error page", async ({ page, designerStart }) => {
    const executionId = "7d0c1a52-4f6e-4c3b-9d7e-2a1b3c4d5e6f";
    // As lib/domain/share/execution-report.ts stores it (format 1).
    const report = {
      format: 1,
      title: `gone-pipeline · execution ${executionId}`,
      region: "us-east-1",
      execution: { pipelineName: "gone-pipeline", executionId, status: "Failed", statusSummary: "Build failed", artifactRevisions: [{ name: "SourceOutput", revisionId: "abc123" }], variables: [] },
      stages: [{ stageName: "Build", status: "Failed" }],
      actions: [
        {
          stageName: "Build",
          actionName: "Compile",
          status: "Failed",
          startTime: "2026-12-07T10:00:00.000Z",
          lastUpdateTime: "2026-12-07T10:02:05.000Z",
          actionType: "AWS CodeBuild v1 (Build)",
          error: { code: "JobFailed", message: "exit status 2" },
          configuration: { ProjectName: "web" },
          inputArtifacts: ["SourceOutput"],
          outputArtifacts: [],
          outputVariables: {},
        },
      ],
      redacted: [],
    };
    const payload = JSON.stringify(report);
    const id = "e2eReportAAAAAAAAAAAAA";
    editSqlite(
      mainAppDatabase(),
      "INSERT INTO snapshots (id, kind, content_hash, format, created_at, payload) VALUES (?, 'execution-report', ?, 1, ?, ?)",
      id,
      createHash("sha256").update(payload).digest("hex"),
      Date.now(),
      payload,
    );
    expect((await controlClient(EMULATOR_URL)("/reset")).status).toBe(200);
    await page.goto(`/s/${id}`);
    await expect(page.getByTestId("snapshot-title")).toHaveText(`gone-pipeline · execution ${executionId}`);
    await expect(page.getByTestId("report-action")).toHaveCount(1);
    await expect(page.getByTestId("report-error")).toContainText("exit status 2");
    await expect(page.getByTestId("report-action").getByTestId("execution-status")).toHaveAttribute("data-status", "Failed");

    // A design row edited by hand into something else.
    await designerStart.importText(DESIGN);
    const link = await new SharePage(page).shareFromDesigner("to be damaged");
    editSqlite(mainAppDatabase(), "UPDATE snapshots SET payload = ? WHERE id = ?", '{"format": 1, "title": 7}', idOf(link));
    const response = await page.goto(link);
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("snapshot-error")).toContainText("its stored copy is damaged");
  });
});
