/**
 * What CreatePipeline / UpdatePipeline reject, and with which AWS exception, through the real SDK.
 * Each case breaks one thing in a valid pipeline.
 */
import {
  CreatePipelineCommand,
  GetPipelineCommand,
  UpdatePipelineCommand,
  type PipelineDeclaration,
} from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { exceptionFor } from "./service-checks";
import { expectAwsError } from "./testing/expect-error";
import { samplePipeline } from "./testing/pipelines";
import { startTestEmulator, type TestEmulator } from "./testing/start-test-emulator";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.control("/reset");
});

const create = (pipeline: PipelineDeclaration, tags?: { key: string; value: string }[]) =>
  emu.client.send(new CreatePipelineCommand({ pipeline, tags }));

function broken(change: (p: PipelineDeclaration) => void, name = "broken"): PipelineDeclaration {
  const p = samplePipeline(name);
  change(p);
  return p;
}

describe("model constraints → ValidationException", () => {
  it("names the field with AWS's 1-based .member. path", async () => {
    await expectAwsError(
      create(broken((p) => (p.stages![1]!.name = "Build Stage"))),
      "ValidationException",
      "1 validation error detected: Value at 'pipeline.stages.2.member.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9.@\\-_]+",
    );
  });

  it("reports a missing required member as 'must not be null'", async () => {
    await expectAwsError(
      create(broken((p) => delete p.roleArn)),
      "ValidationException",
      "1 validation error detected: Value at 'pipeline.roleArn' failed to satisfy constraint: Member must not be null",
    );
  });

  it("counts several violations", async () => {
    const p = broken((p) => {
      p.stages![0]!.actions![0]!.runOrder = 0;
      p.stages![1]!.actions![0]!.configuration = { ProjectName: "" };
    });
    await expectAwsError(
      create(p),
      "ValidationException",
      "2 validation errors detected: " +
        "Value at 'pipeline.stages.1.member.actions.1.member.runOrder' failed to satisfy constraint: Member must have value greater than or equal to 1; " +
        "Value at 'pipeline.stages.2.member.actions.1.member.configuration.ProjectName' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it("names the enum's values", async () => {
    await expectAwsError(
      create(broken((p) => (p.executionMode = "Superseded" as never))),
      "ValidationException",
      "1 validation error detected: Value at 'pipeline.executionMode' failed to satisfy constraint: Member must satisfy enum value set: [QUEUED, SUPERSEDED, PARALLEL]",
    );
  });

  it("answers an unknown artifact-store region with the engine's message and field", async () => {
    const p = broken((p) => {
      delete p.artifactStore;
      p.artifactStores = { "us-east-1": { type: "S3", location: "art-use1" }, "mars-east-1": { type: "S3", location: "art-mars" } };
    });
    await expectAwsError(create(p), "ValidationException", /^1 validation error detected: Value at 'pipeline\.artifactStores\["mars-east-1"\]' failed to satisfy constraint: .*\(STORE006\)$/);
  });
});

describe("structure → InvalidStructureException", () => {
  it("a pipeline with one stage", async () => {
    await expectAwsError(
      create(broken((p) => (p.stages = p.stages!.slice(0, 1)))),
      "InvalidStructureException",
      /\(PIPE011 at 'pipeline\.stages'\)/,
    );
  });

  it("V2 features in a V1 pipeline", async () => {
    const p = broken((p) => {
      p.pipelineType = "V1";
      p.variables = [{ name: "env", defaultValue: "dev" }];
    });
    await expectAwsError(create(p), "InvalidStructureException", /variables.*\(\w+\d+ at 'pipeline\.variables'\)/i);
  });

  it("a source action outside the first stage", async () => {
    const p = broken((p) => {
      p.stages![2]!.actions!.push({
        name: "LateSource",
        actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
        configuration: { S3Bucket: "b", S3ObjectKey: "k.zip", PollForSourceChanges: "false" },
        outputArtifacts: [{ name: "Late" }],
      });
    });
    await expectAwsError(create(p), "InvalidStructureException", /\(STG006 at 'pipeline\.stages\[2\]\.actions\[1\]/);
  });
});

describe("stages → InvalidStageDeclarationException", () => {
  it("two stages with the same name", async () => {
    await expectAwsError(
      create(broken((p) => (p.stages![2]!.name = "Build"))),
      "InvalidStageDeclarationException",
      /\(STG002 at 'pipeline\.stages\[2\]\.name'\)/,
    );
  });

  it("a stage without actions", async () => {
    await expectAwsError(
      create(broken((p) => (p.stages![2]!.actions = []))),
      "InvalidStageDeclarationException",
      /\(STG003 at 'pipeline\.stages\[2\]\.actions'\)/,
    );
  });
});

describe("actions → InvalidActionDeclarationException", () => {
  it("an input artifact nobody produces", async () => {
    await expectAwsError(
      create(broken((p) => (p.stages![1]!.actions![0]!.inputArtifacts = [{ name: "Nowhere" }]))),
      "InvalidActionDeclarationException",
      /Nowhere.*\(ART004a at 'pipeline\.stages\[1\]\.actions\[0\]\.inputArtifacts\[0\]\.name'\)/,
    );
  });

  it("an action type that does not exist", async () => {
    await expectAwsError(
      create(broken((p) => (p.stages![1]!.actions![0]!.actionTypeId!.category = "Deploy"))),
      "InvalidActionDeclarationException",
      /\(ACT004 at 'pipeline\.stages\[1\]\.actions\[0\]\.actionTypeId'\)/,
    );
  });
});

describe("blockers → InvalidBlockerDeclarationException", () => {
  it("two blockers with the same name in a stage", async () => {
    const p = broken((p) => (p.stages![1]!.blockers = [{ name: "b", type: "Schedule" }, { name: "b", type: "Schedule" }]));
    await expectAwsError(create(p), "InvalidBlockerDeclarationException", /\(EMU001 at 'pipeline\.stages\[1\]\.blockers\[1\]\.name'\)/);
  });
});

describe("tags on create", () => {
  it("refuses aws: keys and duplicate keys with InvalidTagsException", async () => {
    await expectAwsError(create(samplePipeline("t1"), [{ key: "aws:owner", value: "x" }]), "InvalidTagsException", /reserved for AWS use/);
    await expectAwsError(
      create(samplePipeline("t2"), [{ key: "k", value: "1" }, { key: "k", value: "2" }]),
      "InvalidTagsException",
      "Tag key 'k' appears more than once; tag keys must be unique.",
    );
  });

  it("refuses more than 50 tags with TooManyTagsException", async () => {
    const tags = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: "v" }));
    await expectAwsError(create(samplePipeline("t3"), tags), "TooManyTagsException", /at most 50 tags; this request would leave it with 51/);
  });
});

