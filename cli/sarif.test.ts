/**
 * `validate --format sarif` against the SARIF 2.1.0 JSON schema (the OASIS schema as shipped by
 * @microsoft/jest-sarif), and what code-scanning tools read from it: rule ids, levels, files and
 * the line and column of each finding in JSON and YAML sources.
 */
import Ajv from "ajv";
import draft04 from "ajv/lib/refs/json-schema-draft-04.json" with { type: "json" };
import sarifSchema from "@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json" with { type: "json" };
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "./main";

const LATE_ARTIFACT = "tests/fixtures/cli/artifact-from-later-stage.json";
const VALID = "tests/fixtures/cli/codecommit-codebuild-cloudformation.json";
const TEMPLATE = "tests/fixtures/pipelines/cfn-userguide-pipeline-template.yaml";

const ajv = new Ajv({ schemaId: "auto", allErrors: true });
ajv.addMetaSchema(draft04);
const validSarif = ajv.compile(sarifSchema);

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn: number } }; logicalLocations?: { fullyQualifiedName: string }[] }[];
}
interface Run {
  tool: { driver: { name: string; rules: { id: string; shortDescription?: { text: string } }[] } };
  invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string }; locations: Result["locations"] }[] }[];
  results: Result[];
}

async function sarif(...files: string[]): Promise<{ code: number; log: { version: string; runs: Run[] } }> {
  let stdout = "";
  const code = await main(["validate", ...files, "--format", "sarif", "--region", "us-east-1"], {
    stdout: (t) => (stdout += t),
    stderr: () => undefined,
    env: {},
  });
  return { code, log: JSON.parse(stdout) };
}

function lineOf(file: string, needle: string, occurrence = 1): number {
  const lines = readFileSync(file, "utf8").split("\n");
  let seen = 0;
  const index = lines.findIndex((line) => line.includes(needle) && ++seen === occurrence);
  if (index < 0) throw new Error(`"${needle}" not in ${file}`);
  return index + 1;
}

describe("validate --format sarif", () => {
  it("writes a log the SARIF 2.1.0 schema accepts, for findings, clean files and unreadable ones", async () => {
    const broken = join(mkdtempSync(join(tmpdir(), "pipewright-sarif-")), "broken.json");
    writeFileSync(broken, '{\n  "name": "x",\n  "stages": [,]\n}\n');
    const { code, log } = await sarif(LATE_ARTIFACT, VALID, TEMPLATE, broken, "does/not/exist.json");
    expect(code).toBe(2);
    expect(validSarif(log), JSON.stringify(validSarif.errors, null, 2)).toBe(true);
    expect(log.version).toBe("2.1.0");
    const [run] = log.runs;
    expect(run!.tool.driver.name).toBe("pipewright");
    const notifications = run!.invocations[0]!.toolExecutionNotifications;
    expect(run!.invocations[0]!.executionSuccessful).toBe(false);
    expect(notifications.map((n) => n.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual([
      expect.stringMatching(/^file:\/\/\/.*\/broken\.json$/),
      "does/not/exist.json",
    ]);
    expect(notifications[0]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 3, startColumn: expect.any(Number) });
  });

  it("the schema check itself rejects a malformed log", async () => {
    const { log } = await sarif(LATE_ARTIFACT);
    const broken = structuredClone(log);
    (broken.runs[0]!.results[0] as { level: string }).level = "fatal";
    expect(validSarif(broken)).toBe(false);
  });

  it("puts each JSON finding on the line of its element, with rule id, level and declaration path", async () => {
    const { code, log } = await sarif(LATE_ARTIFACT);
    expect(code).toBe(1);
    const [run] = log.runs;
    const late = run!.results.find((r) => r.ruleId === "ART004b")!;
    expect(late.level).toBe("error");
    expect(run!.tool.driver.rules[late.ruleIndex]).toEqual({ id: "ART004b", shortDescription: { text: expect.any(String) } });
    const [location] = late.locations;
    expect(location!.physicalLocation.artifactLocation.uri).toBe(LATE_ARTIFACT);
    expect(location!.logicalLocations).toEqual([{ fullyQualifiedName: "stages[1].actions[0].inputArtifacts[0].name", kind: "member" }]);
    expect(location!.physicalLocation.region).toEqual({ startLine: lineOf(LATE_ARTIFACT, '"name": "TestReport"'), startColumn: 15 });
    expect(run!.results.every((r) => r.level === "error" || r.level === "warning")).toBe(true);
  });

  it("locates findings in a YAML CloudFormation template through its PascalCase properties", async () => {
    const { log } = await sarif(TEMPLATE);
    const results = log.runs[0]!.results;
    const polling = results.find((r) => r.ruleId === "CFG006")!;
    // The finding is about a configuration key the template leaves out: its Configuration block.
    expect(polling.locations[0]!.physicalLocation.region?.startLine).toBe(lineOf(TEMPLATE, "Configuration:"));
    const role = results.find((r) => r.locations[0]!.logicalLocations?.[0]?.fullyQualifiedName === "roleArn")!;
    expect(role.locations[0]!.physicalLocation.region).toEqual({ startLine: lineOf(TEMPLATE, "RoleArn:"), startColumn: 7 });
  });

  it("a clean run has no results and succeeds", async () => {
    const { code, log } = await sarif(VALID);
    expect(code).toBe(0);
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.invocations[0]!.executionSuccessful).toBe(true);
  });
});
