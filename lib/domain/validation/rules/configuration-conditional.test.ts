import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../diagnostic";
import { validate } from "../validate";
import { codesOf, TEST_CONTEXT, validPipeline, type Mutable } from "../testing/fixtures";
import { onlyCode, withCode } from "../testing/expect";
import { CONDITIONAL_CHECKS, configurationConditionalRules } from "./configuration-conditional";

function action(name: string, category: string, owner: string, provider: string, extra: Mutable = {}): Mutable {
  return { name, actionTypeId: { category, owner, provider, version: "1" }, runOrder: 1, ...extra };
}

/** The valid pipeline with its Deploy action replaced. */
function deploy(provider: string, configuration: Mutable, extra: Mutable = {}): Mutable {
  const doc = validPipeline();
  doc.stages[2].actions[0] = action("Deploy", "Deploy", "AWS", provider, { inputArtifacts: [{ name: "BuildOutput" }], configuration, ...extra });
  return doc;
}

/** The valid pipeline with an extra action in the Deploy stage at runOrder 2. */
function withDeployStageAction(extra: Mutable): Mutable {
  const doc = validPipeline();
  doc.stages[2].actions.push({ runOrder: 2, ...extra });
  return doc;
}

const DEPLOY = "stages[2].actions[0]";
const BUILD = "stages[1].actions[0]";
const cfg = (base: string, key: string) => `${base}.configuration.${key}`;

/** [path, severity] of the findings with `severity`. */
function at(diagnostics: readonly Diagnostic[], severity: "error" | "warning" = "warning"): Array<[string, string]> {
  return diagnostics.map((d) => [d.path, d.severity]).filter(([, s]) => s === severity) as Array<[string, string]>;
}

function paths(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.path).sort();
}

