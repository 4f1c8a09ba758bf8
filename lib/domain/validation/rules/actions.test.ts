import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ValidationContext } from "../context";
import { RULES } from "./index";
import { runRules, validate } from "../validate";
import { actionsRules } from "./actions";
import { artifactsRules } from "./artifacts";
import { configurationRules } from "./configuration";
import { configurationConditionalRules } from "./configuration-conditional";
import { codesOf, connectionSourcePipeline, type Mutable, TEST_CONTEXT, validPipeline } from "../testing/fixtures";
import { only, withCode } from "../testing/expect";

function action(name: string, category: string, owner: string, provider: string, extra: Mutable = {}): Mutable {
  return { name, actionTypeId: { category, owner, provider, version: "1" }, runOrder: 1, ...extra };
}

const BUILD = "stages[1].actions[0]";

/** The valid pipeline with a Manual approval stage inserted before Deploy (stage index 2). */
function withApprovalStage(extra: Mutable = {}): Mutable {
  const doc = validPipeline();
  doc.stages.splice(2, 0, { name: "Approve", actions: [action("Approve", "Approval", "AWS", "Manual", extra)] });
  return doc;
}

/** The valid pipeline with a Commands action added to the Build stage at runOrder 2. */
function withCommands(extra: Mutable = {}): Mutable {
  const doc = validPipeline();
  doc.stages[1].actions.push(
    action("Test", "Compute", "AWS", "Commands", { runOrder: 2, inputArtifacts: [{ name: "SourceOutput" }], commands: ["npm ci", "npm test"], ...extra }),
  );
  return doc;
}