describe("what AWS accepts", () => {
  it("accepts a pipeline that has only warnings", async () => {
    // An unused output artifact (ART007) and an implicit runOrder (ACT008) are warnings.
    const p = broken((p) => {
      p.stages![1]!.actions!.push({
        name: "Lint",
        actionTypeId: { category: "Test", owner: "AWS", provider: "CodeBuild", version: "1" },
        runOrder: 2,
        configuration: { ProjectName: "lint" },
        inputArtifacts: [{ name: "SourceOutput" }],
        outputArtifacts: [{ name: "LintReport" }],
      });
    }, "warnings-only");
    await expect(create(p)).resolves.toMatchObject({ pipeline: { name: "warnings-only", version: 1 } });
  });

  it("leaves the stored version untouched when an update is rejected", async () => {
    await create(samplePipeline("web"));
    await expectAwsError(
      emu.client.send(new UpdatePipelineCommand({ pipeline: broken((p) => (p.stages = p.stages!.slice(0, 1)), "web") })),
      "InvalidStructureException",
    );
    const out = await emu.client.send(new GetPipelineCommand({ name: "web" }));
    expect(out.pipeline?.version).toBe(1);
    expect(out.pipeline?.stages).toHaveLength(3);
  });
});

describe("exceptionFor", () => {
  it.each([
    ["GEN004", "ValidationException"],
    ["PIPE001", "ValidationException"],
    ["PIPE011", "InvalidStructureException"],
    ["PIPE009", "InvalidStructureException"],
    ["STORE007", "InvalidStructureException"],
    ["TRIG005", "InvalidStructureException"],
    ["STG002", "InvalidStageDeclarationException"],
    ["STG005", "InvalidStructureException"],
    ["COND003", "InvalidStageDeclarationException"],
    ["COND001", "InvalidStructureException"],
    ["ACT004", "InvalidActionDeclarationException"],
    ["ART002", "InvalidActionDeclarationException"],
    ["CFG001", "InvalidActionDeclarationException"],
    ["VAR006", "InvalidActionDeclarationException"],
    ["VAR001", "InvalidStructureException"],
    ["EMU001", "InvalidBlockerDeclarationException"],
    ["PIPE015", "LimitExceededException"],
  ])("%s → %s", (code, exception) => {
    expect(exceptionFor(code)).toBe(exception);
  });

  it("never rejects Pipewright's own findings (internal errors, unresolved CloudFormation references)", () => {
    expect(exceptionFor("PW000")).toBeUndefined();
    expect(exceptionFor("PW002")).toBeUndefined();
  });
});
