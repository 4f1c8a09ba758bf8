import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MEMBERS } from "../../pipeline/members";
import { runRules, validate } from "../validate";
import { codesOf, TEST_CONTEXT, validPipeline, type Mutable } from "../testing/fixtures";
import { find, only } from "../testing/expect";
import type { ValidationContext } from "../context";
import { MEMBER_FIELDS } from "../../pipeline/member-fields";
import { caseVariantOf } from "../enums";
import { closestMember, generalRules } from "./general";
import { pipelineRules } from "./pipeline";
import { artifactStoreRules } from "./artifact-store";
import { stagesRules } from "./stages";
import { tagsRules } from "./tags";
import { executionRules } from "./execution";

/** A clean V2 pipeline with a trigger, a pipeline variable and stage conditions. */
function richPipeline(): Mutable {
  const d = validPipeline();
  d.stages[0].actions[0] = {
    name: "Source",
    actionTypeId: { category: "Source", owner: "AWS", provider: "CodeStarSourceConnection", version: "1" },
    runOrder: 1,
    configuration: {
      ConnectionArn: "arn:aws:codeconnections:us-east-1:123456789012:connection/0123abcd-0123-0123-0123-0123456789ab",
      FullRepositoryId: "org/web-app",
      BranchName: "main",
      OutputArtifactFormat: "CODE_ZIP",
    },
    outputArtifacts: [{ name: "SourceOutput" }],
    inputArtifacts: [],
    namespace: "SourceVariables",
  };
  d.triggers = [
    {
      providerType: "CodeStarSourceConnection",
      gitConfiguration: {
        sourceActionName: "Source",
        push: [{ branches: { includes: ["main"] }, filePaths: { includes: ["src/**"], excludes: ["docs/**"] } }],
        pullRequest: [{ events: ["OPEN", "UPDATED"], branches: { includes: ["main"] } }],
      },
    },
  ];
  d.variables = [{ name: "env", defaultValue: "prod", description: "Target" }];
  d.stages[1].actions[0].configuration.EnvironmentVariables =
    '[{"name":"COMMIT_ID","value":"#{SourceVariables.CommitId}","type":"PLAINTEXT"},{"name":"ENV","value":"#{variables.env}","type":"PLAINTEXT"}]';
  d.stages[2].onFailure = { result: "ROLLBACK" };
  d.stages[2].onSuccess = {
    conditions: [
      {
        result: "FAIL",
        rules: [
          {
            name: "Check",
            ruleTypeId: { category: "Rule", owner: "AWS", provider: "VariableCheck", version: "1" },
            configuration: { Variable: "#{SourceVariables.BranchName}", Operator: "EQ", Value: "main" },
            timeoutInMinutes: 60,
          },
        ],
      },
    ],
  };
  return d;
}

const rule = (d: Mutable) => d.stages[2].onSuccess.conditions[0].rules[0];

describe("general rules", () => {
  it("are silent on the valid pipelines", () => {
    expect(validate(validPipeline(), TEST_CONTEXT)).toEqual([]);
    expect(runRules(generalRules, richPipeline(), TEST_CONTEXT)).toEqual([]);
    expect(validate(richPipeline(), TEST_CONTEXT)).toEqual([]);
  });

  it("walks a field for exactly the members of every declaration shape", () => {
    for (const [shape, fields] of Object.entries(MEMBER_FIELDS)) {
      expect(Object.keys(fields).sort(), shape).toEqual([...MEMBERS[shape as keyof typeof MEMBERS]].sort());
    }
  });
});

describe("GEN001 configuration values are strings", () => {
  it("reports a boolean action configuration value", () => {
    const d = validPipeline();
    d.stages[0].actions[0].configuration.PollForSourceChanges = false;
    const f = only(validate(d, TEST_CONTEXT), "GEN001");
    expect(f).toMatchObject({ severity: "error", path: "stages[0].actions[0].configuration.PollForSourceChanges" });
    expect(f.message).toContain('"false"');
  });

  it("reports numbers, objects and null in rule configurations", () => {
    const d = richPipeline();
    rule(d).configuration.Value = 5;
    rule(d).configuration["Odd key"] = { a: 1 };
    const diagnostics = runRules(generalRules, d, TEST_CONTEXT);
    find(diagnostics, "GEN001", "stages[2].onSuccess.conditions[0].rules[0].configuration.Value");
    find(diagnostics, "GEN001", 'stages[2].onSuccess.conditions[0].rules[0].configuration["Odd key"]');
  });

  it("accepts string values, including serialized JSON", () => {
    expect(codesOf(validate(richPipeline(), TEST_CONTEXT))).not.toContain("GEN001");
  });
});

