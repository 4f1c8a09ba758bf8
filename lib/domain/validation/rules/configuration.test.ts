import { describe, expect, it } from "vitest";
import { validate } from "../validate";
import { codesOf, TEST_CONTEXT, validPipeline, type Mutable } from "../testing/fixtures";
import { only } from "../testing/expect";

const SOURCE = "stages[0].actions[0].configuration";
const BUILD = "stages[1].actions[0].configuration";
const DEPLOY = "stages[2].actions[0].configuration";

function s3Source(configuration: Mutable): Mutable {
  const doc = validPipeline();
  doc.stages[0].actions[0].actionTypeId.provider = "S3";
  doc.stages[0].actions[0].configuration = configuration;
  doc.stages[1].actions[0].configuration = { ProjectName: "web-app-build", EnvironmentVariables: '[{"name":"V","value":"#{SourceVariables.VersionId}"}]' };
  return doc;
}

describe("CFG rules", () => {
  it("are silent on the valid pipeline", () => {
    expect(validate(validPipeline(), TEST_CONTEXT)).toEqual([]);
  });

  describe("CFG001 key/value limits", () => {
    it("rejects a value over 1000 characters, counting references as written", () => {
      const doc = validPipeline();
      doc.stages[2].actions[0].configuration.ParameterOverrides = JSON.stringify({ A: "#{SourceVariables.CommitId}".repeat(40) });
      const d = only(validate(doc, TEST_CONTEXT), "CFG001", `${DEPLOY}.ParameterOverrides`, "error");
      expect(d!.message).toContain("less than or equal to 1000");
    });
    it("accepts exactly 1000 characters", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].configuration.BuildspecOverride = "x".repeat(1000);
      expect(validate(doc, TEST_CONTEXT)).toEqual([]);
    });
    it("rejects a key over 50 characters", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].configuration["K".repeat(51)] = "v";
      only(validate(doc, TEST_CONTEXT), "CFG001", `${BUILD}.${"K".repeat(51)}`, "error");
    });
    it("rejects a configuration that is not an object", () => {
      const doc = validPipeline();
      doc.stages[2].actions[0].configuration = [["StackName", "x"]];
      only(validate(doc, TEST_CONTEXT), "CFG001", DEPLOY, "error");
    });
  });

  describe("CFG002 required keys", () => {
    it("rejects CodeBuild without ProjectName", () => {
      const doc = validPipeline();
      delete doc.stages[1].actions[0].configuration.ProjectName;
      only(validate(doc, TEST_CONTEXT), "CFG002", `${BUILD}.ProjectName`, "error");
    });
    it("rejects an S3 source without S3ObjectKey", () => {
      const doc = s3Source({ S3Bucket: "b", PollForSourceChanges: "false" });
      only(validate(doc, TEST_CONTEXT), "CFG002", `${SOURCE}.S3ObjectKey`, "error");
    });
    it("leaves an empty required value to GEN004", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].configuration.ProjectName = "";
      expect(codesOf(validate(doc, TEST_CONTEXT))).toEqual(["GEN004"]);
    });
  });

  describe("CFG003 unknown keys", () => {
    it("warns on Branch on CodeCommit and suggests BranchName", () => {
      const doc = validPipeline();
      doc.stages[0].actions[0].configuration.Branch = "main";
      const d = only(validate(doc, TEST_CONTEXT), "CFG003", `${SOURCE}.Branch`, "warning");
      expect(d!.message).toContain("BranchName");
    });
    it("points out a case mistake", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].configuration.projectName = "x";
      const d = only(validate(doc, TEST_CONTEXT), "CFG003", `${BUILD}.projectName`, "warning");
      expect(d!.message).toContain("case-sensitive");
    });
    it("leaves Image5ArtifactName to CFG005g", () => {
      const doc = validPipeline();
      doc.stages[2].actions[0] = {
        name: "Deploy",
        actionTypeId: { category: "Deploy", owner: "AWS", provider: "CodeDeployToECS", version: "1" },
        inputArtifacts: [{ name: "BuildOutput" }],
        configuration: {
          ApplicationName: "a", DeploymentGroupName: "g", TaskDefinitionTemplateArtifact: "BuildOutput",
          AppSpecTemplateArtifact: "BuildOutput", Image5ArtifactName: "BuildOutput", Image5ContainerName: "web",
        },
      };
      expect(codesOf(validate(doc, TEST_CONTEXT))).toEqual(["CFG005g"]);
    });
  });

  describe("CFG004 allowed values", () => {
    it("warns on an unknown ActionMode", () => {
      const doc = validPipeline();
      doc.stages[2].actions[0].configuration.ActionMode = "CREATE_OR_UPDATE";
      only(validate(doc, TEST_CONTEXT), "CFG004", `${DEPLOY}.ActionMode`, "warning");
    });
    it("warns on Capabilities with a space, and accepts the comma list", () => {
      const doc = validPipeline();
      doc.stages[2].actions[0].configuration.Capabilities = "CAPABILITY_IAM, CAPABILITY_AUTO_EXPAND";
      const d = only(validate(doc, TEST_CONTEXT), "CFG004", `${DEPLOY}.Capabilities`, "warning");
      expect(d!.message).toContain("without spaces");
      doc.stages[2].actions[0].configuration.Capabilities = "CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND";
      expect(validate(doc, TEST_CONTEXT)).toEqual([]);
    });
    it("warns on a wrong-case boolean (catalog values are not model enums)", () => {
      const doc = validPipeline();
      doc.stages[0].actions[0].configuration.PollForSourceChanges = "False";
      const d = only(validate(doc, TEST_CONTEXT), "CFG004", `${SOURCE}.PollForSourceChanges`, "warning");
      expect(d!.message).toContain("case-sensitive");
    });
    it("skips values with variable references", () => {
      const doc = validPipeline();
      doc.stages[2].actions[0].configuration.Capabilities = "#{SourceVariables.Caps}";
      expect(codesOf(validate(doc, TEST_CONTEXT))).not.toContain("CFG004");
    });
  });

  describe("CFG006 polling sources", () => {
    it("warns on a CodeCommit source that omits PollForSourceChanges", () => {
      const doc = validPipeline();
      delete doc.stages[0].actions[0].configuration.PollForSourceChanges;
      only(validate(doc, TEST_CONTEXT), "CFG006", `${SOURCE}.PollForSourceChanges`, "warning");
    });
    it("warns on an S3 source that polls, and not when it does not", () => {
      only(validate(s3Source({ S3Bucket: "b", S3ObjectKey: "app.zip" }), TEST_CONTEXT), "CFG006", `${SOURCE}.PollForSourceChanges`, "warning");
      only(validate(s3Source({ S3Bucket: "b", S3ObjectKey: "app.zip", PollForSourceChanges: "true" }), TEST_CONTEXT), "CFG006", `${SOURCE}.PollForSourceChanges`, "warning");
      expect(validate(s3Source({ S3Bucket: "b", S3ObjectKey: "app.zip", PollForSourceChanges: "false" }), TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("CFG007 custom queryable values", () => {
    function jenkins(projectName: string): Mutable {
      const doc = validPipeline();
      doc.stages[1].actions[0].actionTypeId = { category: "Build", owner: "Custom", provider: "MyJenkins", version: "1" };
      doc.stages[1].actions[0].configuration = { ProjectName: projectName, Other: "#{SourceVariables.CommitId}" };
      return doc;
    }
    it("rejects a queryable value with spaces and slashes", () => {
      const found = validate(jenkins("my project/build"), TEST_CONTEXT).filter((d) => d.code === "CFG007");
      expect(found).toEqual([expect.objectContaining({ severity: "error", path: `${BUILD}.ProjectName` })]);
    });
    it("accepts a short identifier", () => {
      expect(codesOf(validate(jenkins("web-app_build"), TEST_CONTEXT))).toEqual(["ACT004"]);
    });
  });
});
