import { describe, expect, it } from "vitest";
import { validate } from "../validate";
import { TEST_CONTEXT, validPipeline, type Mutable } from "../testing/fixtures";
import { only, withCode } from "../testing/expect";

function action(name: string, category: string, owner: string, provider: string, extra: Mutable = {}): Mutable {
  return { name, actionTypeId: { category, owner, provider, version: "1" }, runOrder: 1, ...extra };
}

function codeBuild(name: string, extra: Mutable = {}): Mutable {
  return action(name, "Build", "AWS", "CodeBuild", { configuration: { ProjectName: name.toLowerCase() }, ...extra });
}

const BUILD = "stages[1].actions[0]";
const DEPLOY = "stages[2].actions[0]";

describe("ART rules", () => {
  it("are silent on the valid pipeline", () => {
    expect(validate(validPipeline(), TEST_CONTEXT)).toEqual([]);
  });

  describe("ART001 artifact name format", () => {
    it("rejects dots in input and output names", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].outputArtifacts[0].name = "Build.Output";
      doc.stages[2].actions[0].inputArtifacts[0].name = "Build.Output";
      doc.stages[2].actions[0].configuration.TemplatePath = "Build.Output::template.yaml";
      const diagnostics = validate(doc, TEST_CONTEXT);
      only(diagnostics, "ART001", `${BUILD}.outputArtifacts[0].name`, "error");
      expect(diagnostics.map((d) => d.path)).toContain(`${DEPLOY}.inputArtifacts[0].name`);
    });
    it("rejects a bare string entry and a missing name", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].inputArtifacts = ["SourceOutput"];
      only(validate(doc, TEST_CONTEXT), "ART001", `${BUILD}.inputArtifacts[0]`, "error");
      const doc2 = validPipeline();
      doc2.stages[2].actions[0].outputArtifacts = [{}];
      doc2.stages[2].actions[0].configuration.OutputFileName = "out.json";
      only(validate(doc2, TEST_CONTEXT), "ART001", `${DEPLOY}.outputArtifacts[0].name`, "error");
    });
    it("rejects a list that is not a list", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].inputArtifacts = "SourceOutput";
      only(validate(doc, TEST_CONTEXT), "ART001", `${BUILD}.inputArtifacts`, "error");
    });
  });

  describe("ART002 unique output names", () => {
    it("rejects a second producer of BuildOutput", () => {
      const doc = validPipeline();
      doc.stages[1].actions.push(codeBuild("Lint", { inputArtifacts: [{ name: "SourceOutput" }], outputArtifacts: [{ name: "BuildOutput" }] }));
      const d = only(validate(doc, TEST_CONTEXT), "ART002", "stages[1].actions[1].outputArtifacts[0].name", "error");
      expect(d!.message).toContain("Output Artifact Bundle name must be unique within the pipeline");
    });
  });

  describe("ART003 artifact counts", () => {
    it("rejects an approval with an input artifact", () => {
      const doc = validPipeline();
      doc.stages.splice(2, 0, { name: "Approve", actions: [action("Approve", "Approval", "AWS", "Manual", { inputArtifacts: [{ name: "SourceOutput" }] })] });
      const d = only(validate(doc, TEST_CONTEXT), "ART003", "stages[2].actions[0].inputArtifacts", "error");
      expect(d!.message).toContain("declares 1 input artifacts which is greater than the maximum count (0)");
    });
    it("rejects CodeBuild without input", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].inputArtifacts = [];
      const found = withCode(validate(doc, TEST_CONTEXT), "ART003");
      expect(found).toEqual([expect.objectContaining({ severity: "error", path: `${BUILD}.inputArtifacts` })]);
      expect(found[0]!.message).toContain("declares 0 input artifacts which is less than the minimum count (1)");
    });
    it("warns outside the narrower documented bound (StackInstances with 3 inputs)", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].outputArtifacts.push({ name: "Params" });
      doc.stages[2].actions.push(
        action("Instances", "Deploy", "AWS", "CloudFormationStackInstances", {
          inputArtifacts: [{ name: "SourceOutput" }, { name: "BuildOutput" }, { name: "Params" }],
          configuration: { StackSetName: "web", Regions: "us-east-1", DeploymentTargets: "123456789012" },
        }),
      );
      only(validate(doc, TEST_CONTEXT), "ART003", "stages[2].actions[1].inputArtifacts", "warning");
      doc.stages[2].actions[1].inputArtifacts.pop();
      doc.stages[2].actions[0].inputArtifacts.push({ name: "Params" });
      expect(validate(doc, TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("ART004 inputs produced earlier", () => {
    it("ART004a: nobody produces it", () => {
      const doc = validPipeline();
      doc.stages[2].actions[0].inputArtifacts.push({ name: "Missing" });
      only(validate(doc, TEST_CONTEXT), "ART004a", `${DEPLOY}.inputArtifacts[1].name`, "error");
    });
    it("ART004b: CodeBuild in stage 1 reads an artifact only a later stage produces", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].inputArtifacts = [{ name: "StackOutput" }, { name: "SourceOutput" }];
      doc.stages[1].actions[0].configuration.PrimarySource = "SourceOutput";
      doc.stages[2].actions[0].outputArtifacts = [{ name: "StackOutput" }];
      doc.stages[2].actions[0].configuration.OutputFileName = "outputs.json";
      const d = only(validate(doc, TEST_CONTEXT), "ART004b", "stages[1].actions[0].inputArtifacts[0].name", "error");
      expect(d!.message).toContain("later stage");
    });
    it("ART004c: produced in the same stage at the same runOrder; fine at a higher runOrder", () => {
      const doc = validPipeline();
      doc.stages[1].actions.push(codeBuild("Package", { inputArtifacts: [{ name: "BuildOutput" }] }));
      const d = only(validate(doc, TEST_CONTEXT), "ART004c", "stages[1].actions[1].inputArtifacts[0].name", "error");
      expect(d!.message).toContain("runOrder");
      doc.stages[1].actions[1].runOrder = 2;
      expect(validate(doc, TEST_CONTEXT)).toEqual([]);
    });
    it("ART004d: an action consumes its own output", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].inputArtifacts.push({ name: "BuildOutput" });
      doc.stages[1].actions[0].configuration.PrimarySource = "SourceOutput";
      only(validate(doc, TEST_CONTEXT), "ART004d", `${BUILD}.inputArtifacts[1].name`, "error");
    });
    it("gives distinct messages per sub-case", () => {
      const messages = new Set<string>();
      const a = validPipeline();
      a.stages[2].actions[0].inputArtifacts.push({ name: "Missing" });
      const c = validPipeline();
      c.stages[1].actions.push(codeBuild("Package", { inputArtifacts: [{ name: "BuildOutput" }] }));
      for (const doc of [a, c]) for (const d of validate(doc, TEST_CONTEXT)) messages.add(d.message.split(" ").slice(-6).join(" "));
      expect(messages.size).toBe(2);
    });
  });

  describe("ART005 duplicate inputs", () => {
    it("rejects the same input twice (without a PrimarySource cascade)", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].inputArtifacts.push({ name: "SourceOutput" });
      only(validate(doc, TEST_CONTEXT), "ART005", `${BUILD}.inputArtifacts[1].name`, "error");
    });
  });

  describe("ART006 files only on Compute outputs", () => {
    it("rejects files on a CodeBuild output", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].outputArtifacts[0].files = ["**/*"];
      only(validate(doc, TEST_CONTEXT), "ART006", `${BUILD}.outputArtifacts[0].files`, "error");
    });
    it("rejects 11 files on a Commands output and accepts 1", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0] = action("Build", "Compute", "AWS", "Commands", {
        inputArtifacts: [{ name: "SourceOutput" }],
        outputArtifacts: [{ name: "BuildOutput", files: Array.from({ length: 11 }, (_, i) => `f${i}`) }],
        commands: ["make COMMIT=#{SourceVariables.CommitId}"],
      });
      only(validate(doc, TEST_CONTEXT), "ART006", `${BUILD}.outputArtifacts[0].files`, "error");
      doc.stages[1].actions[0].outputArtifacts[0].files = ["dist/**"];
      expect(validate(doc, TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("ART007 unused outputs", () => {
    it("warns on an output nothing consumes", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].outputArtifacts.push({ name: "Reports" });
      only(validate(doc, TEST_CONTEXT), "ART007", `${BUILD}.outputArtifacts[1].name`, "warning");
    });
    it("counts stage-condition rule inputs as consumers", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].outputArtifacts.push({ name: "Reports" });
      doc.stages[2].beforeEntry = {
        conditions: [
          {
            result: "FAIL",
            rules: [
              {
                name: "Tests",
                ruleTypeId: { category: "Rule", owner: "AWS", provider: "CodeBuild", version: "1" },
                configuration: { ProjectName: "check" },
                inputArtifacts: [{ name: "Reports" }],
              },
            ],
          },
        ],
      };
      expect(withCode(validate(doc, TEST_CONTEXT), "ART007")).toEqual([]);
    });
  });

  describe("ART008 clone-ref artifacts", () => {
    it("warns when a non-CodeBuild action consumes a CODEBUILD_CLONE_REF output", () => {
      const doc = validPipeline();
      doc.stages[0].actions[0].configuration.OutputArtifactFormat = "CODEBUILD_CLONE_REF";
      doc.stages[2].actions.push(action("Notify", "Invoke", "AWS", "Lambda", { inputArtifacts: [{ name: "SourceOutput" }], configuration: { FunctionName: "notify" } }));
      only(validate(doc, TEST_CONTEXT), "ART008", "stages[2].actions[1].inputArtifacts[0].name", "warning");
    });
    it("accepts CodeBuild consumers", () => {
      const doc = validPipeline();
      doc.stages[0].actions[0].configuration.OutputArtifactFormat = "CODEBUILD_CLONE_REF";
      expect(validate(doc, TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("ART009 CodeBuild multi-output names", () => {
    it("warns on hyphenated names with two outputs", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].outputArtifacts = [{ name: "web-app" }, { name: "api-app" }];
      doc.stages[2].actions[0].inputArtifacts = [{ name: "web-app" }, { name: "api-app" }];
      doc.stages[2].actions[0].configuration.TemplatePath = "web-app::template.yaml";
      const diagnostics = validate(doc, TEST_CONTEXT);
      only(diagnostics, "ART009", `${BUILD}.outputArtifacts[0].name`, "warning");
      expect(diagnostics).toHaveLength(2);
    });
    it("accepts a single hyphenated output", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].outputArtifacts = [{ name: "web-app" }];
      doc.stages[2].actions[0].inputArtifacts = [{ name: "web-app" }];
      doc.stages[2].actions[0].configuration.TemplatePath = "web-app::template.yaml";
      expect(validate(doc, TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("ART010 CloudFormation OutputFileName", () => {
    it("warns on OutputFileName without an output artifact", () => {
      const doc = validPipeline();
      doc.stages[2].actions[0].configuration.OutputFileName = "outputs.json";
      only(validate(doc, TEST_CONTEXT), "ART010", `${DEPLOY}.configuration.OutputFileName`, "warning");
    });
    it("warns on an output artifact without OutputFileName", () => {
      const doc = validPipeline();
      doc.stages[2].actions[0].outputArtifacts = [{ name: "StackOut" }];
      expect(withCode(validate(doc, TEST_CONTEXT), "ART010")).toEqual([expect.objectContaining({ path: `${DEPLOY}.outputArtifacts`, severity: "warning" })]);
    });
  });
});