describe("CFG005 conditional requirements", () => {
  it("registers every sub-case a–s as its own code", () => {
    const expected = "abcdefghijklmnopqrs".split("").map((c) => `CFG005${c}`);
    expect(configurationConditionalRules.flatMap((r) => r.codes)).toEqual(expected);
    expect(new Set(CONDITIONAL_CHECKS.map((c) => c.code))).toEqual(new Set(expected));
  });

  it("is silent on the valid pipeline", () => {
    expect(validate(validPipeline(), TEST_CONTEXT)).toEqual([]);
  });

  describe("CFG005a S3 deploy Extract=false needs ObjectKey", () => {
    it("warns without ObjectKey, accepts it with one", () => {
      const d = onlyCode(validate(deploy("S3", { BucketName: "b", Extract: "false" }), TEST_CONTEXT), "CFG005a");
      expect(at(d)).toEqual([[cfg(DEPLOY, "ObjectKey"), "warning"]]);
      expect(validate(deploy("S3", { BucketName: "b", Extract: "false", ObjectKey: "app.zip" }), TEST_CONTEXT)).toEqual([]);
      expect(validate(deploy("S3", { BucketName: "b", Extract: "true" }), TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("CFG005b CodeBuild PrimarySource", () => {
    function twoSources(primary?: string): Mutable {
      const doc = validPipeline();
      doc.stages[0].actions.push(
        action("Libs", "Source", "AWS", "CodeCommit", {
          outputArtifacts: [{ name: "LibsOutput" }],
          configuration: { RepositoryName: "libs", BranchName: "main", PollForSourceChanges: "false" },
        }),
      );
      doc.stages[1].actions[0].inputArtifacts.push({ name: "LibsOutput" });
      if (primary !== undefined) doc.stages[1].actions[0].configuration.PrimarySource = primary;
      return doc;
    }
    it("warns on two inputs without PrimarySource", () => {
      expect(at(onlyCode(validate(twoSources(), TEST_CONTEXT), "CFG005b"))).toEqual([[cfg(BUILD, "PrimarySource"), "warning"]]);
    });
    it("warns on a PrimarySource that is not an input", () => {
      expect(at(onlyCode(validate(twoSources("Source"), TEST_CONTEXT), "CFG005b"))).toEqual([[cfg(BUILD, "PrimarySource"), "warning"]]);
    });
    it("accepts a PrimarySource naming an input", () => {
      expect(validate(twoSources("LibsOutput"), TEST_CONTEXT)).toEqual([]);
    });
    it("applies to CodeBuild stage-condition rules too", () => {
      const doc = validPipeline();
      doc.stages[2].beforeEntry = {
        conditions: [
          {
            result: "FAIL",
            rules: [
              {
                name: "Checks",
                ruleTypeId: { category: "Rule", owner: "AWS", provider: "CodeBuild", version: "1" },
                configuration: { ProjectName: "checks" },
                inputArtifacts: [{ name: "SourceOutput" }, { name: "BuildOutput" }],
              },
            ],
          },
        ],
      };
      expect(paths(withCode(validate(doc, TEST_CONTEXT), "CFG005b"))).toEqual(["stages[2].beforeEntry.conditions[0].rules[0].configuration.PrimarySource"]);
    });
  });

  describe("CFG005c CombineArtifacts needs BatchEnabled", () => {
    it("warns without BatchEnabled and accepts it with", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].configuration.CombineArtifacts = "true";
      expect(at(onlyCode(validate(doc, TEST_CONTEXT), "CFG005c"))).toEqual([[cfg(BUILD, "CombineArtifacts"), "warning"]]);
      doc.stages[1].actions[0].configuration.BatchEnabled = "true";
      expect(validate(doc, TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("CFG005d CloudFormation keys per ActionMode", () => {
    it("warns on CREATE_UPDATE without TemplatePath and RoleArn", () => {
      const doc = deploy("CloudFormation", { ActionMode: "CREATE_UPDATE", StackName: "s" });
      expect(paths(onlyCode(validate(doc, TEST_CONTEXT), "CFG005d"))).toEqual([cfg(DEPLOY, "RoleArn"), cfg(DEPLOY, "TemplatePath")]);
    });
    it("warns on CHANGE_SET_REPLACE without ChangeSetName", () => {
      const doc = validPipeline();
      doc.stages[2].actions[0].configuration.ActionMode = "CHANGE_SET_REPLACE";
      expect(paths(onlyCode(validate(doc, TEST_CONTEXT), "CFG005d"))).toEqual([cfg(DEPLOY, "ChangeSetName")]);
    });
    it("accepts CHANGE_SET_EXECUTE with only a change set name", () => {
      const doc = deploy("CloudFormation", { ActionMode: "CHANGE_SET_EXECUTE", StackName: "s", ChangeSetName: "cs" });
      expect(validate(doc, TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("CFG005e artifact prefixes name inputs", () => {
    it("rejects a TemplatePath from an artifact that is not an input (error)", () => {
      const doc = validPipeline();
      doc.stages[2].actions[0].configuration.TemplatePath = "SourceOutput::template.yaml";
      expect(at(onlyCode(validate(doc, TEST_CONTEXT), "CFG005e"), "error")).toEqual([[cfg(DEPLOY, "TemplatePath"), "error"]]);
    });
    it("rejects a TemplatePath without ::", () => {
      const doc = validPipeline();
      doc.stages[2].actions[0].configuration.TemplatePath = "template.yaml";
      const [d] = onlyCode(validate(doc, TEST_CONTEXT), "CFG005e");
      expect(d).toMatchObject({ path: cfg(DEPLOY, "TemplatePath"), severity: "error" });
      expect(d!.message).toContain('"BuildOutput::template.yaml"');
    });
    it("warns on a TemplateConfiguration from a non-input", () => {
      const doc = validPipeline();
      doc.stages[2].actions[0].configuration.TemplateConfiguration = "SourceOutput::config.json";
      expect(at(onlyCode(validate(doc, TEST_CONTEXT), "CFG005e"))).toEqual([[cfg(DEPLOY, "TemplateConfiguration"), "warning"]]);
    });
    it("checks StackSet Parameters only in the ArtifactName::file form", () => {
      const base = { StackSetName: "web", TemplatePath: "BuildOutput::t.yaml", DeploymentTargets: "111122223333", Regions: "us-east-1" };
      const bad = deploy("CloudFormationStackSet", { ...base, Parameters: "Params::parameters.json" });
      expect(at(onlyCode(validate(bad, TEST_CONTEXT), "CFG005e"))).toEqual([[cfg(DEPLOY, "Parameters"), "warning"]]);
      const shorthand = deploy("CloudFormationStackSet", { ...base, Parameters: "ParameterKey=Env,ParameterValue=prod" });
      expect(validate(shorthand, TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("CFG005f CloudFormation RoleArn", () => {
    it("warns on a RoleArn that is not a role ARN", () => {
      const doc = validPipeline();
      doc.stages[2].actions[0].configuration.RoleArn = "cfn-deploy-role";
      expect(at(onlyCode(validate(doc, TEST_CONTEXT), "CFG005f"))).toEqual([[cfg(DEPLOY, "RoleArn"), "warning"]]);
    });
  });

  describe("CFG005g CodeDeployToECS artifacts", () => {
    const base = { ApplicationName: "a", DeploymentGroupName: "g", TaskDefinitionTemplateArtifact: "BuildOutput", AppSpecTemplateArtifact: "BuildOutput" };
    it("warns on a template artifact that is not an input", () => {
      const doc = deploy("CodeDeployToECS", { ...base, TaskDefinitionTemplateArtifact: "Task" });
      expect(at(onlyCode(validate(doc, TEST_CONTEXT), "CFG005g"))).toEqual([[cfg(DEPLOY, "TaskDefinitionTemplateArtifact"), "warning"]]);
    });
    it("warns on an unpaired image key and on image 5", () => {
      expect(at(onlyCode(validate(deploy("CodeDeployToECS", { ...base, Image1ArtifactName: "BuildOutput" }), TEST_CONTEXT), "CFG005g"))).toEqual([
        [cfg(DEPLOY, "Image1ArtifactName"), "warning"],
      ]);
      expect(at(onlyCode(validate(deploy("CodeDeployToECS", { ...base, Image5ArtifactName: "BuildOutput", Image5ContainerName: "web" }), TEST_CONTEXT), "CFG005g"))).toHaveLength(2);
    });
    it("accepts a complete image pair", () => {
      const doc = deploy("CodeDeployToECS", { ...base, Image1ArtifactName: "BuildOutput", Image1ContainerName: "IMAGE1_NAME" });
      expect(validate(doc, TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("CFG005h Step Functions FilePath", () => {
    const sfn = (configuration: Mutable, inputArtifacts: Mutable[] = [{ name: "BuildOutput" }]) =>
      withDeployStageAction(action("Workflow", "Invoke", "AWS", "StepFunctions", { runOrder: 2, inputArtifacts, configuration }));
    const ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:release";
    it("warns on FilePath without Input", () => {
      expect(at(onlyCode(validate(sfn({ StateMachineArn: ARN, InputType: "FilePath" }), TEST_CONTEXT), "CFG005h"))).toEqual([[cfg("stages[2].actions[1]", "Input"), "warning"]]);
    });
    it("warns on FilePath without an input artifact", () => {
      expect(at(onlyCode(validate(sfn({ StateMachineArn: ARN, InputType: "FilePath", Input: "input.json" }, []), TEST_CONTEXT), "CFG005h"))).toEqual([
        ["stages[2].actions[1].inputArtifacts", "warning"],
      ]);
    });
    it("accepts FilePath with both, and Literal without", () => {
      expect(validate(sfn({ StateMachineArn: ARN, InputType: "FilePath", Input: "input.json" }), TEST_CONTEXT)).toEqual([]);
      expect(validate(sfn({ StateMachineArn: ARN, Input: "{}" }, []), TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("CFG005i StackSet targets and permission model", () => {
    const base = { StackSetName: "web", TemplatePath: "BuildOutput::t.yaml" };
    it("warns on DeploymentTargets without Regions", () => {
      expect(at(onlyCode(validate(deploy("CloudFormationStackSet", { ...base, DeploymentTargets: "111122223333" }), TEST_CONTEXT), "CFG005i"))).toEqual([
        [cfg(DEPLOY, "Regions"), "warning"],
      ]);
    });
    it("leaves a missing required Regions on StackInstances to CFG002", () => {
      const doc = deploy("CloudFormationStackInstances", { StackSetName: "web", DeploymentTargets: "111122223333" });
      expect(codesOf(validate(doc, TEST_CONTEXT))).toEqual(["CFG002"]);
    });
    it("warns on auto-deployment with targets, and on SELF_MANAGED auto-deployment", () => {
      const both = deploy("CloudFormationStackSet", {
        ...base, PermissionModel: "SERVICE_MANAGED", OrganizationsAutoDeployment: "Enabled", DeploymentTargets: "ou-1", Regions: "us-east-1",
      });
      expect(at(onlyCode(validate(both, TEST_CONTEXT), "CFG005i"))).toEqual([[cfg(DEPLOY, "OrganizationsAutoDeployment"), "warning"]]);
      const selfManaged = deploy("CloudFormationStackSet", { ...base, OrganizationsAutoDeployment: "Enabled" });
      expect(at(onlyCode(validate(selfManaged, TEST_CONTEXT), "CFG005i"))).toEqual([[cfg(DEPLOY, "OrganizationsAutoDeployment"), "warning"]]);
    });
    it("warns on ExecutionRoleName with SERVICE_MANAGED", () => {
      const doc = deploy("CloudFormationStackSet", { ...base, PermissionModel: "SERVICE_MANAGED", ExecutionRoleName: "exec", DeploymentTargets: "ou-1", Regions: "us-east-1" });
      expect(at(onlyCode(validate(doc, TEST_CONTEXT), "CFG005i"))).toEqual([[cfg(DEPLOY, "ExecutionRoleName"), "warning"]]);
    });
    it("accepts SERVICE_MANAGED auto-deployment without targets", () => {
      const doc = deploy("CloudFormationStackSet", { ...base, PermissionModel: "SERVICE_MANAGED", OrganizationsAutoDeployment: "Enabled" });
      expect(validate(doc, TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("CFG005j EC2 deploy", () => {
    const base = { InstanceTagKey: "Name", InstanceType: "EC2" };
    it("warns on script mode without TargetDirectory", () => {
      expect(at(onlyCode(validate(deploy("EC2", { ...base, PostScript: "post.sh" }), TEST_CONTEXT), "CFG005j"))).toEqual([[cfg(DEPLOY, "TargetDirectory"), "warning"]]);
    });
    it("warns on MaxBatch 0 and MaxError 150%", () => {
      const doc = deploy("EC2", { ...base, DeploySpec: "deployspec.yaml", MaxBatch: "0", MaxError: "150%" });
      expect(paths(onlyCode(validate(doc, TEST_CONTEXT), "CFG005j"))).toEqual([cfg(DEPLOY, "MaxBatch"), cfg(DEPLOY, "MaxError")]);
    });
    it("accepts spec mode and valid batch sizes", () => {
      expect(validate(deploy("EC2", { ...base, DeploySpec: "deployspec.yaml", MaxBatch: "2", MaxError: "50%" }), TEST_CONTEXT)).toEqual([]);
      expect(validate(deploy("EC2", { ...base, TargetDirectory: "/opt/app", PostScript: "post.sh" }), TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("CFG005k EKS Helm or manifests", () => {
    it("warns when neither is set, when both are, and on a partial Helm set", () => {
      expect(at(onlyCode(validate(deploy("EKS", { ClusterName: "c" }), TEST_CONTEXT), "CFG005k"))).toEqual([[cfg(DEPLOY, "ManifestFiles"), "warning"]]);
      expect(at(onlyCode(validate(deploy("EKS", { ClusterName: "c", ManifestFiles: "k8s.yaml", HelmReleaseName: "r", HelmChartLocation: "chart" }), TEST_CONTEXT), "CFG005k"))).toHaveLength(1);
      expect(at(onlyCode(validate(deploy("EKS", { ClusterName: "c", HelmReleaseName: "r" }), TEST_CONTEXT), "CFG005k"))).toEqual([[cfg(DEPLOY, "HelmChartLocation"), "warning"]]);
    });
    it("accepts manifests, or a complete Helm set", () => {
      expect(validate(deploy("EKS", { ClusterName: "c", ManifestFiles: "k8s.yaml" }), TEST_CONTEXT)).toEqual([]);
      expect(validate(deploy("EKS", { ClusterName: "c", HelmReleaseName: "r", HelmChartLocation: "chart" }), TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("CFG005l Lambda deploy", () => {
    /** Lambda deploy without input artifacts (the build then outputs nothing, so nothing is left unused). */
    function noInput(configuration: Mutable): Mutable {
      const doc = deploy("Lambda", configuration, { inputArtifacts: [] });
      doc.stages[1].actions[0].outputArtifacts = [];
      return doc;
    }
    it("warns without input artifact and PublishedTargetVersion (and not ART003)", () => {
      const doc = noInput({ FunctionName: "f", FunctionAlias: "live" });
      expect(at(onlyCode(validate(doc, TEST_CONTEXT), "CFG005l"))).toEqual([[cfg(DEPLOY, "PublishedTargetVersion"), "warning"]]);
    });
    it("warns on PublishedTargetVersion without FunctionAlias", () => {
      const doc = noInput({ FunctionName: "f", PublishedTargetVersion: "3" });
      expect(at(onlyCode(validate(doc, TEST_CONTEXT), "CFG005l"))).toEqual([[cfg(DEPLOY, "PublishedTargetVersion"), "warning"]]);
    });
    it("warns on a malformed or too slow DeployStrategy and on 11 alarms", () => {
      for (const strategy of ["BlueGreen", "Linear1PercentEvery60Minutes", "Canary0Percent5Minutes"]) {
        const doc = deploy("Lambda", { FunctionName: "f", FunctionAlias: "live", DeployStrategy: strategy });
        expect(at(onlyCode(validate(doc, TEST_CONTEXT), "CFG005l"))).toEqual([[cfg(DEPLOY, "DeployStrategy"), "warning"]]);
      }
      const alarms = Array.from({ length: 11 }, (_, i) => `alarm-${i}`).join(",");
      expect(at(onlyCode(validate(deploy("Lambda", { FunctionName: "f", Alarms: alarms }), TEST_CONTEXT), "CFG005l"))).toEqual([[cfg(DEPLOY, "Alarms"), "warning"]]);
    });
    it("accepts an alias with a valid strategy", () => {
      for (const strategy of ["AllAtOnce", "Canary10Percent5Minutes", "Linear10PercentEvery1Minute", "Linear10PercentEvery3Minutes"]) {
        expect(validate(deploy("Lambda", { FunctionName: "f", FunctionAlias: "live", DeployStrategy: strategy }), TEST_CONTEXT)).toEqual([]);
      }
      expect(validate(noInput({ FunctionName: "f", FunctionAlias: "live", PublishedTargetVersion: "3" }), TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("CFG005m InspectorScan", () => {
    function scan(configuration: Mutable, inputArtifacts: Mutable[]): Mutable {
      const doc = validPipeline();
      doc.stages[1].actions.push(action("Scan", "Invoke", "AWS", "InspectorScan", { runOrder: 2, inputArtifacts, outputArtifacts: [{ name: "Sbom" }], configuration }));
      doc.stages[2].actions[0].inputArtifacts.push({ name: "Sbom" });
      return doc;
    }
    it("warns on ECRImageScan without ECRRepositoryName", () => {
      expect(at(onlyCode(validate(scan({ InspectorRunMode: "ECRImageScan" }, []), TEST_CONTEXT), "CFG005m"))).toEqual([[cfg("stages[1].actions[1]", "ECRRepositoryName"), "warning"]]);
    });
    it("warns on SourceCodeScan without an input artifact", () => {
      expect(at(onlyCode(validate(scan({ InspectorRunMode: "SourceCodeScan" }, []), TEST_CONTEXT), "CFG005m"))).toEqual([["stages[1].actions[1].inputArtifacts", "warning"]]);
    });
    it("accepts each mode with what it needs", () => {
      expect(validate(scan({ InspectorRunMode: "ECRImageScan", ECRRepositoryName: "web" }, []), TEST_CONTEXT)).toEqual([]);
      expect(validate(scan({ InspectorRunMode: "SourceCodeScan" }, [{ name: "SourceOutput" }]), TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("CFG005n Service Catalog", () => {
    it("warns on a partial template key set", () => {
      const doc = deploy("ServiceCatalog", { ProductId: "prod-1", TemplateFilePath: "t.json" });
      expect(paths(onlyCode(validate(doc, TEST_CONTEXT), "CFG005n"))).toEqual([cfg(DEPLOY, "ProductType"), cfg(DEPLOY, "ProductVersionName")]);
    });
    it("warns when both forms are mixed", () => {
      const doc = deploy("ServiceCatalog", { ProductId: "prod-1", ConfigurationFilePath: "sc.json", ProductType: "CLOUD_FORMATION_TEMPLATE" });
      expect(at(onlyCode(validate(doc, TEST_CONTEXT), "CFG005n"))).toEqual([[cfg(DEPLOY, "ConfigurationFilePath"), "warning"]]);
    });
    it("accepts either form", () => {
      expect(validate(deploy("ServiceCatalog", { ProductId: "prod-1", ConfigurationFilePath: "sc.json" }), TEST_CONTEXT)).toEqual([]);
      const full = { ProductId: "prod-1", TemplateFilePath: "t.json", ProductVersionName: "v2", ProductType: "CLOUD_FORMATION_TEMPLATE" };
      expect(validate(deploy("ServiceCatalog", full), TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("CFG005o ECS DeploymentTimeout", () => {
    it("warns on 90 and accepts 30", () => {
      const base = { ClusterName: "c", ServiceName: "s" };
      expect(at(onlyCode(validate(deploy("ECS", { ...base, DeploymentTimeout: "90" }), TEST_CONTEXT), "CFG005o"))).toEqual([[cfg(DEPLOY, "DeploymentTimeout"), "warning"]]);
      expect(validate(deploy("ECS", { ...base, DeploymentTimeout: "30" }), TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("CFG005p JSON-in-string values", () => {
    it("warns on CodeBuild EnvironmentVariables that is not JSON", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].configuration.EnvironmentVariables = '{name: X} #{SourceVariables.CommitId}';
      expect(at(onlyCode(validate(doc, TEST_CONTEXT), "CFG005p"))).toEqual([[cfg(BUILD, "EnvironmentVariables"), "warning"]]);
    });
    it("warns on an EnvironmentVariables entry with an unknown type", () => {
      const doc = validPipeline();
      doc.stages[1].actions[0].configuration.EnvironmentVariables = '[{"name":"C","value":"#{SourceVariables.CommitId}","type":"SECRET"}]';
      expect(at(onlyCode(validate(doc, TEST_CONTEXT), "CFG005p"))).toEqual([[cfg(BUILD, "EnvironmentVariables"), "warning"]]);
    });
    it("warns on ParameterOverrides that is an array, accepts an object with references", () => {
      const doc = validPipeline();
      doc.stages[2].actions[0].configuration.ParameterOverrides = '["Stage"]';
      expect(at(onlyCode(validate(doc, TEST_CONTEXT), "CFG005p"))).toEqual([[cfg(DEPLOY, "ParameterOverrides"), "warning"]]);
      doc.stages[2].actions[0].configuration.ParameterOverrides = '{"Commit": "#{SourceVariables.CommitId}", "Count": #{SourceVariables.Count}}';
      expect(withCode(validate(doc, TEST_CONTEXT), "CFG005p")).toEqual([]);
    });
    it("warns on CodePipeline-invoke Variables and SourceRevisions", () => {
      const invoke = (configuration: Mutable) =>
        withDeployStageAction(action("Next", "Invoke", "AWS", "CodePipeline", { runOrder: 2, configuration: { PipelineName: "downstream", ...configuration } }));
      expect(at(onlyCode(validate(invoke({ Variables: "env=prod" }), TEST_CONTEXT), "CFG005p"))).toEqual([[cfg("stages[2].actions[1]", "Variables"), "warning"]]);
      expect(at(onlyCode(validate(invoke({ SourceRevisions: '[{"actionName":"Source","revisionType":"COMMIT_ID"}]' }), TEST_CONTEXT), "CFG005p"))).toEqual([
        [cfg("stages[2].actions[1]", "SourceRevisions"), "warning"],
      ]);
      expect(validate(invoke({ Variables: '[{"name":"env","value":"prod"}]' }), TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("CFG005q CodePipeline invoke loop", () => {
    it("warns when the target is the pipeline itself", () => {
      const doc = withDeployStageAction(action("Again", "Invoke", "AWS", "CodePipeline", { runOrder: 2, configuration: { PipelineName: "web-app" } }));
      expect(at(onlyCode(validate(doc, TEST_CONTEXT), "CFG005q"))).toEqual([[cfg("stages[2].actions[1]", "PipelineName"), "warning"]]);
      doc.stages[2].actions[1].configuration.PipelineName = "web-app-prod";
      expect(validate(doc, TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("CFG005r Commands on Windows", () => {
    function commands(configuration: Mutable): Mutable {
      const doc = validPipeline();
      doc.stages[1].actions.push(
        action("Test", "Compute", "AWS", "Commands", { runOrder: 2, inputArtifacts: [{ name: "SourceOutput" }], commands: ["dir"], configuration }),
      );
      return doc;
    }
    it("warns on Windows with the default compute type", () => {
      expect(at(onlyCode(validate(commands({ EnvironmentType: "WINDOWS_SERVER_2022_CONTAINER" }), TEST_CONTEXT), "CFG005r"))).toEqual([[cfg("stages[1].actions[1]", "EnvironmentType"), "warning"]]);
      expect(at(onlyCode(validate(commands({ EnvironmentType: "WINDOWS_SERVER_2022_CONTAINER", ComputeType: "BUILD_GENERAL1_SMALL" }), TEST_CONTEXT), "CFG005r"))).toEqual([
        [cfg("stages[1].actions[1]", "ComputeType"), "warning"],
      ]);
    });
    it("accepts Windows on a medium instance", () => {
      expect(validate(commands({ EnvironmentType: "WINDOWS_SERVER_2022_CONTAINER", ComputeType: "BUILD_GENERAL1_MEDIUM" }), TEST_CONTEXT)).toEqual([]);
    });
  });

  describe("CFG005s Device Farm fuzz ranges", () => {
    function deviceFarm(extra: Mutable): Mutable {
      return withDeployStageAction(
        action("Devices", "Test", "AWS", "DeviceFarm", {
          runOrder: 2,
          inputArtifacts: [{ name: "BuildOutput" }],
          configuration: {
            AppType: "Android", ProjectId: "p", App: "app.apk", AppiumVersion: "1",
            DevicePoolArn: "arn:aws:devicefarm:us-west-2:123456789012:devicepool:x", TestType: "BUILTIN_FUZZ", ...extra,
          },
        }),
      );
    }
    it("warns on FuzzEventCount 20000 and FuzzEventThrottle 0", () => {
      const found = withCode(validate(deviceFarm({ FuzzEventCount: "20000", FuzzEventThrottle: "0" }), TEST_CONTEXT), "CFG005s");
      expect(paths(found)).toEqual([cfg("stages[2].actions[1]", "FuzzEventCount"), cfg("stages[2].actions[1]", "FuzzEventThrottle")]);
    });
    it("accepts values in range", () => {
      expect(withCode(validate(deviceFarm({ FuzzEventCount: "500", FuzzEventThrottle: "50" }), TEST_CONTEXT), "CFG005s")).toEqual([]);
    });
  });

  it("never throws on odd configuration values", () => {
    const doc = deploy("CloudFormation", { ActionMode: 5, TemplatePath: null, ParameterOverrides: { a: 1 }, RoleArn: [] });
    expect(() => validate(doc, TEST_CONTEXT)).not.toThrow();
    expect(codesOf(validate(doc, TEST_CONTEXT)).filter((c) => c.startsWith("CFG005"))).toEqual([]);
  });

  it("treats prototype names as plain values and keys", () => {
    for (const mode of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const doc = deploy("CloudFormation", JSON.parse(`{"ActionMode": "${mode}", "StackName": "s", "${mode}": "x"}`));
      const codes = codesOf(validate(doc, TEST_CONTEXT));
      expect(codes).not.toContain("PW000");
      expect(codes).toContain("CFG004");
    }
  });
});