describe("GEN002 integers are integers", () => {
  it("reports a fractional runOrder", () => {
    const d = validPipeline();
    d.stages[1].actions[0].runOrder = 1.5;
    expect(only(validate(d, TEST_CONTEXT), "GEN002")).toMatchObject({ severity: "error", path: "stages[1].actions[0].runOrder" });
  });

  it("reports numeric strings for version and rule timeoutInMinutes", () => {
    const d = richPipeline();
    d.version = "1";
    rule(d).timeoutInMinutes = "60";
    const diagnostics = validate(d, TEST_CONTEXT);
    expect(codesOf(diagnostics)).toEqual(["GEN002"]);
    expect(find(diagnostics, "GEN002", "version").message).toContain("without quotes");
    find(diagnostics, "GEN002", "stages[2].onSuccess.conditions[0].rules[0].timeoutInMinutes");
  });

  it("accepts integers and absent members", () => {
    const d = validPipeline();
    delete d.stages[1].actions[0].runOrder;
    delete d.version;
    expect(codesOf(validate(d, TEST_CONTEXT))).not.toContain("GEN002");
  });
});

describe("GEN003 no empty min-1 lists", () => {
  it("reports an empty list of condition rules", () => {
    const d = richPipeline();
    d.stages[2].onSuccess.conditions[0].rules = [];
    expect(only(validate(d, TEST_CONTEXT), "GEN003")).toMatchObject({
      severity: "error",
      path: "stages[2].onSuccess.conditions[0].rules",
    });
  });

  it("reports empty trigger lists, events and filter patterns", () => {
    const d = richPipeline();
    d.triggers[0].gitConfiguration.pullRequest[0].events = [];
    d.triggers[0].gitConfiguration.push[0].filePaths.excludes = [];
    const diagnostics = runRules(generalRules, d, TEST_CONTEXT);
    find(diagnostics, "GEN003", "triggers[0].gitConfiguration.pullRequest[0].events");
    find(diagnostics, "GEN003", "triggers[0].gitConfiguration.push[0].filePaths.excludes");
  });

  it("reports empty environmentVariables and files, but not empty artifact lists", () => {
    const d = validPipeline();
    d.stages[1].actions[0].environmentVariables = [];
    d.stages[1].actions[0].outputArtifacts[0].files = [];
    const diagnostics = runRules(generalRules, d, TEST_CONTEXT);
    expect(diagnostics.map((x) => x.path).sort()).toEqual([
      "stages[1].actions[0].environmentVariables",
      "stages[1].actions[0].outputArtifacts[0].files",
    ]);
    // inputArtifacts: [] in the fixture has no model minimum.
    expect(codesOf(runRules(generalRules, validPipeline(), TEST_CONTEXT))).toEqual([]);
  });
});

describe("GEN004 no empty strings", () => {
  it("reports an empty configuration value with AWS's wording", () => {
    const d = validPipeline();
    d.stages[1].actions[0].configuration.ProjectName = "";
    const f = find(validate(d, TEST_CONTEXT), "GEN004", "stages[1].actions[0].configuration.ProjectName");
    expect(f.severity).toBe("error");
    expect(f.message).toContain("greater than or equal to 1");
  });

  it("is the only finding for an empty stage name", () => {
    const d = validPipeline();
    d.stages[1].name = "";
    expect(only(validate(d, TEST_CONTEXT), "GEN004").path).toBe("stages[1].name");
  });

  it("reports empty keys, variable defaults, patterns and commands", () => {
    const d = richPipeline();
    d.stages[1].actions[0].configuration[""] = "x";
    d.variables[0].defaultValue = "";
    d.triggers[0].gitConfiguration.push[0].branches.includes = ["main", ""];
    rule(d).commands = [""];
    const paths = runRules(generalRules, d, TEST_CONTEXT).filter((x) => x.code === "GEN004").map((x) => x.path);
    expect(paths.sort()).toEqual([
      'stages[1].actions[0].configuration[""]',
      "stages[2].onSuccess.conditions[0].rules[0].commands[0]",
      "triggers[0].gitConfiguration.push[0].branches.includes[1]",
      "variables[0].defaultValue",
    ]);
  });

  it("owns empty enum values too, and lists the valid ones", () => {
    const d = validPipeline();
    d.executionMode = "";
    expect(only(validate(d, TEST_CONTEXT), "GEN004").message).toContain('"SUPERSEDED"');
    const e = validPipeline();
    e.stages[1].actions[0].actionTypeId.category = "";
    expect(only(validate(e, TEST_CONTEXT), "GEN004").path).toBe("stages[1].actions[0].actionTypeId.category");
    const s = validPipeline();
    s.artifactStore.type = "";
    expect(only(validate(s, TEST_CONTEXT), "GEN004").path).toBe("artifactStore.type");
  });

  it("accepts an empty variable description (min 0)", () => {
    const d = richPipeline();
    d.variables[0].description = "";
    expect(codesOf(validate(d, TEST_CONTEXT))).not.toContain("GEN004");
  });
});

