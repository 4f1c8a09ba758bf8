/** CFG: action configuration keys and values, CFG005 sub-cases included. */
import { addAction, isKey, lastStage, pickAction, plainArtifact, V2, withKey } from "./helpers";
import type { Mutation } from "./mutation";

export const CONFIGURATION_MUTATIONS: readonly Mutation[] = [
  {
    code: "CFG001",
    name: "configuration value over 1000 characters",
    gen: withKey("Build/AWS/CodeBuild"),
    severity: "error",
    apply(p, c) {
      pickAction(p, c, isKey("Build/AWS/CodeBuild"))!.action.configuration.ProjectName = "p".repeat(1001);
      return true;
    },
  },
  {
    code: "CFG002",
    name: "CodeBuild without ProjectName",
    gen: withKey("Build/AWS/CodeBuild"),
    severity: "error",
    apply(p, c) {
      delete pickAction(p, c, isKey("Build/AWS/CodeBuild"))!.action.configuration.ProjectName;
      return true;
    },
  },
  {
    code: "CFG002",
    name: "S3 source without S3ObjectKey",
    gen: withKey("Source/AWS/S3"),
    apply(p, c) {
      delete pickAction(p, c, isKey("Source/AWS/S3"))!.action.configuration.S3ObjectKey;
      return true;
    },
  },
  {
    code: "CFG003",
    name: "Branch instead of BranchName",
    gen: withKey("Source/AWS/CodeCommit"),
    severity: "warning",
    apply(p, c) {
      pickAction(p, c, isKey("Source/AWS/CodeCommit"))!.action.configuration.Branch = "main";
      return true;
    },
  },
  {
    code: "CFG003",
    name: "unknown key on any known provider",
    apply(p, c) {
      const at = pickAction(p, c, () => true)!;
      at.action.configuration = { ...(at.action.configuration ?? {}), Bogus: "x" };
      return true;
    },
  },
  {
    code: "CFG004",
    name: "Capabilities with a space",
    gen: withKey("Deploy/AWS/CloudFormation"),
    severity: "warning",
    apply(p, c) {
      const at = pickAction(p, c, isKey("Deploy/AWS/CloudFormation"))!;
      at.action.configuration.Capabilities = "CAPABILITY_IAM, CAPABILITY_AUTO_EXPAND";
      return true;
    },
  },
  {
    code: "CFG004",
    name: "S3 deploy Extract yes",
    gen: withKey("Deploy/AWS/S3"),
    apply(p, c) {
      const at = pickAction(p, c, (a) => isKey("Deploy/AWS/S3")(a) && a.action.configuration.Extract === "true")!;
      if (!at) return false;
      at.action.configuration.Extract = "yes";
      return true;
    },
  },
  {
    code: "CFG004",
    name: "OutputArtifactFormat ZIP",
    gen: withKey("Source/AWS/CodeCommit"),
    apply(p, c) {
      const at = pickAction(p, c, (a) => isKey("Source/AWS/CodeCommit")(a) && a.action.configuration.OutputArtifactFormat !== "CODEBUILD_CLONE_REF")!;
      if (!at) return false;
      at.action.configuration.OutputArtifactFormat = "ZIP";
      return true;
    },
  },
  {
    code: "CFG005a",
    name: "S3 deploy Extract false without ObjectKey",
    gen: withKey("Deploy/AWS/S3"),
    severity: "warning",
    apply(p, c) {
      const at = pickAction(p, c, isKey("Deploy/AWS/S3"))!;
      at.action.configuration.Extract = "false";
      delete at.action.configuration.ObjectKey;
      return true;
    },
  },
  {
    code: "CFG005b",
    name: "two CodeBuild inputs without PrimarySource",
    gen: withKey("Build/AWS/CodeBuild"),
    severity: "warning",
    apply(p, c) {
      const at = pickAction(p, c, (a) => a.action.actionTypeId.provider === "CodeBuild" && (a.action.inputArtifacts ?? []).length > 1);
      if (!at) return false;
      delete at.action.configuration.PrimarySource;
      return true;
    },
  },
  {
    code: "CFG005b",
    name: "PrimarySource not an input",
    gen: withKey("Build/AWS/CodeBuild"),
    apply(p, c) {
      const at = pickAction(p, c, (a) => a.action.actionTypeId.provider === "CodeBuild");
      if (!at) return false;
      at.action.configuration.PrimarySource = "NotAnInput";
      return true;
    },
  },
  {
    code: "CFG005c",
    name: "CombineArtifacts without BatchEnabled",
    gen: withKey("Build/AWS/CodeBuild"),
    severity: "warning",
    apply(p, c) {
      const at = pickAction(p, c, isKey("Build/AWS/CodeBuild"))!;
      delete at.action.configuration.BatchEnabled;
      at.action.configuration.CombineArtifacts = "true";
      return true;
    },
  },
  {
    code: "CFG005d",
    name: "CREATE_UPDATE without RoleArn",
    gen: withKey("Deploy/AWS/CloudFormation"),
    severity: "warning",
    apply(p, c) {
      const at = pickAction(p, c, (a) => isKey("Deploy/AWS/CloudFormation")(a) && a.action.configuration.ActionMode === "CREATE_UPDATE");
      if (!at) return false;
      delete at.action.configuration.RoleArn;
      return true;
    },
  },
  {
    code: "CFG005e",
    name: "TemplatePath without an artifact prefix",
    gen: withKey("Deploy/AWS/CloudFormation"),
    apply(p, c) {
      const at = pickAction(p, c, (a) => isKey("Deploy/AWS/CloudFormation")(a) && a.action.configuration.TemplatePath !== undefined);
      if (!at) return false;
      at.action.configuration.TemplatePath = "template.yaml";
      return true;
    },
  },
  {
    code: "CFG005e",
    name: "TemplatePath prefix is not an input",
    gen: withKey("Deploy/AWS/CloudFormationStackSet"),
    apply(p, c) {
      const at = pickAction(p, c, isKey("Deploy/AWS/CloudFormationStackSet"))!;
      at.action.configuration.TemplatePath = "NotAnInput::template.yaml";
      return true;
    },
  },
  {
    code: "CFG005f",
    name: "CloudFormation RoleArn that is not a role ARN",
    gen: withKey("Deploy/AWS/CloudFormation"),
    severity: "warning",
    apply(p, c) {
      pickAction(p, c, isKey("Deploy/AWS/CloudFormation"))!.action.configuration.RoleArn = "cfn-deploy-role";
      return true;
    },
  },
  {
    code: "CFG005g",
    name: "task definition artifact not an input",
    gen: withKey("Deploy/AWS/CodeDeployToECS"),
    severity: "warning",
    apply(p, c) {
      pickAction(p, c, isKey("Deploy/AWS/CodeDeployToECS"))!.action.configuration.TaskDefinitionTemplateArtifact = "NotAnInput";
      return true;
    },
  },
  {
    code: "CFG005g",
    name: "Image5ArtifactName",
    gen: withKey("Deploy/AWS/CodeDeployToECS"),
    apply(p, c) {
      const at = pickAction(p, c, isKey("Deploy/AWS/CodeDeployToECS"))!;
      at.action.configuration.Image5ArtifactName = at.action.inputArtifacts[0].name;
      at.action.configuration.Image5ContainerName = "IMAGE5_NAME";
      return true;
    },
  },
  {
    code: "CFG005h",
    name: "Step Functions FilePath without Input",
    gen: withKey("Invoke/AWS/StepFunctions"),
    severity: "warning",
    apply(p, c) {
      const at = pickAction(p, c, (a) => isKey("Invoke/AWS/StepFunctions")(a) && (a.action.inputArtifacts ?? []).length > 0 && !JSON.stringify(a.action.configuration).includes("#{"));
      if (!at) return false;
      at.action.configuration.InputType = "FilePath";
      delete at.action.configuration.Input;
      return true;
    },
  },
  {
    code: "CFG005i",
    name: "StackSet DeploymentTargets without Regions",
    gen: withKey("Deploy/AWS/CloudFormationStackSet"),
    severity: "warning",
    apply(p, c) {
      const at = pickAction(p, c, (a) => isKey("Deploy/AWS/CloudFormationStackSet")(a) && a.action.configuration.DeploymentTargets !== undefined);
      if (!at) return false;
      delete at.action.configuration.Regions;
      return true;
    },
  },
  {
    code: "CFG005j",
    name: "EC2 script mode without TargetDirectory",
    gen: withKey("Deploy/AWS/EC2", V2),
    severity: "warning",
    apply(p, c) {
      const at = pickAction(p, c, isKey("Deploy/AWS/EC2"))!;
      const config = at.action.configuration;
      delete config.DeploySpec;
      delete config.TargetDirectory;
      config.PostScript = "scripts/start.sh";
      return true;
    },
  },
  {
    code: "CFG005k",
    name: "EKS with neither Helm nor manifests",
    gen: withKey("Deploy/AWS/EKS", V2),
    severity: "warning",
    apply(p, c) {
      const config = pickAction(p, c, isKey("Deploy/AWS/EKS"))!.action.configuration;
      for (const k of ["HelmReleaseName", "HelmChartLocation", "HelmValuesFiles", "ManifestFiles"]) delete config[k];
      return true;
    },
  },
  {
    code: "CFG005l",
    name: "Lambda deploy with 11 alarms",
    gen: withKey("Deploy/AWS/Lambda", V2),
    severity: "warning",
    apply(p, c) {
      const config = pickAction(p, c, isKey("Deploy/AWS/Lambda"))!.action.configuration;
      config.FunctionAlias = "live";
      config.Alarms = Array.from({ length: 11 }, (_, i) => `alarm-${i}`).join(",");
      return true;
    },
  },
  {
    code: "CFG005l",
    name: "DeployStrategy without FunctionAlias",
    gen: withKey("Deploy/AWS/Lambda", V2),
    apply(p, c) {
      const config = pickAction(p, c, isKey("Deploy/AWS/Lambda"))!.action.configuration;
      delete config.FunctionAlias;
      delete config.Alarms;
      config.DeployStrategy = "AllAtOnce";
      return true;
    },
  },
  {
    code: "CFG005m",
    name: "ECR image scan without repository",
    gen: withKey("Invoke/AWS/InspectorScan", V2),
    severity: "warning",
    apply(p, c) {
      const config = pickAction(p, c, isKey("Invoke/AWS/InspectorScan"))!.action.configuration;
      config.InspectorRunMode = "ECRImageScan";
      delete config.ECRRepositoryName;
      delete config.ImageTag;
      return true;
    },
  },
  {
    code: "CFG005n",
    name: "Service Catalog with only a template path",
    gen: withKey("Deploy/AWS/ServiceCatalog"),
    severity: "warning",
    apply(p, c) {
      pickAction(p, c, isKey("Deploy/AWS/ServiceCatalog"))!.action.configuration = { ProductId: "prod-1", TemplateFilePath: "t.json" };
      return true;
    },
  },
  {
    code: "CFG005o",
    name: "ECS DeploymentTimeout 90",
    gen: withKey("Deploy/AWS/ECS"),
    severity: "warning",
    apply(p, c) {
      pickAction(p, c, isKey("Deploy/AWS/ECS"))!.action.configuration.DeploymentTimeout = "90";
      return true;
    },
  },
  {
    code: "CFG005p",
    name: "truncated EnvironmentVariables JSON",
    gen: withKey("Build/AWS/CodeBuild"),
    severity: "warning",
    apply(p, c) {
      const at = pickAction(p, c, (a) => a.action.actionTypeId.provider === "CodeBuild" && a.action.configuration.EnvironmentVariables !== undefined);
      if (!at) return false;
      const value: string = at.action.configuration.EnvironmentVariables;
      at.action.configuration.EnvironmentVariables = value.slice(0, -1);
      return true;
    },
  },
  {
    code: "CFG005q",
    name: "invoking the pipeline itself",
    gen: withKey("Invoke/AWS/CodePipeline", V2),
    severity: "warning",
    apply(p, c) {
      pickAction(p, c, isKey("Invoke/AWS/CodePipeline"))!.action.configuration.PipelineName = p.name;
      return true;
    },
  },
  {
    code: "CFG005r",
    name: "Windows Commands on the default compute",
    gen: withKey("Compute/AWS/Commands", V2),
    severity: "warning",
    apply(p, c) {
      const at = pickAction(p, c, isKey("Compute/AWS/Commands"))!;
      at.action.configuration = { ...(at.action.configuration ?? {}), EnvironmentType: "WINDOWS_SERVER_2022_CONTAINER" };
      delete at.action.configuration.ComputeType;
      return true;
    },
  },
  {
    code: "CFG005s",
    name: "Device Farm fuzz event count 20000",
    gen: withKey("Test/AWS/DeviceFarm"),
    severity: "warning",
    apply(p, c) {
      const config = pickAction(p, c, isKey("Test/AWS/DeviceFarm"))!.action.configuration;
      config.TestType = "BUILTIN_FUZZ";
      delete config.Test;
      config.FuzzEventCount = "20000";
      config.FuzzEventThrottle = "50";
      return true;
    },
  },
  {
    code: "CFG006",
    name: "polling CodeCommit source",
    gen: withKey("Source/AWS/CodeCommit"),
    severity: "warning",
    apply(p, c) {
      pickAction(p, c, isKey("Source/AWS/CodeCommit"))!.action.configuration.PollForSourceChanges = "true";
      return true;
    },
  },
  {
    code: "CFG006",
    name: "S3 source with polling by default",
    gen: withKey("Source/AWS/S3"),
    apply(p, c) {
      delete pickAction(p, c, isKey("Source/AWS/S3"))!.action.configuration.PollForSourceChanges;
      return true;
    },
  },
  {
    code: "CFG007",
    name: "custom action queryable value with a space",
    // The custom type itself is unverifiable offline (ACT004 warning).
    also: ["ACT004"],
    severity: "error",
    apply(p, c) {
      const artifact = plainArtifact(p, c)!;
      addAction(p, lastStage(p), {
        name: "Jenkins",
        actionTypeId: { category: "Build", owner: "Custom", provider: "MyJenkins", version: "1" },
        configuration: { ProjectName: "my project/build" },
        inputArtifacts: [{ name: artifact }],
      });
      return true;
    },
  },
];
