/** Deploy providers of the generator's catalogue. */
import { HOME_REGION, ACCOUNT } from "../generator-options";
import type { ProviderSpec } from "./spec";

export const DEPLOY_SPECS: readonly ProviderSpec[] = [
  {
    key: "Deploy/AWS/S3",
    category: "Deploy",
    owner: "AWS",
    provider: "S3",
    v2Only: false,
    inputs: [1, 1],
    outputs: [0, 0],
    acceptsCloneRef: false,
    refCapacity: 0,
    crossRegion: true,
    weight: 3,
    build({ c, serial }) {
      const extract = c.pick(["true", "false"]);
      const configuration: Record<string, string> = { BucketName: `website-${serial}`, Extract: extract };
      if (extract === "false") configuration.ObjectKey = `releases/app-${serial}.zip`;
      if (c.bool(0.2)) configuration.CannedACL = c.pick(["private", "bucket-owner-full-control", "public-read"]);
      if (c.bool(0.2)) configuration.CacheControl = "max-age=3600";
      if (c.bool(0.1)) configuration.KMSEncryptionKeyARN = `arn:aws:kms:${HOME_REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
      return { configuration, emits: [] };
    },
  },
  {
    key: "Deploy/AWS/CloudFormation",
    category: "Deploy",
    owner: "AWS",
    provider: "CloudFormation",
    v2Only: false,
    inputs: [0, 3],
    outputs: [0, 1],
    acceptsCloneRef: false,
    refCapacity: 2,
    crossRegion: true,
    weight: 4,
    build(ctx) {
      const { c, inputs, outputs, serial } = ctx;
      // Modes that need a template only when there is an input to take it from.
      const modes =
        inputs.length > 0
          ? ["CREATE_UPDATE", "REPLACE_ON_FAILURE", "CHANGE_SET_REPLACE", "CHANGE_SET_EXECUTE", "DELETE_ONLY"]
          : ["CHANGE_SET_EXECUTE", "DELETE_ONLY"];
      // An output only makes sense where the stack has outputs.
      const mode =
        outputs.length > 0 ? c.pick(modes.filter((m) => m !== "DELETE_ONLY")) : c.pick(modes);
      const configuration: Record<string, string> = { ActionMode: mode, StackName: `stack-${serial}` };
      const needsRole = ["CREATE_UPDATE", "REPLACE_ON_FAILURE", "DELETE_ONLY", "CHANGE_SET_REPLACE"].includes(mode);
      if (needsRole || c.bool(0.3)) configuration.RoleArn = `arn:aws:iam::${ACCOUNT}:role/cfn-deploy-${serial}`;
      if (mode === "CHANGE_SET_REPLACE" || mode === "CHANGE_SET_EXECUTE") configuration.ChangeSetName = `changes-${serial}`;
      if (["CREATE_UPDATE", "REPLACE_ON_FAILURE", "CHANGE_SET_REPLACE"].includes(mode)) {
        configuration.TemplatePath = `${c.pick(inputs)}::${c.pick(["template.yaml", "infra/stack.json"])}`;
        if (c.bool(0.3)) configuration.TemplateConfiguration = `${c.pick(inputs)}::config.json`;
        if (c.bool(0.5)) {
          configuration.Capabilities = c.pick([
            "CAPABILITY_IAM",
            "CAPABILITY_NAMED_IAM",
            "CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND",
            "CAPABILITY_NAMED_IAM,CAPABILITY_AUTO_EXPAND",
          ]);
        }
        const overrides: Record<string, string> = {};
        ctx.refs.forEach((ref, i) => (overrides[`Param${i}`] = ref));
        if (c.bool(0.3)) overrides.Environment = "prod";
        if (Object.keys(overrides).length > 0) configuration.ParameterOverrides = JSON.stringify(overrides);
      }
      if (outputs.length > 0) configuration.OutputFileName = "stack-outputs.json";
      const emitting = mode !== "DELETE_ONLY";
      return { configuration, emits: emitting ? "user" : [] };
    },
  },
  {
    key: "Deploy/AWS/CloudFormationStackSet",
    category: "Deploy",
    owner: "AWS",
    provider: "CloudFormationStackSet",
    v2Only: false,
    inputs: [1, 3],
    outputs: [0, 0],
    acceptsCloneRef: false,
    refCapacity: 0,
    crossRegion: true,
    weight: 1,
    build({ c, inputs, serial }) {
      const configuration: Record<string, string> = {
        StackSetName: `stackset-${serial}`,
        TemplatePath: `${c.pick(inputs)}::template.yaml`,
      };
      if (c.bool(0.3)) configuration.Description = "Shared infrastructure";
      if (c.bool(0.3)) configuration.Parameters = `${c.pick(inputs)}::parameters.json`;
      if (c.bool(0.3)) configuration.Capabilities = c.pick(["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"]);
      const model = c.pick(["default", "SELF_MANAGED", "SERVICE_MANAGED", "SERVICE_AUTO"]);
      if (model === "SELF_MANAGED" || model === "default") {
        if (model === "SELF_MANAGED") {
          configuration.PermissionModel = "SELF_MANAGED";
          if (c.bool(0.5)) configuration.AdministrationRoleArn = `arn:aws:iam::${ACCOUNT}:role/AWSCloudFormationStackSetAdministrationRole`;
          if (c.bool(0.5)) configuration.ExecutionRoleName = "AWSCloudFormationStackSetExecutionRole";
        }
        configuration.DeploymentTargets = c.pick(["111122223333", "111122223333,444455556666"]);
        configuration.Regions = c.pick(["us-east-1", "us-east-1,us-west-2"]);
      } else if (model === "SERVICE_MANAGED") {
        configuration.PermissionModel = "SERVICE_MANAGED";
        configuration.DeploymentTargets = "ou-abcd-12345678";
        configuration.Regions = "us-east-1";
      } else {
        configuration.PermissionModel = "SERVICE_MANAGED";
        configuration.OrganizationsAutoDeployment = c.pick(["Enabled", "EnabledWithStackRetention"]);
      }
      if (c.bool(0.3)) configuration.FailureTolerancePercentage = "10";
      if (c.bool(0.3)) configuration.MaxConcurrentPercentage = "25";
      return { configuration, emits: ["StackSetId", "OperationId"] };
    },
  },
  {
    key: "Deploy/AWS/CloudFormationStackInstances",
    category: "Deploy",
    owner: "AWS",
    provider: "CloudFormationStackInstances",
    v2Only: false,
    // 0..2: the user guide's (narrower) bound, so no ART003 warning.
    inputs: [0, 2],
    outputs: [0, 0],
    acceptsCloneRef: false,
    refCapacity: 0,
    crossRegion: true,
    weight: 1,
    build({ c, inputs, serial }) {
      const configuration: Record<string, string> = {
        StackSetName: `stackset-${serial}`,
        DeploymentTargets: "111122223333",
        Regions: c.pick(["us-east-1", "us-east-1,eu-west-1"]),
      };
      if (inputs.length > 0 && c.bool(0.5)) configuration.ParameterOverrides = `${c.pick(inputs)}::overrides.json`;
      if (c.bool(0.3)) configuration.MaxConcurrentPercentage = "50";
      return { configuration, emits: ["StackSetId", "OperationId"] };
    },
  },
  {
    key: "Deploy/AWS/CodeDeploy",
    category: "Deploy",
    owner: "AWS",
    provider: "CodeDeploy",
    v2Only: false,
    inputs: [1, 1],
    outputs: [0, 0],
    acceptsCloneRef: false,
    refCapacity: 0,
    crossRegion: true,
    weight: 2,
    build({ serial }) {
      return { configuration: { ApplicationName: `app-${serial}`, DeploymentGroupName: `fleet-${serial}` }, emits: [] };
    },
  },
  {
    key: "Deploy/AWS/CodeDeployToECS",
    category: "Deploy",
    owner: "AWS",
    provider: "CodeDeployToECS",
    v2Only: false,
    inputs: [1, 4],
    outputs: [0, 0],
    acceptsCloneRef: false,
    refCapacity: 0,
    crossRegion: true,
    weight: 1,
    build({ c, inputs, serial }) {
      const configuration: Record<string, string> = {
        ApplicationName: `ecs-app-${serial}`,
        DeploymentGroupName: `ecs-dg-${serial}`,
        TaskDefinitionTemplateArtifact: c.pick(inputs),
        AppSpecTemplateArtifact: c.pick(inputs),
      };
      if (c.bool(0.3)) configuration.TaskDefinitionTemplatePath = "taskdef.json";
      if (c.bool(0.3)) configuration.AppSpecTemplatePath = "appspec.yaml";
      const images = c.some(inputs, 0, Math.min(4, inputs.length));
      images.forEach((name, i) => {
        configuration[`Image${i + 1}ArtifactName`] = name;
        configuration[`Image${i + 1}ContainerName`] = `IMAGE${i + 1}_NAME`;
      });
      return { configuration, emits: [] };
    },
  },
  {
    key: "Deploy/AWS/ECS",
    category: "Deploy",
    owner: "AWS",
    provider: "ECS",
    v2Only: false,
    inputs: [1, 1],
    outputs: [0, 0],
    acceptsCloneRef: false,
    refCapacity: 0,
    crossRegion: true,
    weight: 2,
    build({ c, serial }) {
      const configuration: Record<string, string> = { ClusterName: `cluster-${serial}`, ServiceName: `svc-${serial}` };
      if (c.bool(0.4)) configuration.FileName = "imagedefinitions.json";
      if (c.bool(0.3)) configuration.DeploymentTimeout = String(c.int(1, 60));
      return { configuration, emits: [] };
    },
  },
  {
    key: "Deploy/AWS/ElasticBeanstalk",
    category: "Deploy",
    owner: "AWS",
    provider: "ElasticBeanstalk",
    v2Only: false,
    inputs: [1, 1],
    outputs: [0, 0],
    acceptsCloneRef: false,
    refCapacity: 0,
    crossRegion: true,
    weight: 1,
    build({ serial }) {
      return { configuration: { ApplicationName: `eb-app-${serial}`, EnvironmentName: `eb-env-${serial}` }, emits: [] };
    },
  },
  {
    key: "Deploy/AWS/AppConfig",
    category: "Deploy",
    owner: "AWS",
    provider: "AppConfig",
    v2Only: false,
    inputs: [1, 1],
    outputs: [0, 0],
    acceptsCloneRef: false,
    refCapacity: 0,
    crossRegion: true,
    weight: 1,
    build({ c }) {
      const configuration: Record<string, string> = {
        Application: "abc1234",
        Environment: "def5678",
        ConfigurationProfile: "ghi9012",
        InputArtifactConfigurationPath: "config/app.json",
      };
      if (c.bool(0.4)) configuration.DeploymentStrategy = c.pick(["AppConfig.AllAtOnce", "AppConfig.Linear50PercentEvery30Seconds"]);
      return { configuration, emits: [] };
    },
  },
  {
    key: "Deploy/AWS/ServiceCatalog",
    category: "Deploy",
    owner: "AWS",
    provider: "ServiceCatalog",
    v2Only: false,
    inputs: [1, 1],
    outputs: [0, 0],
    acceptsCloneRef: false,
    refCapacity: 0,
    crossRegion: true,
    weight: 1,
    build({ c }) {
      const configuration: Record<string, string> = { ProductId: "prod-abcdefghijklm" };
      if (c.bool(0.5)) configuration.ConfigurationFilePath = "sc-product-config.json";
      else {
        configuration.TemplateFilePath = "product-template.json";
        configuration.ProductVersionName = "v1";
        configuration.ProductType = "CLOUD_FORMATION_TEMPLATE";
        if (c.bool(0.4)) configuration.ProductVersionDescription = "Release";
      }
      return { configuration, emits: [] };
    },
  },
  {
    key: "Deploy/ThirdParty/AlexaSkillsKit",
    category: "Deploy",
    owner: "ThirdParty",
    provider: "AlexaSkillsKit",
    v2Only: false,
    inputs: [1, 2],
    outputs: [0, 0],
    acceptsCloneRef: false,
    refCapacity: 0,
    crossRegion: false,
    weight: 1,
    build() {
      return {
        configuration: {
          ClientId: "amzn1.application-oa2-client.0123456789abcdef",
          ClientSecret: "s3cr3t-value",
          RefreshToken: "Atzr|refresh-token",
          SkillId: "amzn1.ask.skill.11111111-2222-3333-4444-555555555555",
        },
        emits: [],
      };
    },
  },
  {
    key: "Deploy/AWS/EC2",
    category: "Deploy",
    owner: "AWS",
    provider: "EC2",
    v2Only: true,
    inputs: [1, 1],
    outputs: [0, 0],
    acceptsCloneRef: false,
    refCapacity: 0,
    crossRegion: true,
    weight: 1,
    build({ c }) {
      const configuration: Record<string, string> = {
        InstanceTagKey: "Name",
        InstanceType: c.pick(["EC2", "SSM_MANAGED_NODE"]),
      };
      if (c.bool(0.6)) configuration.InstanceTagValue = "web-server";
      if (c.bool(0.5)) {
        configuration.TargetDirectory = "/home/ec2-user/app";
        configuration.PostScript = "scripts/start.sh";
        if (c.bool(0.5)) configuration.PreScript = "scripts/stop.sh";
      } else {
        configuration.DeploySpec = "deployspec.yaml";
      }
      if (c.bool(0.4)) configuration.MaxBatch = c.pick(["1", "2", "50%"]);
      if (c.bool(0.4)) configuration.MaxError = c.pick(["1", "10%"]);
      if (c.bool(0.2)) configuration.TargetGroupNameList = "web-tg";
      return { configuration, emits: [] };
    },
  },
  {
    key: "Deploy/AWS/EKS",
    category: "Deploy",
    owner: "AWS",
    provider: "EKS",
    v2Only: true,
    inputs: [1, 1],
    outputs: [0, 0],
    acceptsCloneRef: false,
    refCapacity: 2,
    crossRegion: true,
    weight: 1,
    build(ctx) {
      const { c, serial } = ctx;
      const configuration: Record<string, string> = { ClusterName: `eks-${serial}` };
      if (c.bool(0.5)) {
        configuration.HelmReleaseName = `release-${serial}`;
        configuration.HelmChartLocation = "charts/app";
        if (c.bool(0.4)) configuration.HelmValuesFiles = "charts/values-prod.yaml";
      } else {
        configuration.ManifestFiles = "k8s/deployment.yaml";
      }
      if (c.bool(0.3)) configuration.Namespace = "apps";
      const env = ctx.refs.map((ref, i) => ({ name: `REF_${i}`, value: ref }));
      if (c.bool(0.2)) env.push({ name: "IMAGE_TAG", value: "latest" });
      return { configuration, emits: ["EKSClusterName"], ...(env.length > 0 ? { environmentVariables: env } : {}) };
    },
  },
  {
    key: "Deploy/AWS/Lambda",
    category: "Deploy",
    owner: "AWS",
    provider: "Lambda",
    v2Only: true,
    // 0 inputs is the PublishedTargetVersion mode (CFG005l decides, no ART003 warning).
    inputs: [0, 1],
    outputs: [0, 0],
    acceptsCloneRef: false,
    refCapacity: 0,
    crossRegion: true,
    weight: 1,
    build({ c, serial, inputs }) {
      const configuration: Record<string, string> = { FunctionName: `fn-${serial}` };
      if (inputs.length === 0) {
        configuration.FunctionAlias = "live";
        configuration.PublishedTargetVersion = String(c.int(1, 40));
      } else if (c.bool(0.6)) {
        configuration.FunctionAlias = "live";
        if (c.bool(0.5)) {
          configuration.DeployStrategy = c.pick(["AllAtOnce", "Canary10Percent5Minutes", "Linear10PercentEvery1Minute", "Linear20PercentEvery2Minutes"]);
        }
        if (c.bool(0.3)) configuration.Alarms = c.pick(["errors", "errors,throttles"]);
      }
      return { configuration, emits: ["FunctionVersion"] };
    },
  },
];