describe("GEN005 unknown members", () => {
  it("reports a PascalCase member and names the one meant", () => {
    const d = validPipeline();
    d.stages[1].actions[0].RunOrder = 2;
    const f = only(validate(d, TEST_CONTEXT), "GEN005");
    expect(f).toMatchObject({ severity: "warning", path: "stages[1].actions[0].RunOrder" });
    expect(f.message).toContain('Did you mean "runOrder"?');
  });

  it("explains metadata inside the pipeline", () => {
    const d = validPipeline();
    d.metadata = { pipelineArn: "arn:aws:codepipeline:us-east-1:123456789012:web-app" };
    const f = only(validate(d, TEST_CONTEXT), "GEN005");
    expect(f.path).toBe("metadata");
    expect(f.message).toContain("GetPipeline");
  });

  it("walks nested shapes and suggests typo fixes", () => {
    const d = richPipeline();
    d.stages[1].actions[0].inputArtifact = [{ name: "SourceOutput" }];
    d.stages[1].actions[0].outputArtifacts[0].Name = "x";
    d.triggers[0].provider = "Connection";
    d.triggers[0].gitConfiguration.push[0].branches.include = ["x"];
    rule(d).ruleTypeId.Provider = "x";
    d.artifactStore.encryptionKey = { id: "alias/x", type: "KMS", Id: "x" };
    const byPath = new Map(runRules(generalRules, d, TEST_CONTEXT).map((x) => [x.path, x.message]));
    expect(byPath.get("stages[1].actions[0].inputArtifact")).toContain('"inputArtifacts"');
    expect(byPath.get("stages[1].actions[0].outputArtifacts[0].Name")).toContain('"name"');
    expect(byPath.get("triggers[0].provider")).toContain("providerType");
    expect(byPath.get("triggers[0].gitConfiguration.push[0].branches.include")).toContain('"includes"');
    expect(byPath.get("stages[2].onSuccess.conditions[0].rules[0].ruleTypeId.Provider")).toContain('"provider"');
    expect(byPath.get("artifactStore.encryptionKey.Id")).toContain('"id"');
    expect(byPath.size).toBe(6);
  });

  it("treats configuration maps as free-form, and handles prototype names", () => {
    const d = validPipeline();
    d.stages[1].actions[0].configuration.AnythingGoes = "x";
    d.stages[1].constructor = "x";
    d.toString = "x";
    const f = runRules(generalRules, d, TEST_CONTEXT);
    expect(f.map((x) => x.path)).toEqual(["stages[1].constructor", "toString"]);
    for (const x of f) expect(x.message).toContain("Remove it");
  });
});