describe("ACT rules", () => {
  it("are silent on the valid pipeline and on its richer variants", () => {
    expect(validate(validPipeline(), TEST_CONTEXT)).toEqual([]);
    expect(validate(withCommands(), TEST_CONTEXT)).toEqual([]);
    expect(validate(withApprovalStage({ timeoutInMinutes: 60 }), TEST_CONTEXT)).toEqual([]);
  });

  it("declares every code it emits", () => {
    const codes = RULES.flatMap((r) => r.codes).filter((c) => c.startsWith("ACT"));
    expect(codes).toEqual(expect.arrayContaining(Array.from({ length: 19 }, (_, i) => `ACT${String(i + 1).padStart(3, "0")}`)));
  });

  describe("ACT001 action name", () => {
    it("rejects a name with spaces and &", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].name = "Build & Test";
      const d = only(validate(doc, TEST_CONTEXT), "ACT001", `${BUILD}.name`, "error");
      expect(d.message).toContain('"Build & Test"');
    });
    it("requires a name", () => {
      const doc = validPipeline();
      delete doc.stages[1].actions[0].name;
      only(validate(doc, TEST_CONTEXT), "ACT001", `${BUILD}.name`, "error");
    });
    it("rejects an action that is not an object", () => {
      const doc = validPipeline();
      doc.stages[2].actions = ["Deploy"];
      const diagnostics = validate(doc, TEST_CONTEXT);
      expect(diagnostics.filter((d) => d.code === "ACT001")).toEqual([
        expect.objectContaining({ path: "stages[2].actions[0]", severity: "error" }),
      ]);
    });
  });

  describe("ACT002 unique names in a stage", () => {
    it("rejects two actions with the same name in one stage", () => {
      const doc = validPipeline();
      doc.stages[1].actions.push(action("Build", "Build", "AWS", "CodeBuild", { inputArtifacts: [{ name: "SourceOutput" }], configuration: { ProjectName: "lint" } }));
      only(validate(doc, TEST_CONTEXT), "ACT002", "stages[1].actions[1].name", "error");
    });
    it("accepts distinct names, and the same name in another stage", () => {
      const doc = validPipeline();
      doc.stages[1].actions.push(action("Lint", "Build", "AWS", "CodeBuild", { inputArtifacts: [{ name: "SourceOutput" }], configuration: { ProjectName: "lint" } }));
      doc.stages[2].actions[0].name = "Build";
      expect(validate(doc, TEST_CONTEXT)).toEqual([]);
    });
    it("does not compare names that break the pattern (ACT001's)", () => {
      const doc = validPipeline();
      doc.stages[1].actions.push(action("Lint", "Build", "AWS", "CodeBuild", { inputArtifacts: [{ name: "SourceOutput" }], configuration: { ProjectName: "lint" } }));
      doc.stages[1].actions[0].name = "Build it";
      doc.stages[1].actions[1].name = "Build it";
      expect(codesOf(validate(doc, TEST_CONTEXT))).toEqual(["ACT001"]);
    });
  });

  describe("ACT003 actionTypeId fields", () => {
    it("rejects a dotted version", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].actionTypeId.version = "1.0.0";
      only(validate(doc, TEST_CONTEXT), "ACT003", `${BUILD}.actionTypeId.version`, "error");
    });
    it("rejects a provider with a space", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].actionTypeId.provider = "Amazon ECR";
      only(validate(doc, TEST_CONTEXT), "ACT003", `${BUILD}.actionTypeId.provider`, "error");
    });
    it("rejects an unknown category and a missing actionTypeId", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].actionTypeId.category = "Building";
      only(validate(doc, TEST_CONTEXT), "ACT003", `${BUILD}.actionTypeId.category`, "error");
      const doc2 = validPipeline();
      delete doc2.stages[1].actions[0].actionTypeId;
      only(validate(doc2, TEST_CONTEXT), "ACT003", `${BUILD}.actionTypeId`, "error");
    });
    it("leaves a wrong-case category to GEN006", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].actionTypeId.category = "build";
      expect(codesOf(validate(doc, TEST_CONTEXT))).toEqual(["GEN006"]);
    });
  });

  describe("ACT004 known action type", () => {
    it("rejects CodeBuild in the Deploy category with a hint", () => {
      const doc = validPipeline();
      doc.stages[2].actions[0].actionTypeId.provider = "CodeBuild";
      const d = only(validate(doc, TEST_CONTEXT), "ACT004", "stages[2].actions[0].actionTypeId", "error");
      expect(d.message).toContain("is not available");
      expect(d.message).toContain("category Build");
    });
    it("rejects an AWS GitHub source", () => {
      const doc = validPipeline();
      doc.stages[0].actions[0].actionTypeId.provider = "GitHub";
      expect(withCode(validate(doc, TEST_CONTEXT), "ACT004")).toEqual([expect.objectContaining({ severity: "error", path: "stages[0].actions[0].actionTypeId" })]);
    });
    it("warns on a custom action type (account-specific)", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].actionTypeId.owner = "Custom";
      doc.stages[1].actions[0].actionTypeId.provider = "MyJenkins";
      only(validate(doc, TEST_CONTEXT), "ACT004", `${BUILD}.actionTypeId`, "warning");
    });
    it("warns on an unverified partner provider", () => {
      const doc = validPipeline();
      doc.stages[2].actions.push(action("Ui", "Test", "ThirdParty", "GhostInspector", { runOrder: 2, inputArtifacts: [{ name: "BuildOutput" }] }));
      only(validate(doc, TEST_CONTEXT), "ACT004", "stages[2].actions[1].actionTypeId", "warning");
    });
  });

  describe("ACT005 AWS provider version", () => {
    it("rejects CodeBuild version 2", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].actionTypeId.version = "2";
      only(validate(doc, TEST_CONTEXT), "ACT005", `${BUILD}.actionTypeId.version`, "error");
    });
  });

  describe("ACT006 regional availability", () => {
    it("warns on a connection source in a region without connections", () => {
      const diagnostics = withCode(validate(connectionSourcePipeline(), { region: "ap-southeast-4" }), "ACT006");
      expect(diagnostics).toEqual([expect.objectContaining({ severity: "warning", path: "stages[0].actions[0].actionTypeId.provider" })]);
      expect(withCode(validate(connectionSourcePipeline(), { region: "us-gov-west-1" }), "ACT006")).toHaveLength(1);
    });
    it("accepts a connection source in us-east-1 and skips without a region", () => {
      expect(validate(connectionSourcePipeline(), TEST_CONTEXT)).toEqual([]);
      expect(withCode(validate(connectionSourcePipeline(), {}), "ACT006")).toEqual([]);
    });
    it("warns on Device Farm outside us-west-2 and accepts it there", () => {
      const doc = validPipeline();
      doc.stages[2].actions.push(
        action("Devices", "Test", "AWS", "DeviceFarm", {
          runOrder: 2,
          inputArtifacts: [{ name: "BuildOutput" }],
          configuration: { AppType: "Android", ProjectId: "p", App: "app.apk", AppiumVersion: "1", DevicePoolArn: "arn:aws:devicefarm:us-west-2:123456789012:devicepool:x", TestType: "BUILTIN_FUZZ" },
        }),
      );
      expect(withCode(validate(doc, TEST_CONTEXT), "ACT006")).toHaveLength(1);
      expect(withCode(validate(doc, { region: "us-west-2" }), "ACT006")).toEqual([]);
    });
  });

  describe("ACT007 runOrder range", () => {
    it("rejects 0 and 1000", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].runOrder = 0;
      only(validate(doc, TEST_CONTEXT), "ACT007", `${BUILD}.runOrder`, "error");
      doc.stages[1].actions[0].runOrder = 1000;
      only(validate(doc, TEST_CONTEXT), "ACT007", `${BUILD}.runOrder`, "error");
    });
    it("leaves fractions to GEN002", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].runOrder = 1.5;
      expect(codesOf(validate(doc, TEST_CONTEXT))).toEqual(["GEN002"]);
    });
  });

  describe("ACT008 implicit runOrder", () => {
    it("warns on an action without runOrder beside explicit ones", () => {
      const doc = withCommands();
      delete doc.stages[1].actions[0].runOrder;
      only(validate(doc, TEST_CONTEXT), "ACT008", `${BUILD}.runOrder`, "warning");
    });
    it("is silent when no action sets runOrder > 1", () => {
      const doc = validPipeline();
      delete doc.stages[1].actions[0].runOrder;
      expect(validate(doc, TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("ACT009 cross-region restrictions", () => {
    it("rejects a cross-region source action", () => {
      const doc = validPipeline();
      doc.stages[0].actions[0].region = "eu-west-1";
      only(validate(doc, TEST_CONTEXT), "ACT009", "stages[0].actions[0].region", "error");
    });
    it("accepts region equal to the pipeline region", () => {
      const doc = validPipeline();
      doc.stages[0].actions[0].region = "us-east-1";
      expect(validate(doc, TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("ACT010 region format", () => {
    it("rejects a short region and a region without CodePipeline", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].region = "eu";
      only(validate(doc, TEST_CONTEXT), "ACT010", `${BUILD}.region`, "error");
      doc.stages[1].actions[0].region = "af-south-1";
      expect(withCode(validate(doc, TEST_CONTEXT), "ACT010")).toEqual([expect.objectContaining({ severity: "error", path: `${BUILD}.region` })]);
    });
    it("rejects a region in another partition", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].region = "cn-north-1";
      expect(withCode(validate(doc, TEST_CONTEXT), "ACT010")).toEqual([expect.objectContaining({ path: `${BUILD}.region` })]);
    });
    it("rejects a non-string region", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].region = 42;
      only(validate(doc, TEST_CONTEXT), "ACT010", `${BUILD}.region`, "error");
    });
  });

  describe("ACT011 action role", () => {
    it("rejects a malformed role ARN", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].roleArn = "arn:aws:iam::123:role/x";
      only(validate(doc, TEST_CONTEXT), "ACT011", `${BUILD}.roleArn`, "error");
    });
    it("rejects a role on a custom action", () => {
      const doc = validPipeline();
      Object.assign(doc.stages[1].actions[0].actionTypeId, { owner: "Custom", provider: "MyJenkins" });
      doc.stages[1].actions[0].configuration = { ProjectName: "web" };
      doc.stages[1].actions[0].roleArn = "arn:aws:iam::123456789012:role/x";
      expect(withCode(validate(doc, TEST_CONTEXT), "ACT011")).toEqual([expect.objectContaining({ severity: "error", path: `${BUILD}.roleArn` })]);
    });
    it("accepts a valid role on an AWS action", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].roleArn = "arn:aws:iam::123456789012:role/build";
      expect(withCode(validate(doc, TEST_CONTEXT), "ACT011")).toEqual([]);
    });
  });

  describe("ACT012 timeoutInMinutes", () => {
    it("rejects a timeout on a CodeBuild action", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].timeoutInMinutes = 60;
      only(validate(doc, TEST_CONTEXT), "ACT012", `${BUILD}.timeoutInMinutes`, "error");
    });
    it("rejects an approval timeout below 5 minutes", () => {
      only(validate(withApprovalStage({ timeoutInMinutes: 1 }), TEST_CONTEXT), "ACT012", "stages[2].actions[0].timeoutInMinutes", "error");
    });
  });

  describe("ACT013 commands only on Compute", () => {
    it("rejects commands on CodeBuild", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].commands = ["make"];
      const d = only(validate(doc, TEST_CONTEXT), "ACT013", `${BUILD}.commands`, "error");
      expect(d.message).toContain("cannot contain a commands field: Build");
    });
  });

  describe("ACT014 Commands needs commands", () => {
    it("requires commands", () => {
      const doc = withCommands();
      delete doc.stages[1].actions[1].commands;
      only(validate(doc, TEST_CONTEXT), "ACT014", "stages[1].actions[1].commands", "error");
    });
    it("rejects multi-line commands and more than 50", () => {
      only(validate(withCommands({ commands: ["set -e\nmake"] }), TEST_CONTEXT), "ACT014", "stages[1].actions[1].commands[0]", "error");
      only(validate(withCommands({ commands: Array.from({ length: 51 }, (_, i) => `echo ${i}`) }), TEST_CONTEXT), "ACT014", "stages[1].actions[1].commands", "error");
    });
  });

  describe("ACT015 outputVariables", () => {
    it("warns on outputVariables of a CodeBuild action", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].outputVariables = ["VERSION"];
      only(validate(doc, TEST_CONTEXT), "ACT015", `${BUILD}.outputVariables`, "warning");
    });
    it("rejects 16 output variables and a 129-character name", () => {
      only(validate(withCommands({ outputVariables: Array.from({ length: 16 }, (_, i) => `V${i}`) }), TEST_CONTEXT), "ACT015", "stages[1].actions[1].outputVariables", "error");
      only(validate(withCommands({ outputVariables: ["V".repeat(129)] }), TEST_CONTEXT), "ACT015", "stages[1].actions[1].outputVariables[0]", "error");
    });
    it("accepts outputVariables on Commands", () => {
      expect(validate(withCommands({ outputVariables: ["VERSION"] }), TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("ACT016 environmentVariables", () => {
    it("rejects a hyphenated name", () => {
      only(validate(withCommands({ environmentVariables: [{ name: "MY-VAR", value: "x" }] }), TEST_CONTEXT), "ACT016", "stages[1].actions[1].environmentVariables[0].name", "error");
    });
    it("rejects an unknown type and more than 10 entries", () => {
      only(validate(withCommands({ environmentVariables: [{ name: "A", value: "x", type: "SECRET" }] }), TEST_CONTEXT), "ACT016", "stages[1].actions[1].environmentVariables[0].type", "error");
      const many = Array.from({ length: 11 }, (_, i) => ({ name: `V${i}`, value: "x" }));
      only(validate(withCommands({ environmentVariables: many }), TEST_CONTEXT), "ACT016", "stages[1].actions[1].environmentVariables", "error");
    });
    it("warns on environmentVariables of a CodeBuild action", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].environmentVariables = [{ name: "A", value: "x" }];
      only(validate(doc, TEST_CONTEXT), "ACT016", `${BUILD}.environmentVariables`, "warning");
    });
    it("accepts SECRETS_MANAGER on Commands", () => {
      expect(validate(withCommands({ environmentVariables: [{ name: "TOKEN", value: "prod/token", type: "SECRETS_MANAGER" }] }), TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("ACT017 Manual approval shape", () => {
    it("warns on a NotificationArn that is not an SNS topic ARN", () => {
      only(validate(withApprovalStage({ configuration: { NotificationArn: "my-topic" } }), TEST_CONTEXT), "ACT017", "stages[2].actions[0].configuration.NotificationArn", "warning");
    });
    it("warns on an ExternalEntityLink that is not a URL", () => {
      only(validate(withApprovalStage({ configuration: { ExternalEntityLink: "example.com/review" } }), TEST_CONTEXT), "ACT017", "stages[2].actions[0].configuration.ExternalEntityLink", "warning");
    });
    it("accepts a topic ARN and a URL", () => {
      const doc = withApprovalStage({
        configuration: { NotificationArn: "arn:aws:sns:us-east-1:123456789012:approvals", ExternalEntityLink: "https://example.com/review" },
      });
      expect(validate(doc, TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("ACT018 discontinued / deprecated providers", () => {
    it("rejects a Snyk action", () => {
      const doc = validPipeline();
      doc.stages[1].actions.push(action("Scan", "Invoke", "ThirdParty", "Snyk", { runOrder: 2, inputArtifacts: [{ name: "SourceOutput" }], outputArtifacts: [{ name: "ScanOut" }] }));
      doc.stages[2].actions[0].inputArtifacts.push({ name: "ScanOut" });
      only(validate(doc, TEST_CONTEXT), "ACT018", "stages[1].actions[1].actionTypeId.provider", "error");
    });
    it("warns on OpsWorks", () => {
      const doc = validPipeline();
      doc.stages[2].actions[0] = action("Deploy", "Deploy", "AWS", "OpsWorks", { inputArtifacts: [{ name: "BuildOutput" }], configuration: { Stack: "s", App: "a" } });
      only(validate(doc, TEST_CONTEXT), "ACT018", "stages[2].actions[0].actionTypeId.provider", "warning");
    });
    it("warns on GitHub version 1", () => {
      const doc = validPipeline();
      doc.stages[0].actions[0] = action("Source", "Source", "ThirdParty", "GitHub", {
        outputArtifacts: [{ name: "SourceOutput" }],
        namespace: "SourceVariables",
        configuration: { Owner: "acme", Repo: "web-app", Branch: "main", OAuthToken: "ghp_x", PollForSourceChanges: "false" },
      });
      expect(withCode(validate(doc, TEST_CONTEXT), "ACT018")).toEqual([expect.objectContaining({ severity: "warning", path: "stages[0].actions[0].actionTypeId.provider" })]);
    });
    it("warns on CodeCommit only when the design introduces it", () => {
      expect(withCode(validate(validPipeline(), { region: "us-east-1", operation: "create" }), "ACT018")).toHaveLength(1);
      const deployed = validPipeline();
      expect(withCode(validate(validPipeline(), { region: "us-east-1", operation: "update", deployed }), "ACT018")).toEqual([]);
      expect(withCode(validate(validPipeline(), { region: "us-east-1", operation: "update", deployed: { pipeline: deployed } }), "ACT018")).toEqual([]);
    });
  });

  describe("ACT019 masked secrets on new actions", () => {
    function gitHubV1(): Mutable {
      const doc = validPipeline();
      doc.stages[0].actions[0] = action("Source", "Source", "ThirdParty", "GitHub", {
        outputArtifacts: [{ name: "SourceOutput" }],
        configuration: { Owner: "acme", Repo: "web-app", Branch: "main", OAuthToken: "****", PollForSourceChanges: "false" },
      });
      doc.stages[1].actions[0].configuration = { ProjectName: "web-app-build" };
      return doc;
    }
    it("rejects **** on create", () => {
      const found = withCode(validate(gitHubV1(), { region: "us-east-1", operation: "create" }), "ACT019");
      expect(found).toEqual([expect.objectContaining({ severity: "error", path: "stages[0].actions[0].configuration.OAuthToken" })]);
      expect(found[0]!.message).toContain('"****" may be used in secret properties only when updating an existing action.');
    });
    it("accepts **** on an existing action, and rejects it once the stage is renamed", () => {
      const deployed = gitHubV1();
      expect(withCode(validate(gitHubV1(), { region: "us-east-1", operation: "update", deployed }), "ACT019")).toEqual([]);
      const renamed = gitHubV1();
      renamed.stages[0].name = "Checkout";
      expect(withCode(validate(renamed, { region: "us-east-1", operation: "update", deployed }), "ACT019")).toHaveLength(1);
    });
    it("skips when it cannot tell new from existing", () => {
      expect(withCode(validate(gitHubV1(), { region: "us-east-1", operation: "update" }), "ACT019")).toEqual([]);
    });
  });
});

describe("ACT / ART / CFG rules are total", () => {
  const mine = [...actionsRules, ...artifactsRules, ...configurationRules, ...configurationConditionalRules];
  const contexts: ValidationContext[] = [
    TEST_CONTEXT,
    {},
    { region: "cn-north-1", operation: "create" },
    { region: "us-east-1", operation: "update", deployed: validPipeline() },
    { region: "us-east-1", operation: "update", deployed: [1, 2] as unknown },
  ];
  const noInternalError = (doc: unknown) => {
    for (const context of contexts) {
      const internal = runRules(mine, doc, context).filter((d) => d.code === "PW000");
      expect(internal).toEqual([]);
    }
  };

  it("never throw on arbitrary JSON", () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => noInternalError(value)), { numRuns: 300 });
  });

  it("never throw when any member of a rich pipeline is replaced by arbitrary values", () => {
    const rich = (): Mutable => {
      const doc = validPipeline();
      doc.stages[1].actions.push(action("Test", "Compute", "AWS", "Commands", { runOrder: 2, inputArtifacts: [{ name: "SourceOutput" }], commands: ["make"], outputVariables: ["V"], environmentVariables: [{ name: "A", value: "b" }] }));
      doc.stages[2].actions.push(action("Ecs", "Deploy", "AWS", "CodeDeployToECS", { runOrder: 2, inputArtifacts: [{ name: "BuildOutput" }], configuration: { Image1ArtifactName: "BuildOutput" } }));
      doc.stages[2].actions.push(action("Lambda", "Deploy", "AWS", "Lambda", { runOrder: 2, configuration: { FunctionName: "f", DeployStrategy: "Linear10PercentEvery1Minute" } }));
      doc.stages[2].beforeEntry = { conditions: [{ result: "FAIL", rules: [{ name: "r", ruleTypeId: { category: "Rule", provider: "CodeBuild" }, inputArtifacts: [{ name: "SourceOutput" }] }] }] };
      return doc;
    };
    const paths: string[][] = [];
    const collect = (value: unknown, path: string[]) => {
      paths.push(path);
      if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) collect(v, [...path, k]);
    };
    collect(rich(), []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue(), (path, replacement) => {
        const doc = rich();
        let target = doc;
        for (const key of path.slice(0, -1)) target = target[key];
        target[path.at(-1)!] = replacement;
        noInternalError(doc);
      }),
      { numRuns: 1500 },
    );
    // 1,500 full validations: seconds on a busy CI machine, beyond vitest's 5 s default.
  }, 30_000);
});
