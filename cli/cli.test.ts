import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importText } from "../lib/domain/formats";
import { main } from "./main";

const FIXTURES = "tests/fixtures/cli";
const VALID = `${FIXTURES}/codecommit-codebuild-cloudformation.json`;
const LATE_ARTIFACT = `${FIXTURES}/artifact-from-later-stage.json`;
const TEMPLATE = "tests/fixtures/pipelines/cfn-userguide-pipeline-template.yaml";

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: {},
  });
  return { code, stdout, stderr };
}

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "pipewright-cli-"));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("pipewright validate", () => {
  it("accepts a valid CodeCommit → CodeBuild → CloudFormation pipeline with exit 0", async () => {
    const { code, stdout } = await run("validate", VALID, "--region", "us-east-1");
    expect(code).toBe(0);
    expect(stdout).toBe("");
  });

  it("exits 1 naming the rule and path when an action reads an artifact only a later stage produces", async () => {
    const { code, stdout } = await run("validate", LATE_ARTIFACT, "--region", "us-east-1");
    expect(code).toBe(1);
    expect(stdout).toContain(`${LATE_ARTIFACT}:stages[1].actions[0].inputArtifacts[0].name: error ART004b `);
  });

  it("prints one JSON object per file with --format json", async () => {
    const { code, stdout } = await run("validate", VALID, LATE_ARTIFACT, "--format", "json", "--region", "us-east-1");
    expect(code).toBe(1);
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({ file: VALID, valid: true, diagnostics: [] });
    expect(lines[1].file).toBe(LATE_ARTIFACT);
    expect(lines[1].valid).toBe(false);
    expect(lines[1].diagnostics).toContainEqual(
      expect.objectContaining({ code: "ART004b", severity: "error", path: "stages[1].actions[0].inputArtifacts[0].name" }),
    );
    for (const d of lines[1].diagnostics) expect(Object.keys(d).sort()).toEqual(["code", "message", "path", "severity"]);
  });

  it("exits 2 with file, line and column when a file cannot be parsed, and still checks the others", async () => {
    const broken = tempFile("broken.json", '{\n  "name": "x",\n  "stages": [,]\n}\n');
    const { code, stdout, stderr } = await run("validate", broken, LATE_ARTIFACT);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:3:\\d+: `));
    expect(stdout).toContain("ART004b");
  });

  it("exits 2 for a missing file and for a document that is no pipeline form", async () => {
    expect((await run("validate", "does/not/exist.json")).code).toBe(2);
    const other = tempFile("other.json", '{"hello": "world"}');
    const { code, stderr } = await run("validate", other);
    expect(code).toBe(2);
    expect(stderr).toContain("CloudFormation");
  });

  it("reads folders recursively and uses --region for region rules", async () => {
    const { code, stdout } = await run("validate", FIXTURES, "--format", "json");
    expect(code).toBe(1);
    expect(stdout.trim().split("\n")).toHaveLength(2);
  });

  it("validates CloudFormation snippets, one result per pipeline, as it does templates", async () => {
    const snippet = tempFile(
      "snippet.yaml",
      [
        "First:",
        "  Type: AWS::CodePipeline::Pipeline",
        "  Properties: {Name: first, RoleArn: arn:aws:iam::111122223333:role/r, Stages: []}",
        "Second:",
        "  Type: AWS::CodePipeline::Pipeline",
        "  Properties: {Name: second, RoleArn: arn:aws:iam::111122223333:role/r, Stages: []}",
        "",
      ].join("\n"),
    );
    const { code, stdout } = await run("validate", snippet, "--format", "json", "--region", "us-east-1");
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(new Set(report.diagnostics.map((d: { pipeline: string }) => d.pipeline))).toEqual(new Set(["First", "Second"]));
    const text = await run("validate", "tests/fixtures/pipelines/cfn-userguide-pipeline-snippet.json", "--region", "us-east-1");
    expect(text.stdout).toContain("tests/fixtures/pipelines/cfn-userguide-pipeline-snippet.json:(pipeline): warning PW010 DisableInboundStageTransitions");
    expect(text.stdout).toContain("tests/fixtures/pipelines/cfn-userguide-pipeline-snippet.json:name: warning PW011 ");
  });

  it("rejects bad usage with exit 2", async () => {
    expect((await run("validate")).code).toBe(2);
    expect((await run("validate", VALID, "--format", "xml")).code).toBe(2);
    expect((await run("frobnicate")).code).toBe(2);
    expect((await run("validate", VALID, "--bogus")).code).toBe(2);
  });
});

describe("pipewright convert", () => {
  it("round-trips a CloudFormation template", async () => {
    const { code, stdout } = await run("convert", TEMPLATE, "--to", "cloudformation-yaml");
    expect(code).toBe(0);
    const { readFileSync } = await import("node:fs");
    const original = importText(readFileSync(TEMPLATE, "utf8"));
    const again = importText(stdout);
    expect(original.ok && again.ok).toBe(true);
    if (original.ok && again.ok) {
      expect(again.pipelines.map((p) => p.declaration)).toEqual(original.pipelines.map((p) => p.declaration));
    }
  });

  it("converts a template to CLI input JSON that imports as the same declaration", async () => {
    const { code, stdout } = await run("convert", TEMPLATE, "--to", "cli-input");
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout);
    expect(Object.keys(parsed)).toContain("pipeline");
    expect(parsed).not.toHaveProperty("metadata");
  });

  it("writes a CloudFormation snippet back as the same snippet", async () => {
    const snippet = "tests/fixtures/pipelines/cfn-userguide-pipeline-snippet.yaml";
    const { readFileSync } = await import("node:fs");
    const { code, stdout } = await run("convert", snippet, "--to", "cloudformation-yaml");
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(snippet, "utf8"));
    const json = await run("convert", "tests/fixtures/pipelines/cfn-userguide-pipeline-snippet.json", "--to", "cli-input");
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).pipeline.name).toBe("AppPipeline");
  });

  it("rejects an unknown target form", async () => {
    const { code, stderr } = await run("convert", VALID, "--to", "xml");
    expect(code).toBe(2);
    expect(stderr).toContain("cloudformation-yaml");
  });
});

describe("the installed command", () => {
  it("runs through bin/pipewright.mjs as npx would", () => {
    const out = execFileSync("node", ["bin/pipewright.mjs", "validate", VALID, "--format", "json", "--region", "us-east-1"], {
      encoding: "utf8",
    });
    expect(JSON.parse(out)).toEqual({ file: VALID, valid: true, diagnostics: [] });
    const failing = spawnSync("node", ["bin/pipewright.mjs", "validate", LATE_ARTIFACT], { encoding: "utf8" });
    expect(failing.status).toBe(1);
  });
});