describe("GEN006 enum values are exact", () => {
  it("reports a wrong-case executionMode as the only finding", () => {
    const d = validPipeline();
    d.executionMode = "Superseded";
    const f = only(validate(d, TEST_CONTEXT), "GEN006");
    expect(f).toMatchObject({ severity: "error", path: "executionMode" });
    expect(f.message).toContain('Did you mean "SUPERSEDED"?');
  });

  it("reports wrong-case pipelineType as the only finding", () => {
    const d = validPipeline();
    d.pipelineType = "v2";
    expect(only(validate(d, TEST_CONTEXT), "GEN006").message).toContain('"V2"');
  });

  it("covers nested enums: store type, results, events, rule category", () => {
    const d = richPipeline();
    d.artifactStore.type = "s3";
    d.stages[2].onFailure.result = "Rollback";
    d.triggers[0].gitConfiguration.pullRequest[0].events = ["open"];
    rule(d).ruleTypeId.category = "rule";
    const paths = runRules(generalRules, d, TEST_CONTEXT).map((x) => x.path).sort();
    expect(paths).toEqual([
      "artifactStore.type",
      "stages[2].onFailure.result",
      "stages[2].onSuccess.conditions[0].rules[0].ruleTypeId.category",
      "triggers[0].gitConfiguration.pullRequest[0].events[0]",
    ]);
  });

  it("leaves values that are not case variants to the specific rules", () => {
    const d = validPipeline();
    d.executionMode = "PARALLELIZED";
    expect(codesOf(runRules(generalRules, d, TEST_CONTEXT))).toEqual([]);
  });
});

describe("helpers", () => {
  it("caseVariantOf finds only case variants", () => {
    expect(caseVariantOf("queued", ["QUEUED", "SUPERSEDED"])).toBe("QUEUED");
    expect(caseVariantOf("QUEUED", ["QUEUED"])).toBeUndefined();
    expect(caseVariantOf("QUEUE", ["QUEUED"])).toBeUndefined();
    expect(caseVariantOf(3, ["QUEUED"])).toBeUndefined();
  });

  it("closestMember matches case, separators and small typos", () => {
    const members = MEMBERS.ActionDeclaration;
    expect(closestMember("run_order", members)).toBe("runOrder");
    expect(closestMember("timeoutInMinute", members)).toBe("timeoutInMinutes");
    expect(closestMember("banana", members)).toBeUndefined();
  });
});

describe("totality", () => {
  it("never throws on hostile shapes", () => {
    const hostile: unknown[] = [
      { stages: "x", artifactStores: [1], triggers: {}, variables: [null] },
      { stages: [null, 1, [], { actions: { a: 1 } }, { actions: [null, { configuration: [1, 2] }] }] },
      { stages: [{ onFailure: [], beforeEntry: { conditions: [null, { rules: "x" }] } }] },
      { artifactStores: { "us-east-1": null, "": { encryptionKey: 5 } }, triggers: [{ gitConfiguration: { push: [null] } }] },
      JSON.parse('{"__proto__": {"x": 1}, "name": "a"}'),
    ];
    for (const doc of hostile) expect(() => runRules(generalRules, doc, TEST_CONTEXT)).not.toThrow();
  });

  const mine = [...generalRules, ...pipelineRules, ...artifactStoreRules, ...stagesRules, ...tagsRules, ...executionRules];
  const paths: ((d: Mutable, v: unknown) => void)[] = [
    (d, v) => (d.stages = v),
    (d, v) => (d.stages[0] = v),
    (d, v) => (d.stages[1].actions = v),
    (d, v) => (d.stages[1].actions[0] = v),
    (d, v) => (d.stages[1].actions[0].actionTypeId = v),
    (d, v) => (d.stages[1].actions[0].configuration = v),
    (d, v) => (d.stages[2].onFailure = v),
    (d, v) => (d.stages[2].blockers = v),
    (d, v) => (d.artifactStore = v),
    (d, v) => (d.artifactStores = v),
    (d, v) => (d.triggers = v),
    (d, v) => (d.roleArn = v),
    (d, v) => (d.executionMode = v),
  ];

  it("my families never throw on random values anywhere (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: paths.length - 1 }),
        fc.anything(),
        fc.anything(),
        fc.constantFrom<ValidationContext["operation"]>("create", "update", undefined),
        (where, value, extra, operation) => {
          const d = validPipeline();
          paths[where]!(d, value);
          const context: ValidationContext = {
            region: "us-east-1", operation, deployed: extra, tags: extra, existingPipelineNames: ["web-app"],
            pipelineCount: 1000, pollingPipelineCount: 300, activeExecutionCount: 1,
          };
          expect(runRules(mine, d, context).filter((x) => x.code === "PW000")).toEqual([]);
          expect(runRules(mine, value, context).filter((x) => x.code === "PW000")).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
