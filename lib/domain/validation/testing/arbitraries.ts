/**
 * fast-check arbitraries for the validation engine's property tests.
 *
 * - `arbitraryValidPipeline(options)`: declarations that are valid by the spec and on which the
 *   engine must be silent with `TEST_CONTEXT` (no errors, and no warnings either: outputs are
 *   consumed, namespaces and variables referenced, sources do not poll, no deprecated providers).
 *   Generation is "valid by construction": a choice stream drives a builder that only ever makes
 *   choices the spec allows, so shrinking (towards zeros) keeps pipelines valid and simpler.
 * - `arbitraryJson()` / `arbitraryPipelineGarbage()`: random JSON, and valid pipelines with random
 *   subtrees replaced by values of other types, prototype-ish keys, huge strings, deep nesting.
 *
 * Also exports small structural helpers the mutation tests use (artifact/namespace renames that
 * keep every consumer and reference consistent, ordering on the raw JSON).
 */
import fc from "fast-check";
import { MEMBERS } from "../../pipeline/members";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- generated JSON is edited freely
export type Json = any;

/* ------------------------------------------------------------------------------------------ */
/* Choice stream                                                                                */
/* ------------------------------------------------------------------------------------------ */

/**
 * Turns a shrinkable array of numbers into choices; past the end of the array a PRNG seeded by
 * `seed` takes over, so pipelines never degenerate when the array is short. Zeros choose the
 * simplest option everywhere (first item, `false`, minimum count).
 */
export class Chooser {
  private index = 0;
  private state: number;

  constructor(
    private readonly stream: readonly number[],
    private readonly seed: number,
  ) {
    this.state = seed >>> 0;
  }

  /** fast-check may hand the same value to several runs (shrinking): each gets a fresh copy. */
  [fc.cloneMethod](): Chooser {
    return new Chooser(this.stream, this.seed);
  }

  next(): number {
    if (this.index < this.stream.length) return this.stream[this.index++]!;
    // mulberry32
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) & 0x7fffffff;
  }

  int(min: number, max: number): number {
    if (max <= min) return min;
    return min + (this.next() % (max - min + 1));
  }

  /** True with probability p; a zero draw is always false. */
  bool(p = 0.5): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return this.next() % 1000 >= Math.round((1 - p) * 1000);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[this.int(0, items.length - 1)]!;
  }

  /** Up to `max` distinct items (at least `min` when there are enough). */
  some<T>(items: readonly T[], min: number, max: number): T[] {
    const pool = [...items];
    const count = Math.min(pool.length, this.int(min, max));
    const out: T[] = [];
    for (let i = 0; i < count; i++) out.push(pool.splice(this.int(0, pool.length - 1), 1)[0]!);
    return out;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

/** The arbitrary of choosers: a shrinkable prefix plus a PRNG seed for the tail. */
export function arbitraryChooser(): fc.Arbitrary<Chooser> {
  return fc
    .tuple(fc.array(fc.noBias(fc.nat()), { maxLength: 300, size: "max" }), fc.noBias(fc.integer()))
    .map(([stream, seed]) => new Chooser(stream, seed));
}

/* ------------------------------------------------------------------------------------------ */
/* Options                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/** `off`: never; `maybe`: sometimes (default); `force`: at least once. */
export type Feature = "off" | "maybe" | "force";

export interface GenOptions {
  readonly pipelineType?: "V1" | "V2";
  readonly minStages?: number;
  readonly maxStages?: number;
  /** Allowed `executionMode` values (`undefined` = omitted); filtered by pipeline type. */
  readonly executionModes?: readonly (string | undefined)[];
  readonly variables?: Feature;
  readonly triggers?: Feature;
  readonly conditions?: Feature;
  readonly crossRegion?: Feature;
  readonly namespaces?: Feature;
  /** A CODEBUILD_CLONE_REF source (consumed by CodeBuild only). */
  readonly cloneRef?: Feature;
  /** KMS key on the artifact store(s). */
  readonly encryption?: Feature;
  /** Action roleArn (same account or cross-account). */
  readonly actionRoles?: Feature;
  /** Provider keys (see PROVIDER_KEYS) that must appear at least once. */
  readonly include?: readonly string[];
  /** Provider keys never to use (besides the ones `include` forces). */
  readonly exclude?: readonly string[];
}

export const HOME_REGION = "us-east-1";
export const ACCOUNT = "123456789012";
export const OTHER_ACCOUNT = "210987654321";
const CROSS_REGIONS = ["us-west-2", "eu-west-1", "eu-central-1"] as const;

/**
 * Pads a name to exactly `length` characters (the model maximum). "_" then "Z"s: no generated
 * name contains "Z", so two distinct names stay distinct.
 */
export function padName(name: string, length: number): string {
  return name.length >= length ? name : `${name}_${"Z".repeat(length - name.length - 1)}`;
}

/** Names JavaScript objects already have: a rule using `{}` as a map trips over them. */
export const PROTOTYPE_NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"] as const;

/* ------------------------------------------------------------------------------------------ */
/* Provider catalogue for generation                                                            */
/* ------------------------------------------------------------------------------------------ */

interface BuildContext {
  readonly c: Chooser;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** `#{ns.key}` texts to embed (at most the provider's refCapacity). */
  readonly refs: readonly string[];
  readonly pipelineName: string;
  readonly serial: number;
}

interface Built {
  readonly configuration?: Record<string, string>;
  readonly commands?: string[];
  readonly outputVariables?: string[];
  readonly environmentVariables?: Array<{ name: string; value: string; type?: string }>;
  readonly timeoutInMinutes?: number;
  /** `files` per output artifact (Compute only). */
  readonly outputFiles?: Array<string[] | undefined>;
  /** Output-variable keys the action really emits; "user" = user-defined; [] = nothing. */
  readonly emits: readonly string[] | "user";
}

interface ProviderSpec {
  readonly key: string;
  readonly category: string;
  readonly owner: string;
  readonly provider: string;
  readonly v2Only: boolean;
  readonly inputs: readonly [number, number];
  readonly outputs: readonly [number, number];
  /** Only CodeBuild may consume CODEBUILD_CLONE_REF artifacts (ART008). */
  readonly acceptsCloneRef: boolean;
  readonly refCapacity: number;
  readonly crossRegion: boolean;
  readonly weight: number;
  /** Optional artifact-dependent minimum (e.g. CloudFormation modes that need a template). */
  readonly build: (ctx: BuildContext) => Built;
}

const USER_KEYS = ["IMAGE_TAG", "Version", "BuildId", "StackUrl", "toString"] as const;
const BRANCHES = ["main", "master", "develop", "trunk", "release-2024"] as const;

function envVarsJson(ctx: BuildContext, extra: boolean): string | undefined {
  const vars: Array<{ name: string; value: string; type?: string }> = ctx.refs.map((ref, i) => ({
    name: `REF_${i}`,
    value: ref,
    type: "PLAINTEXT",
  }));
  if (extra || vars.length === 0) {
    if (ctx.c.bool(0.4)) vars.push({ name: "STAGE", value: "prod" });
    if (ctx.c.bool(0.2)) vars.push({ name: "DB_PASSWORD", value: "/prod/db/password", type: "PARAMETER_STORE" });
  }
  return vars.length > 0 ? JSON.stringify(vars) : undefined;
}

function codeBuild(category: "Build" | "Test"): ProviderSpec {
  return {
    key: `${category}/AWS/CodeBuild`,
    category,
    owner: "AWS",
    provider: "CodeBuild",
    v2Only: false,
    inputs: [1, 5],
    outputs: [0, 3],
    acceptsCloneRef: true,
    refCapacity: 3,
    crossRegion: true,
    weight: 6,
    build(ctx) {
      const { c } = ctx;
      const configuration: Record<string, string> = { ProjectName: `project-${ctx.serial}` };
      if (ctx.inputs.length > 1) configuration.PrimarySource = c.pick(ctx.inputs);
      if (c.bool(0.2)) {
        configuration.BatchEnabled = "true";
        if (c.bool(0.5)) configuration.CombineArtifacts = c.pick(["true", "false"]);
      } else if (c.bool(0.1)) configuration.BatchEnabled = "false";
      const env = envVarsJson(ctx, c.bool(0.3));
      if (env !== undefined && (ctx.refs.length > 0 || c.bool(0.5))) configuration.EnvironmentVariables = env;
      if (c.bool(0.1)) configuration.BuildspecOverride = "buildspec-ci.yml";
      return { configuration, emits: "user" };
    },
  };
}

const PROVIDER_SPECS: readonly ProviderSpec[] = [
  codeBuild("Build"),
  codeBuild("Test"),
  {
    key: "Build/AWS/ECRBuildAndPublish",
    category: "Build",
    owner: "AWS",
    provider: "ECRBuildAndPublish",
    v2Only: true,
    inputs: [1, 1],
    outputs: [0, 0],
    acceptsCloneRef: false,
    refCapacity: 0,
    crossRegion: true,
    weight: 2,
    build({ c, serial }) {
      const configuration: Record<string, string> = { ECRRepositoryName: `app-${serial}` };
      if (c.bool(0.4)) configuration.DockerFilePath = "docker/";
      if (c.bool(0.4)) configuration.ImageTags = c.pick(["latest", "latest,stable"]);
      if (c.bool(0.4)) configuration.RegistryType = c.pick(["private", "public"]);
      return { configuration, emits: ["ECRImageDigestId", "ECRRepositoryName"] };
    },
  },
  {
    key: "Test/AWS/DeviceFarm",
    category: "Test",
    owner: "AWS",
    provider: "DeviceFarm",
    v2Only: false,
    inputs: [1, 1],
    outputs: [0, 0],
    acceptsCloneRef: false,
    refCapacity: 0,
    crossRegion: true,
    weight: 1,
    build({ c }) {
      const testType = c.pick(["APPIUM_PYTHON", "BUILTIN_FUZZ", "INSTRUMENTATION", "APPIUM_JAVA_JUNIT"]);
      const configuration: Record<string, string> = {
        AppType: c.pick(["Android", "iOS"]),
        ProjectId: "eec4905f-98f8-40aa-9afc-4c1cf0000001",
        App: "app-release.apk",
        AppiumVersion: "1.22.0",
        DevicePoolArn: "arn:aws:devicefarm:us-west-2::devicepool:082d10e5-d7d7-48a4-ba5c-b33d66efa1f5",
        TestType: testType,
      };
      if (testType === "BUILTIN_FUZZ") {
        configuration.FuzzEventCount = String(c.int(1, 10000));
        configuration.FuzzEventThrottle = String(c.int(1, 1000));
      } else {
        configuration.Test = "tests.zip";
      }
      if (c.bool(0.3)) configuration.RecordVideo = c.pick(["true", "false"]);
      if (c.bool(0.2)) configuration.RadioWifiEnabled = "true";
      return { configuration, emits: [] };
    },
  },
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
  {
    key: "Approval/AWS/Manual",
    category: "Approval",
    owner: "AWS",
    provider: "Manual",
    v2Only: false,
    inputs: [0, 0],
    outputs: [0, 0],
    acceptsCloneRef: false,
    refCapacity: 3,
    crossRegion: true,
    weight: 3,
    build(ctx) {
      const { c } = ctx;
      const configuration: Record<string, string> = {};
      if (c.bool(0.4)) configuration.NotificationArn = `arn:aws:sns:${HOME_REGION}:${ACCOUNT}:approvals`;
      if (c.bool(0.4)) configuration.ExternalEntityLink = "https://example.com/releases/latest";
      if (ctx.refs.length > 0 || c.bool(0.4)) {
        configuration.CustomData = ["Approve the release", ...ctx.refs].join(" ");
        // The model maximum for a configuration value.
        if (c.bool(0.1)) configuration.CustomData = configuration.CustomData.padEnd(1000, ".");
      }
      const timeout = c.bool(0.3) ? c.pick([5, 60, 1440, 86400]) : undefined;
      return { configuration, emits: [], ...(timeout !== undefined ? { timeoutInMinutes: timeout } : {}) };
    },
  },
  {
    key: "Invoke/AWS/Lambda",
    category: "Invoke",
    owner: "AWS",
    provider: "Lambda",
    v2Only: false,
    inputs: [0, 3],
    outputs: [0, 2],
    acceptsCloneRef: false,
    refCapacity: 3,
    crossRegion: true,
    weight: 3,
    build(ctx) {
      const configuration: Record<string, string> = { FunctionName: `invoke-${ctx.serial}` };
      if (ctx.refs.length > 0) configuration.UserParameters = JSON.stringify({ refs: ctx.refs });
      else if (ctx.c.bool(0.4)) configuration.UserParameters = "environment=prod";
      return { configuration, emits: "user" };
    },
  },
  {
    key: "Invoke/AWS/StepFunctions",
    category: "Invoke",
    owner: "AWS",
    provider: "StepFunctions",
    v2Only: false,
    inputs: [0, 1],
    outputs: [0, 1],
    acceptsCloneRef: false,
    refCapacity: 2,
    crossRegion: true,
    weight: 2,
    build(ctx) {
      const { c, inputs, serial } = ctx;
      const configuration: Record<string, string> = {
        StateMachineArn: `arn:aws:states:${HOME_REGION}:${ACCOUNT}:stateMachine:release-${serial}`,
      };
      if (c.bool(0.3)) configuration.ExecutionNamePrefix = `release-${serial}`;
      if (inputs.length > 0 && ctx.refs.length === 0 && c.bool(0.5)) {
        configuration.InputType = "FilePath";
        configuration.Input = "sfn-input.json";
      } else {
        if (c.bool(0.5)) configuration.InputType = "Literal";
        const input: Record<string, string> = {};
        ctx.refs.forEach((ref, i) => (input[`ref${i}`] = ref));
        if (ctx.refs.length > 0 || c.bool(0.4)) configuration.Input = JSON.stringify({ ...input, stage: "prod" });
      }
      return { configuration, emits: ["StateMachineArn", "ExecutionArn"] };
    },
  },
  {
    key: "Invoke/AWS/InspectorScan",
    category: "Invoke",
    owner: "AWS",
    provider: "InspectorScan",
    v2Only: true,
    // 0 inputs only for ECR image scans (CFG005m decides, no ART003 warning).
    inputs: [0, 1],
    outputs: [1, 1],
    acceptsCloneRef: false,
    refCapacity: 0,
    crossRegion: true,
    weight: 1,
    build({ c, serial, inputs }) {
      const mode = inputs.length === 0 ? "ECRImageScan" : c.pick(["SourceCodeScan", "ECRImageScan"]);
      const configuration: Record<string, string> = { InspectorRunMode: mode };
      if (mode === "ECRImageScan") {
        configuration.ECRRepositoryName = `app-${serial}`;
        if (c.bool(0.5)) configuration.ImageTag = "latest";
      }
      if (c.bool(0.3)) configuration.CriticalThreshold = "0";
      if (c.bool(0.3)) configuration.HighThreshold = "5";
      return { configuration, emits: ["HighestScannedSeverity"] };
    },
  },
  {
    key: "Invoke/AWS/CodePipeline",
    category: "Invoke",
    owner: "AWS",
    provider: "CodePipeline",
    v2Only: true,
    inputs: [0, 0],
    outputs: [0, 0],
    acceptsCloneRef: false,
    refCapacity: 2,
    crossRegion: true,
    weight: 1,
    build(ctx) {
      const configuration: Record<string, string> = { PipelineName: `downstream-${ctx.serial}` };
      if (ctx.refs.length > 0) {
        configuration.Variables = JSON.stringify(ctx.refs.map((ref, i) => ({ name: `var${i}`, value: ref })));
      } else if (ctx.c.bool(0.3)) {
        configuration.Variables = JSON.stringify([{ name: "env", value: "prod" }]);
      }
      if (ctx.c.bool(0.2)) {
        configuration.SourceRevisions = JSON.stringify([
          { actionName: "Source", revisionType: "COMMIT_ID", revisionValue: "0123456789abcdef0123456789abcdef01234567" },
        ]);
      }
      return { configuration, emits: [] };
    },
  },
  {
    key: "Compute/AWS/Commands",
    category: "Compute",
    owner: "AWS",
    provider: "Commands",
    v2Only: true,
    inputs: [1, 3],
    outputs: [0, 1],
    acceptsCloneRef: false,
    refCapacity: 3,
    crossRegion: true,
    weight: 3,
    build(ctx) {
      const { c, outputs } = ctx;
      const commands = ["npm ci", "npm test"].slice(0, c.int(1, 2));
      ctx.refs.forEach((ref) => commands.push(`echo "${ref}"`));
      const outputVariables = c.bool(0.5) ? c.some(["BUILD_ID", "IMAGE_TAG", "VERSION"], 1, 3) : undefined;
      const environmentVariables: Array<{ name: string; value: string; type?: string }> = [];
      if (c.bool(0.3)) environmentVariables.push({ name: "STAGE", value: "prod", type: "PLAINTEXT" });
      if (c.bool(0.2)) environmentVariables.push({ name: "TOKEN", value: "prod/api-token", type: "SECRETS_MANAGER" });
      const configuration: Record<string, string> = {};
      if (c.bool(0.3)) configuration.EnvironmentType = "LINUX_CONTAINER";
      if (c.bool(0.3)) configuration.ComputeType = c.pick(["BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM", "BUILD_GENERAL1_LARGE"]);
      if (c.bool(0.1)) {
        configuration.EnvironmentType = "WINDOWS_SERVER_2022_CONTAINER";
        configuration.ComputeType = c.pick(["BUILD_GENERAL1_MEDIUM", "BUILD_GENERAL1_LARGE"]);
      }
      return {
        configuration,
        commands,
        ...(outputVariables ? { outputVariables } : {}),
        ...(environmentVariables.length > 0 ? { environmentVariables } : {}),
        outputFiles: outputs.map(() => (c.bool(0.5) ? c.some(["dist/**/*", "report.xml", "**/*"], 1, 2) : undefined)),
        emits: outputVariables ?? [],
      };
    },
  },
];

interface SourceSpec {
  readonly key: string;
  readonly provider: string;
  readonly emits: readonly string[];
  readonly build: (c: Chooser, serial: number, cloneRef: boolean) => { configuration: Record<string, string>; branch?: string };
}

const SOURCE_SPECS: readonly SourceSpec[] = [
  {
    key: "Source/AWS/S3",
    provider: "S3",
    emits: ["BucketName", "ETag", "ObjectKey", "VersionId"],
    build(c, serial) {
      const configuration: Record<string, string> = {
        S3Bucket: `source-bucket-${serial}`,
        S3ObjectKey: c.pick(["source.zip", "app/source.zip"]),
        PollForSourceChanges: "false",
      };
      if (c.bool(0.3)) configuration.AllowOverrideForS3ObjectKey = c.pick(["true", "false"]);
      return { configuration };
    },
  },
  {
    key: "Source/AWS/CodeCommit",
    provider: "CodeCommit",
    emits: ["CommitId", "CommitMessage", "RepositoryName", "BranchName", "AuthorDate", "CommitterDate"],
    build(c, serial, cloneRef) {
      const branch = c.pick(BRANCHES);
      const configuration: Record<string, string> = {
        RepositoryName: `repo-${serial}`,
        BranchName: branch,
        PollForSourceChanges: "false",
      };
      if (cloneRef) configuration.OutputArtifactFormat = "CODEBUILD_CLONE_REF";
      else if (c.bool(0.3)) configuration.OutputArtifactFormat = "CODE_ZIP";
      return { configuration, branch };
    },
  },
  {
    key: "Source/AWS/ECR",
    provider: "ECR",
    emits: ["RegistryId", "RepositoryName", "ImageTag", "ImageDigest", "ImageURI"],
    build(c, serial) {
      const configuration: Record<string, string> = { RepositoryName: `base-image-${serial}` };
      if (c.bool(0.6)) configuration.ImageTag = c.pick(["latest", "stable"]);
      return { configuration };
    },
  },
  {
    key: "Source/AWS/CodeStarSourceConnection",
    provider: "CodeStarSourceConnection",
    emits: ["AuthorDate", "BranchName", "CommitId", "CommitMessage", "ConnectionArn", "FullRepositoryName"],
    build(c, serial, cloneRef) {
      const branch = c.pick(BRANCHES);
      const configuration: Record<string, string> = {
        ConnectionArn: `arn:aws:codestar-connections:${HOME_REGION}:${ACCOUNT}:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f`,
        FullRepositoryId: `acme/service-${serial}`,
        BranchName: branch,
      };
      if (cloneRef) configuration.OutputArtifactFormat = "CODEBUILD_CLONE_REF";
      else if (c.bool(0.3)) configuration.OutputArtifactFormat = "CODE_ZIP";
      if (c.bool(0.3)) configuration.DetectChanges = c.pick(["true", "false"]);
      return { configuration, branch };
    },
  },
];

/** Every provider key the generator knows, sources first. */
export const PROVIDER_KEYS: readonly string[] = [...SOURCE_SPECS.map((s) => s.key), ...PROVIDER_SPECS.map((p) => p.key)];
export const V2_ONLY_PROVIDER_KEYS: readonly string[] = PROVIDER_SPECS.filter((p) => p.v2Only).map((p) => p.key);

/** Configuration keys whose value names an input artifact (`Art` or `Art::file`). */
export const ARTIFACT_REFERENCING_KEYS: ReadonlySet<string> = new Set([
  "PrimarySource",
  "TemplatePath",
  "TemplateConfiguration",
  "Parameters",
  "ParameterOverrides",
  "DeploymentTargets",
  "TaskDefinitionTemplateArtifact",
  "AppSpecTemplateArtifact",
  "Image1ArtifactName",
  "Image2ArtifactName",
  "Image3ArtifactName",
  "Image4ArtifactName",
]);

/* ------------------------------------------------------------------------------------------ */
/* The builder                                                                                  */
/* ------------------------------------------------------------------------------------------ */

interface ArtifactInfo {
  readonly name: string;
  readonly stage: number;
  readonly runOrder: number;
  readonly cloneRef: boolean;
  consumed: boolean;
}

interface NamespaceInfo {
  readonly name: string;
  readonly stage: number;
  readonly runOrder: number;
  readonly keys: readonly string[];
  referenced: boolean;
}

interface VariableInfo {
  readonly name: string;
  referenced: boolean;
}

class PipelineBuilder {
  private readonly usedNames = new Set<string>();
  private readonly artifacts: ArtifactInfo[] = [];
  private readonly namespaces: NamespaceInfo[] = [];
  private readonly variables: VariableInfo[] = [];
  private readonly required: string[];
  private serial = 0;
  private readonly v2: boolean;
  private readonly name: string;
  private readonly crossRegionUsed = new Set<string>();
  private anyForeignRole = false;
  private readonly stages: Json[] = [];
  private readonly mode: string | undefined;

  constructor(
    private readonly c: Chooser,
    private readonly o: GenOptions,
  ) {
    const type = o.pipelineType ?? (c.bool(0.7) ? "V2" : "V1");
    this.v2 = type === "V2";
    this.name = c.pick(["web-app", "api.service@prod", "data_pipeline-2", "constructor", "__proto__", "x", padName("long.pipeline", 100)]);
    const modes = (o.executionModes ?? [undefined, "SUPERSEDED", "QUEUED", "PARALLEL"]).filter(
      (m) => this.v2 || m === undefined || m === "SUPERSEDED",
    );
    this.mode = modes.length > 0 ? c.pick(modes) : undefined;
    this.required = [...(o.include ?? [])];
  }

  private feature(f: Feature | undefined, p: number): boolean {
    if (f === "off") return false;
    if (f === "force") return true;
    return this.c.bool(p);
  }

  /** A fresh artifact/namespace name (the two share one space: VAR013). */
  private freshName(base: string, strict = false): string {
    if (!strict && this.c.bool(0.08)) {
      const free = PROTOTYPE_NAMES.filter((n) => !this.usedNames.has(n));
      if (free.length > 0) {
        const n = this.c.pick(free);
        this.usedNames.add(n);
        return n;
      }
    }
    let name = base;
    for (let i = 2; this.usedNames.has(name); i++) name = `${base}${strict ? "_" : "-"}${i}`;
    if (this.c.bool(0.03) && !this.usedNames.has(padName(name, 100))) {
      this.usedNames.add(name); // reserve the short form too
      name = padName(name, 100); // the model maximum
    }
    this.usedNames.add(name);
    return name;
  }

  build(): Json {
    const { c, o } = this;
    const wantVariables = this.v2 && this.feature(o.variables, 0.4);
    if (wantVariables) {
      const names = c.some(["env", "region", "release_channel", "__proto__", "toString", "DEPLOY-TARGET", "a@b", padName("long-variable", 128)], 1, 4);
      for (const name of names) this.variables.push({ name, referenced: false });
    }

    const minStages = Math.max(2, o.minStages ?? 2);
    const maxStages = Math.max(minStages, o.maxStages ?? 8);
    const stageCount = c.int(minStages, maxStages);
    const stageNames = this.stageNames(stageCount);

    const triggerSources = this.buildSourceStage(stageNames[0]!);
    for (let s = 1; s < stageCount; s++) this.buildStage(s, stageNames[s]!, s === stageCount - 1);
    this.placeRemainingRequired();

    if (this.v2 && this.feature(o.conditions, 0.4)) this.addConditions(o.conditions === "force");
    if (o.namespaces === "force" && this.namespaces.length === 0) this.forceNamespace();
    if (o.crossRegion === "force" && this.crossRegionUsed.size === 0) this.forceCrossRegion();
    this.addCollectors();
    // Last: inserted stages hold approvals only, and must not shift indices recorded above.
    this.addBoundaryStages();

    const declaration: Json = {
      name: this.name,
      roleArn: c.pick([
        `arn:aws:iam::${ACCOUNT}:role/service-role/AWSCodePipelineServiceRole-${HOME_REGION}`,
        `arn:aws:iam::${ACCOUNT}:role/pipeline`,
      ]),
    };
    this.addArtifactStores(declaration);
    declaration.stages = this.stages.map((stage) => this.finishStage(stage));
    if (c.bool(0.7)) declaration.version = 1;
    if (this.mode !== undefined) declaration.executionMode = this.mode;
    declaration.pipelineType = this.v2 ? "V2" : "V1";
    if (this.variables.length > 0) {
      declaration.variables = this.variables.map((v) => {
        const out: Json = { name: v.name, defaultValue: c.pick(["prod", "us-east-1", "stable", "1"]) };
        if (c.bool(0.4)) out.description = c.pick(["", "Target environment", "Where to deploy"]);
        return out;
      });
    }
    const triggers = this.v2 ? this.buildTriggers(triggerSources) : [];
    if (triggers.length > 0) declaration.triggers = triggers;
    return declaration;
  }

  private stageNames(count: number): string[] {
    const pool = ["Build", "Test", "Deploy", "Staging", "Prod", "Release.v2", "QA@eu", "constructor", "__proto__", "hasOwnProperty"];
    const names = [this.c.pick(["Source", "Sources", "Checkout"])];
    const picked = this.c.shuffle(pool);
    for (let i = 1; i < count; i++) names.push(picked[i - 1] ?? `Stage-${i}`);
    return names;
  }

  /* ----- stage 0 ----- */

  private buildSourceStage(name: string): Array<{ name: string; branch: string }> {
    const { c, o } = this;
    const specs = SOURCE_SPECS.filter((s) => !(o.exclude ?? []).includes(s.key) || this.required.includes(s.key));
    const forcedKeys = this.required.filter((k) => k.startsWith("Source/"));
    this.required.splice(0, this.required.length, ...this.required.filter((k) => !k.startsWith("Source/")));
    const wantTriggers = this.v2 && o.triggers === "force";
    if (wantTriggers && !forcedKeys.includes("Source/AWS/CodeStarSourceConnection")) forcedKeys.push("Source/AWS/CodeStarSourceConnection");
    const wantCloneRef = o.cloneRef === "force" || (o.cloneRef !== "off" && c.bool(0.15));
    const count = Math.max(c.int(1, 3), forcedKeys.length + (wantCloneRef ? 1 : 0), wantCloneRef ? 2 : 1);
    const keys: string[] = [...forcedKeys];
    while (keys.length < count) keys.push(c.pick(specs.length > 0 ? specs : SOURCE_SPECS).key);
    let ordered = c.shuffle(keys);
    // The first source never produces a clone ref, so every provider has something to consume.
    if (wantCloneRef) {
      const idx = ordered.findIndex((k, i) => i > 0 && (k.endsWith("CodeCommit") || k.endsWith("CodeStarSourceConnection")));
      if (idx < 0) {
        const excluded = o.exclude ?? [];
        ordered = [...ordered, excluded.includes("Source/AWS/CodeCommit") ? "Source/AWS/CodeStarSourceConnection" : "Source/AWS/CodeCommit"];
      }
    }
    const actionNames = this.uniqueActionNames(ordered.length, ["Source", "App", "Infra", "Image", "Config", "toString"]);
    const actions: Json[] = [];
    const connectionSources: Array<{ name: string; branch: string }> = [];
    let cloneDone = !wantCloneRef;
    ordered.forEach((key, i) => {
      const spec = SOURCE_SPECS.find((s) => s.key === key)!;
      const canClone = i > 0 && (spec.provider === "CodeCommit" || spec.provider === "CodeStarSourceConnection");
      const cloneRef = !cloneDone && canClone;
      if (cloneRef) cloneDone = true;
      const serial = this.serial++;
      const built = spec.build(c, serial, cloneRef);
      const artifact = this.freshName(c.pick(["SourceOutput", "SourceArtifact", "Src"]));
      this.artifacts.push({ name: artifact, stage: 0, runOrder: 1, cloneRef, consumed: false });
      const action: Json = {
        name: actionNames[i],
        actionTypeId: { category: "Source", owner: "AWS", provider: spec.provider, version: "1" },
        runOrder: 1,
        configuration: built.configuration,
        outputArtifacts: [{ name: artifact }],
        inputArtifacts: [],
      };
      if (this.feature(o.namespaces, 0.5)) {
        const ns = this.freshName(c.pick(["SourceVariables", "SourceVars", "Src-NS"]));
        action.namespace = ns;
        this.namespaces.push({ name: ns, stage: 0, runOrder: 1, keys: spec.emits, referenced: false });
      }
      if (this.feature(o.actionRoles, 0.05)) action.roleArn = `arn:aws:iam::${ACCOUNT}:role/source-action-role`;
      if (c.bool(0.05)) action.region = HOME_REGION; // explicit, not cross-region: allowed for sources
      if (spec.provider === "CodeStarSourceConnection") connectionSources.push({ name: actionNames[i]!, branch: built.branch! });
      actions.push(action);
    });
    this.stages.push({ name, actions, groups: [1] });
    return connectionSources;
  }

  private uniqueActionNames(count: number, pool: readonly string[]): string[] {
    const names: string[] = [];
    const shuffled = this.c.shuffle(pool);
    for (let i = 0; i < count; i++) {
      let n = shuffled[i % shuffled.length]!;
      if (names.includes(n)) n = `${n}-${i}`;
      names.push(n);
    }
    return names;
  }

  /* ----- later stages ----- */

  private eligible(stageIndex: number, runOrder: number): ProviderSpec[] {
    const exclude = this.o.exclude ?? [];
    return PROVIDER_SPECS.filter((p) => {
      if (p.v2Only && !this.v2) return false;
      if (exclude.includes(p.key)) return false;
      if (p.provider === "DeviceFarm" && this.o.crossRegion === "off") return false;
      return this.inputCandidates(p, stageIndex, runOrder).length >= p.inputs[0];
    });
  }

  private inputCandidates(p: ProviderSpec, stageIndex: number, runOrder: number): ArtifactInfo[] {
    return this.artifacts.filter(
      (a) =>
        (a.stage < stageIndex || (a.stage === stageIndex && a.runOrder < runOrder)) && (p.acceptsCloneRef || !a.cloneRef),
    );
  }

  private buildStage(stageIndex: number, name: string, last: boolean): void {
    const { c } = this;
    const groupCount = c.int(1, 3);
    const groups: number[] = [];
    let ro = c.int(1, 3);
    for (let g = 0; g < groupCount; g++) {
      groups.push(ro);
      ro += c.bool(0.1) ? c.int(50, 200) : c.int(1, 4);
    }
    // The model maximum, where no later group has to follow (the last stage gets collectors).
    if (!last && groups.length > 1 && c.bool(0.05)) groups[groups.length - 1] = 999;
    const actions: Json[] = [];
    const names = new Set<string>();
    for (const runOrder of groups) {
      const count = c.int(1, 3);
      for (let k = 0; k < count; k++) {
        const action = this.buildAction(stageIndex, runOrder, names, last && runOrder === groups[groups.length - 1]);
        if (action) actions.push(action);
      }
    }
    if (actions.length === 0) actions.push(this.buildAction(stageIndex, groups[0]!, names, false, PROVIDER_SPECS.find((p) => p.key === "Approval/AWS/Manual")));
    this.stages.push({ name, actions, groups });
  }

  private buildAction(
    stageIndex: number,
    runOrder: number,
    names: Set<string>,
    finalGroup: boolean,
    forced?: ProviderSpec,
  ): Json | undefined {
    const { c, o } = this;
    let spec = forced;
    if (!spec) {
      const eligible = this.eligible(stageIndex, runOrder);
      const requiredHere = this.required.find((k) => eligible.some((p) => p.key === k));
      if (requiredHere && c.bool(0.7)) {
        spec = eligible.find((p) => p.key === requiredHere)!;
        this.required.splice(this.required.indexOf(requiredHere), 1);
      } else {
        const pool = eligible.filter((p) => (o.include ?? []).includes(p.key) || !(o.exclude ?? []).includes(p.key));
        if (pool.length === 0) return undefined;
        spec = weightedPick(c, pool);
      }
    }
    const serial = this.serial++;

    // Inputs: prefer artifacts nobody consumes yet.
    const candidates = this.inputCandidates(spec, stageIndex, runOrder);
    const inputCount = Math.min(candidates.length, c.int(spec.inputs[0], spec.inputs[1]));
    const fresh = candidates.filter((a) => !a.consumed);
    const chosen: ArtifactInfo[] = [];
    for (let i = 0; i < inputCount; i++) {
      const from = fresh.filter((a) => !chosen.includes(a));
      const pool = from.length > 0 && c.bool(0.8) ? from : candidates.filter((a) => !chosen.includes(a));
      chosen.push(c.pick(pool));
    }
    for (const a of chosen) a.consumed = true;

    // Outputs: none in the final group of the final stage unless the provider insists (collectors consume them).
    const maxOut = finalGroup ? spec.outputs[0] : spec.outputs[1];
    const outputCount = c.int(spec.outputs[0], Math.max(spec.outputs[0], maxOut));
    // CodeBuild with 2+ outputs needs buildspec identifiers (ART009): underscores only.
    const strict = spec.provider === "CodeBuild" && outputCount >= 2;
    const outputs: string[] = [];
    for (let i = 0; i < outputCount; i++) {
      outputs.push(this.freshName(c.pick(["BuildOutput", "Artifact", "Package", "Report", "Bundle"]), strict));
    }
    if (strict) {
      // a prototype name picked above may contain only letters and underscores; all good
    }

    // Variable references: marked as used only if the provider really embedded them.
    const refs = this.chooseRefs(spec.refCapacity, (ns) => ns.stage < stageIndex || (ns.stage === stageIndex && ns.runOrder < runOrder), false);

    const built = spec.build({ c, inputs: chosen.map((a) => a.name), outputs, refs, pipelineName: this.name, serial });
    const embedded = JSON.stringify([built.configuration, built.commands, built.environmentVariables]);
    for (const ref of refs) if (embedded.includes(ref)) this.markReferenced(ref);
    for (const out of outputs) this.artifacts.push({ name: out, stage: stageIndex, runOrder, cloneRef: false, consumed: false });

    const actionName = this.actionName(spec, names);
    const action: Json = {
      name: actionName,
      actionTypeId: { category: spec.category, owner: spec.owner, provider: spec.provider, version: "1" },
      runOrder,
    };
    if (built.configuration && (Object.keys(built.configuration).length > 0 || c.bool(0.5))) action.configuration = built.configuration;
    if (built.commands) action.commands = built.commands;
    if (outputs.length > 0 || c.bool(0.5)) {
      action.outputArtifacts = outputs.map((n, i) => {
        const files = built.outputFiles?.[i];
        return files ? { name: n, files } : { name: n };
      });
    }
    if (chosen.length > 0 || c.bool(0.5)) action.inputArtifacts = chosen.map((a) => ({ name: a.name }));
    if (built.outputVariables) action.outputVariables = built.outputVariables;

    const mayUseRole = spec.owner === "AWS";
    if (mayUseRole && this.feature(o.actionRoles, 0.06)) {
      // CDK forbids outputs on cross-account CodeBuild actions; keep foreign roles away from them.
      const foreignOk = !(spec.provider === "CodeBuild" && outputs.length > 0);
      const foreign = foreignOk && c.bool(0.4);
      if (foreign) this.anyForeignRole = true;
      action.roleArn = `arn:aws:iam::${foreign ? OTHER_ACCOUNT : ACCOUNT}:role/action-${serial}`;
    }
    if (spec.provider === "DeviceFarm") {
      // Device Farm only exists in us-west-2 (ACT006): run the action there.
      this.crossRegionUsed.add("us-west-2");
      action.region = "us-west-2";
    } else if (spec.crossRegion && spec.owner === "AWS" && o.crossRegion !== "off") {
      if (this.feature(o.crossRegion === "force" ? "maybe" : o.crossRegion, 0.05)) {
        const region = c.pick(CROSS_REGIONS);
        this.crossRegionUsed.add(region);
        action.region = region;
      } else if (c.bool(0.03)) {
        action.region = HOME_REGION; // explicit home region: not cross-region
      }
    }
    const emits = built.emits;
    const canNamespace = emits === "user" || emits.length > 0;
    if (canNamespace && this.feature(o.namespaces, 0.35)) {
      const ns = this.freshName(c.pick(["BuildVariables", "DeployVars", "NS", "Out@vars"]));
      action.namespace = ns;
      this.namespaces.push({ name: ns, stage: stageIndex, runOrder, keys: emits === "user" ? USER_KEYS : emits, referenced: false });
    }
    if (built.timeoutInMinutes !== undefined) action.timeoutInMinutes = built.timeoutInMinutes;
    if (built.environmentVariables) action.environmentVariables = built.environmentVariables;
    return action;
  }

  private actionName(spec: ProviderSpec, names: Set<string>): string {
    const base = this.c.pick([
      spec.category,
      spec.provider,
      `${spec.provider}.v2`,
      `${spec.category}@${spec.provider}`,
      ...(this.c.bool(0.1) ? PROTOTYPE_NAMES : []),
    ]);
    let name = base;
    for (let i = 2; names.has(name); i++) name = `${base}-${i}`;
    if (this.c.bool(0.03) && !names.has(padName(name, 100))) {
      names.add(name);
      name = padName(name, 100);
    }
    names.add(name);
    return name;
  }

  /** Up to `capacity` references to things visible from here, preferring unreferenced ones. */
  private markReferenced(ref: string): void {
    const m = /^#\{([^.]+)\.(.+)\}$/.exec(ref);
    if (!m) return;
    if (m[1] === "variables") {
      for (const v of this.variables) if (v.name === m[2]) v.referenced = true;
    } else {
      for (const ns of this.namespaces) if (ns.name === m[1]) ns.referenced = true;
    }
  }

  private chooseRefs(capacity: number, visible: (ns: NamespaceInfo) => boolean, mark = true): string[] {
    const { c } = this;
    if (capacity === 0) return [];
    const refs: string[] = [];
    const count = c.int(0, capacity);
    for (let i = 0; i < count; i++) {
      const kind = c.int(0, 9);
      const nsPool = this.namespaces.filter(visible);
      const pending = nsPool.filter((n) => !n.referenced);
      const pendingVars = this.variables.filter((v) => !v.referenced);
      if (kind < 6 && nsPool.length > 0) {
        const ns = c.pick(pending.length > 0 && c.bool(0.8) ? pending : nsPool);
        if (mark) ns.referenced = true;
        refs.push(`#{${ns.name}.${c.pick(ns.keys)}}`);
      } else if (kind < 9 && this.variables.length > 0) {
        const v = c.pick(pendingVars.length > 0 ? pendingVars : this.variables);
        if (mark) v.referenced = true;
        refs.push(`#{variables.${v.name}}`);
      } else {
        refs.push("#{codepipeline.PipelineExecutionId}");
      }
    }
    return [...new Set(refs)];
  }

  private placeRemainingRequired(): void {
    if (this.required.length === 0) return;
    const lastIndex = this.stages.length - 1;
    const last = this.stages[lastIndex]!;
    const names = new Set<string>(last.actions.map((a: Json) => a.name));
    const ro = Math.max(...last.groups) + 1;
    last.groups.push(ro);
    for (const key of [...this.required]) {
      const spec = PROVIDER_SPECS.find((p) => p.key === key);
      if (!spec) throw new Error(`unknown provider key ${key}`);
      if (spec.v2Only && !this.v2) throw new Error(`${key} needs a V2 pipeline`);
      last.actions.push(this.buildAction(lastIndex, ro, names, false, spec));
    }
    this.required.length = 0;
  }

  /** Sometimes a stage of exactly 50 approvals, or padding up to exactly 50 stages (quotas). */
  private addBoundaryStages(): void {
    const { c } = this;
    const approvals = (count: number): Json[] =>
      Array.from({ length: count }, (_, i) => ({
        name: `Approve-${i}`,
        actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" },
        runOrder: 1 + (i % 3) * 2,
      }));
    const insert = (name: string, count: number) => {
      const at = c.int(1, this.stages.length - 1);
      this.stages.splice(at, 0, { name, actions: approvals(count), groups: [1, 3, 5] });
    };
    if (c.bool(0.02)) insert("Approvals-50", 50);
    if (c.bool(0.01)) for (let i = this.stages.length; i < 50; i++) insert(`Gate-${i}`, 1);
  }

  /* ----- conditions ----- */

  private addConditions(force: boolean): void {
    const { c } = this;
    let added = false;
    for (let s = 1; s < this.stages.length; s++) {
      const stage = this.stages[s]!;
      if (c.bool(0.35)) {
        stage.beforeEntry = { conditions: [this.condition(s, "beforeEntry")] };
        added = true;
      }
      if (c.bool(0.3)) {
        stage.onSuccess = { conditions: [this.condition(s, "onSuccess")] };
        added = true;
      }
      if (c.bool(0.3)) {
        stage.onFailure = this.onFailure(s);
        added = true;
      }
    }
    if (force && !added) {
      const s = c.int(1, this.stages.length - 1);
      this.stages[s]!.beforeEntry = { conditions: [this.condition(s, "beforeEntry")] };
    }
  }

  private noRollback(): boolean {
    return this.mode === "PARALLEL";
  }

  private onFailure(s: number): Json {
    const { c } = this;
    const kind = this.noRollback() ? 0 : c.int(0, 2);
    if (kind === 0) return { result: "RETRY", retryConfiguration: { retryMode: c.pick(["FAILED_ACTIONS", "ALL_ACTIONS"]) } };
    if (kind === 1) return { result: "ROLLBACK" };
    return { result: "ROLLBACK", conditions: [this.condition(s, "onFailure")] };
  }

  private condition(s: number, block: "beforeEntry" | "onSuccess" | "onFailure"): Json {
    const { c } = this;
    let result: string;
    if (block === "beforeEntry") result = c.pick(["FAIL", "SKIP"]);
    else if (block === "onSuccess") result = this.noRollback() ? "FAIL" : c.pick(["FAIL", "ROLLBACK"]);
    else result = "ROLLBACK";
    const providers =
      result === "SKIP"
        ? ["LambdaInvoke", "VariableCheck"]
        : ["CloudWatchAlarm", "CodeBuild", "Commands", "DeploymentWindow", "LambdaInvoke", "VariableCheck"];
    const count = c.int(1, 3);
    const rules: Json[] = [];
    // Visible when the rule runs: beforeEntry sees earlier stages only; the others this stage too.
    const visibleStage = (stage: number) => (block === "beforeEntry" ? stage < s : stage <= s);
    for (let i = 0; i < count; i++) rules.push(this.rule(c.pick(providers), visibleStage));
    return { result, rules };
  }

  private rule(provider: string, visibleStage: (stage: number) => boolean): Json {
    const { c } = this;
    const serial = this.serial++;
    const rule: Json = {
      name: this.c.pick(["Check", "Gate", "Alarm", "Window"]) + `-${serial}`,
      ruleTypeId: { category: "Rule", owner: "AWS", provider, version: "1" },
    };
    if (c.bool(0.2)) delete rule.ruleTypeId.owner; // owner is optional for rules
    const visibleNs = (ns: NamespaceInfo) => visibleStage(ns.stage);
    const artifacts = this.artifacts.filter((a) => visibleStage(a.stage));
    switch (provider) {
      case "CloudWatchAlarm":
        rule.configuration = { AlarmName: `alarm-${serial}` };
        if (c.bool(0.5)) rule.configuration.AlarmStates = c.pick(["ALARM", "OK", "INSUFFICIENT_DATA"]);
        if (c.bool(0.5)) rule.configuration.WaitTime = String(c.int(1, 300));
        break;
      case "CodeBuild":
      case "Commands": {
        const codeBuild = provider === "CodeBuild";
        const pool = artifacts.filter((a) => codeBuild || !a.cloneRef);
        if (pool.length > 0) {
          const fresh = pool.filter((a) => !a.consumed);
          const art = c.pick(fresh.length > 0 ? fresh : pool);
          art.consumed = true;
          rule.inputArtifacts = [{ name: art.name }];
        }
        if (codeBuild) rule.configuration = { ProjectName: `rule-project-${serial}` };
        else rule.commands = ["npm run smoke-test"];
        break;
      }
      case "DeploymentWindow":
        rule.configuration = { Cron: c.pick(["* 0-59 9-17 ? * MON-FRI", "* * 0-6 ? * SAT,SUN *"]) };
        if (c.bool(0.6)) rule.configuration.TimeZone = c.pick(["UTC", "America/New_York", "Europe/Paris", "UTC+02:00"]);
        break;
      case "LambdaInvoke": {
        rule.configuration = { FunctionName: `gate-${serial}` };
        const refs = this.chooseRefs(2, visibleNs);
        if (refs.length > 0) rule.configuration.UserParameters = refs.join(",");
        if (c.bool(0.1)) rule.configuration.UserParameters = (rule.configuration.UserParameters ?? "").padEnd(10_000, "-"); // rule values: max 10000
        break;
      }
      case "VariableCheck": {
        const refs = this.chooseRefs(1, visibleNs);
        const variable = refs[0] ?? "#{codepipeline.PipelineExecutionId}";
        const operator = c.pick(["EQ", "CONTAINS", "NE", "MATCHES"]);
        rule.configuration = {
          Variable: variable,
          Operator: operator,
          Value: operator === "MATCHES" ? "^[a-z0-9-]+$" : c.pick(["main", "prod", "1"]),
        };
        break;
      }
    }
    if (c.bool(0.2)) rule.timeoutInMinutes = c.pick([5, 60, 86400]);
    if (c.bool(0.1)) rule.roleArn = `arn:aws:iam::${ACCOUNT}:role/rule-role`;
    return rule;
  }

  /* ----- forced features and collectors ----- */

  private forceNamespace(): void {
    const source = this.stages[0]!.actions[0]!;
    const ns = this.freshName("SourceVariables");
    source.namespace = ns;
    const spec = SOURCE_SPECS.find((s) => s.provider === source.actionTypeId.provider)!;
    this.namespaces.push({ name: ns, stage: 0, runOrder: 1, keys: spec.emits, referenced: false });
  }

  private forceCrossRegion(): void {
    const lastIndex = this.stages.length - 1;
    const last = this.stages[lastIndex]!;
    const ro = Math.max(...last.groups) + 1;
    last.groups.push(ro);
    const names = new Set<string>(last.actions.map((a: Json) => a.name));
    const region = this.c.pick(CROSS_REGIONS);
    this.crossRegionUsed.add(region);
    let name = "CrossRegionInvoke";
    for (let i = 2; names.has(name); i++) name = `CrossRegionInvoke-${i}`;
    last.actions.push({
      name,
      actionTypeId: { category: "Invoke", owner: "AWS", provider: "Lambda", version: "1" },
      runOrder: ro,
      configuration: { FunctionName: `replicate-${this.serial++}` },
      region,
    });
  }

  /** CodeBuild actions at the very end that consume every unconsumed artifact and reference every unreferenced name. */
  private addCollectors(): void {
    const pendingArtifacts = this.artifacts.filter((a) => !a.consumed);
    const refs: string[] = [
      ...this.namespaces.filter((n) => !n.referenced).map((n) => `#{${n.name}.${this.c.pick(n.keys)}}`),
      ...this.variables.filter((v) => !v.referenced).map((v) => `#{variables.${v.name}}`),
    ];
    if (pendingArtifacts.length === 0 && refs.length === 0) return;
    for (const n of this.namespaces) n.referenced = true;
    for (const v of this.variables) v.referenced = true;
    const lastIndex = this.stages.length - 1;
    const last = this.stages[lastIndex]!;
    const ro = Math.max(...last.groups) + 1;
    last.groups.push(ro);
    const names = new Set<string>(last.actions.map((a: Json) => a.name));
    while (pendingArtifacts.length > 0 || refs.length > 0) {
      const inputs = pendingArtifacts.splice(0, 5);
      if (inputs.length === 0) inputs.push(this.artifacts[0]!);
      for (const a of inputs) a.consumed = true;
      const myRefs = refs.splice(0, 4);
      let name = "Collect";
      for (let i = 2; names.has(name); i++) name = `Collect-${i}`;
      names.add(name);
      const configuration: Record<string, string> = { ProjectName: `collect-${this.serial++}` };
      if (inputs.length > 1) configuration.PrimarySource = inputs[0]!.name;
      if (myRefs.length > 0) {
        configuration.EnvironmentVariables = JSON.stringify(myRefs.map((value, i) => ({ name: `UPSTREAM_${i}`, value, type: "PLAINTEXT" })));
      }
      last.actions.push({
        name,
        actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
        runOrder: ro,
        configuration,
        inputArtifacts: inputs.map((a) => ({ name: a.name })),
      });
    }
  }

  /* ----- stores, triggers, finishing ----- */

  private addArtifactStores(declaration: Json): void {
    const { c, o } = this;
    const useMap = this.crossRegionUsed.size > 0 || c.bool(0.15);
    const encrypt = this.feature(o.encryption, 0.25);
    const key = (region: string): Json => {
      const kind = c.int(0, 2);
      if (kind === 2 && !this.anyForeignRole && region === HOME_REGION) return { id: "alias/codepipeline", type: "KMS" };
      if (kind === 1) return { id: "1234abcd-12ab-34cd-56ef-1234567890ab", type: "KMS" };
      return { id: `arn:aws:kms:${region}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, type: "KMS" };
    };
    const store = (region: string): Json => {
      const s: Json = { type: "S3", location: `codepipeline-${region}-${ACCOUNT}` };
      if (encrypt) s.encryptionKey = key(region);
      return s;
    };
    if (!useMap) {
      declaration.artifactStore = store(HOME_REGION);
      return;
    }
    const regions = c.shuffle([HOME_REGION, ...this.crossRegionUsed]);
    declaration.artifactStores = {};
    for (const r of regions) declaration.artifactStores[r] = store(r);
  }

  private buildTriggers(sources: Array<{ name: string; branch: string }>): Json[] {
    const { c, o } = this;
    if (o.triggers === "off") return [];
    const triggers: Json[] = [];
    for (const source of sources) {
      if (!(o.triggers === "force" && triggers.length === 0) && !c.bool(0.6)) continue;
      triggers.push({ providerType: "CodeStarSourceConnection", gitConfiguration: this.gitConfiguration(source) });
    }
    return triggers;
  }

  private gitConfiguration(source: { name: string; branch: string }): Json {
    const { c } = this;
    const extraIncludes = ["release/**", "hotfix/*", "feature/{api,web}"];
    const excludes = ["experimental/**", "wip-*"];
    const branchCriteria = (): Json => {
      const includes = [source.branch, ...c.some(extraIncludes.filter((p) => p !== source.branch), 0, 2)];
      const criteria: Json = { includes: c.shuffle(includes) };
      if (c.bool(0.3)) criteria.excludes = c.some(excludes, 1, 2);
      return criteria;
    };
    const filePaths = (): Json => {
      const f: Json = { includes: c.some(["src/**", "*.json", "package.json"], 1, 2) };
      if (c.bool(0.3)) f.excludes = ["docs/**"];
      return f;
    };
    const git: Json = { sourceActionName: source.name };
    // Where the source's BranchName is matched: push, pull request or both (TRIG016).
    const where = c.int(0, 2);
    if (where !== 1 || c.bool(0.3)) {
      const push: Json[] = [];
      if (where !== 1) {
        const f: Json = { branches: branchCriteria() };
        if (c.bool(0.3)) f.filePaths = filePaths();
        push.push(f);
      }
      if (c.bool(0.3) || push.length === 0) {
        const t: Json = { tags: { includes: c.some(["v*", "release-*", "v[0-9]*"], 1, 2) } };
        if (c.bool(0.3)) t.tags.excludes = ["*-rc"];
        push.push(t);
      }
      git.push = c.shuffle(push);
    }
    if (where !== 0 || c.bool(0.3)) {
      const pr: Json = { branches: branchCriteria() };
      if (c.bool(0.5)) pr.events = c.some(["OPEN", "UPDATED", "CLOSED"], 1, 3);
      if (c.bool(0.3)) pr.filePaths = filePaths();
      git.pullRequest = [pr];
    }
    return git;
  }

  private finishStage(stage: Json): Json {
    const { c } = this;
    const out: Json = { name: stage.name };
    let actions: Json[] = stage.actions;
    // runOrder may be omitted when every action of the stage runs in group 1 (ACT008 otherwise).
    if (actions.every((a) => a.runOrder === 1)) {
      actions = actions.map((a) => (c.bool(0.3) ? withoutKey(a, "runOrder") : a));
    }
    // Document order does not matter, only runOrder does: sometimes shuffle it.
    if (c.bool(0.3)) actions = c.shuffle(actions);
    out.actions = actions;
    if (stage.onFailure) out.onFailure = stage.onFailure;
    if (stage.onSuccess) out.onSuccess = stage.onSuccess;
    if (stage.beforeEntry) out.beforeEntry = stage.beforeEntry;
    return out;
  }
}

function weightedPick(c: Chooser, pool: readonly ProviderSpec[]): ProviderSpec {
  const total = pool.reduce((sum, p) => sum + p.weight, 0);
  let n = c.int(0, total - 1);
  for (const p of pool) {
    if (n < p.weight) return p;
    n -= p.weight;
  }
  return pool[pool.length - 1]!;
}

function withoutKey(object: Json, key: string): Json {
  const copy = { ...object };
  delete copy[key];
  return copy;
}

/** Builds one valid pipeline from a chooser (deterministic). */
export function generateValidPipeline(c: Chooser, options: GenOptions = {}): Json {
  return new PipelineBuilder(c, options).build();
}

/** Valid declarations (see the module comment) for `TEST_CONTEXT` (region us-east-1). */
export function arbitraryValidPipeline(options: GenOptions = {}): fc.Arbitrary<Json> {
  return arbitraryChooser().map((c) => generateValidPipeline(c, options));
}

/* ------------------------------------------------------------------------------------------ */
/* Garbage                                                                                      */
/* ------------------------------------------------------------------------------------------ */

const MEMBER_NAMES: readonly string[] = [...new Set(Object.values(MEMBERS).flat())];
const TRICKY_KEYS = [...PROTOTYPE_NAMES, "__defineGetter__", "isPrototypeOf", "length", "0", "", " ", "us-east-1", "${!Ref Region}"];

/** Creates a plain object with own enumerable properties, even for `__proto__`. */
export function objectFromEntries(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

const HUGE = "x".repeat(200_000);
const trickyStrings = fc.constantFrom(
  "",
  " ",
  "****",
  "#{",
  "#{}",
  "#{a.b",
  "#{a.b.c}",
  "#{variables.}",
  "#{codepipeline.PipelineExecutionId}",
  "${!Ref Something}",
  "::",
  "Art::",
  "arn:aws:iam::123:role/x",
  "V2",
  "v2",
  "Source",
  "CodeBuild",
  "true",
  "1",
  "\u0000",
  "\ud800",
  "é✓🚀",
  "a\nb",
  HUGE,
  "#{".repeat(5_000),
  ...PROTOTYPE_NAMES,
);

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 3, arbitrary: trickyStrings },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1, 1.5, 999, 1000, 86401, Number.MAX_SAFE_INTEGER, -0) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constant(null) },
);

const key: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...MEMBER_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...TRICKY_KEYS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
);

/** Random JSON-like values (plus NaN/±Infinity/-0), with member names of the model as keys. */
export function arbitraryJson(maxDepth = 4): fc.Arbitrary<unknown> {
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", maxDepth, withCrossShrink: true },
      { weight: 4, arbitrary: scalar },
      { weight: 1, arbitrary: fc.array(tie("value"), { maxLength: 5 }) },
      {
        weight: 2,
        arbitrary: fc.array(fc.tuple(key, tie("value")), { maxLength: 6 }).map((entries) => objectFromEntries(entries)),
      },
    ),
  }));
  return fc.oneof({ weight: 8, arbitrary: value }, { weight: 1, arbitrary: deepValue() });
}

/** A very deep chain of objects or arrays (depth up to 1000). */
function deepValue(): fc.Arbitrary<unknown> {
  return fc.tuple(fc.integer({ min: 50, max: 1000 }), fc.boolean(), fc.constantFrom(...MEMBER_NAMES)).map(([depth, arrays, k]) => {
    let v: unknown = "leaf";
    for (let i = 0; i < depth; i++) v = arrays ? [v] : objectFromEntries([[k, v]]);
    return v;
  });
}

/** One edit of pipeline-shaped garbage. */
interface GarbageEdit {
  readonly at: number;
  readonly kind: "replace" | "delete" | "insert" | "retype";
  readonly value: unknown;
  readonly key: string;
}

/** Every container/key pair in a JSON tree. */
export function locations(root: unknown): Array<{ parent: Json; key: string | number }> {
  const out: Array<{ parent: Json; key: string | number }> = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((child, i) => (out.push({ parent: v, key: i }), visit(child)));
    else if (v !== null && typeof v === "object") {
      for (const k of Object.keys(v)) {
        out.push({ parent: v, key: k });
        visit((v as Record<string, unknown>)[k]);
      }
    }
  };
  visit(root);
  return out;
}

function otherType(value: unknown, pick: number): unknown {
  const options: unknown[] =
    typeof value === "string"
      ? [42, null, [value], { value }, true, ""]
      : Array.isArray(value)
        ? [{ ...value }, "list", null, 0, [[]], [null]]
        : value !== null && typeof value === "object"
          ? [[value], "object", null, 7, [], objectFromEntries([["__proto__", value]])]
          : [String(value), [value], { value }, null, "", -1];
  return options[pick % options.length];
}

function applyEdit(root: Json, edit: GarbageEdit): Json {
  const locs = locations(root);
  if (locs.length === 0) return root;
  const { parent, key: k } = locs[edit.at % locs.length]!;
  switch (edit.kind) {
    case "replace":
      parent[k] = edit.value;
      break;
    case "retype":
      parent[k] = otherType(parent[k], edit.at);
      break;
    case "delete":
      if (Array.isArray(parent)) parent.splice(k as number, 1);
      else delete parent[k];
      break;
    case "insert": {
      const target = parent[k];
      if (Array.isArray(target)) target.splice(edit.at % (target.length + 1), 0, edit.value);
      else if (target !== null && typeof target === "object") Object.defineProperty(target, edit.key, { value: edit.value, enumerable: true, writable: true, configurable: true });
      else parent[k] = edit.value;
      break;
    }
  }
  return root;
}

const garbageEdit: fc.Arbitrary<GarbageEdit> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom("replace", "delete", "insert", "retype"),
  value: arbitraryJson(3),
  key,
});

/** Valid pipelines with 1..4 random subtrees replaced, retyped, deleted or extended. */
export function arbitraryPipelineGarbage(options: GenOptions = {}): fc.Arbitrary<unknown> {
  return fc.tuple(arbitraryValidPipeline(options), fc.array(garbageEdit, { minLength: 1, maxLength: 4 })).map(([pipeline, edits]) => {
    let root: Json = pipeline;
    for (const edit of edits) root = applyEdit(root, edit);
    return root;
  });
}

/* ------------------------------------------------------------------------------------------ */
/* Structural helpers for mutations                                                             */
/* ------------------------------------------------------------------------------------------ */

export function clone<T>(value: T): T {
  return structuredClone(value);
}

export interface ActionAt {
  readonly stage: number;
  readonly index: number;
  readonly action: Json;
}

export function actionsOf(p: Json): ActionAt[] {
  const out: ActionAt[] = [];
  (p.stages as Json[]).forEach((stage, s) => (stage.actions as Json[]).forEach((action, i) => out.push({ stage: s, index: i, action })));
  return out;
}

export function providerKey(action: Json): string {
  const t = action.actionTypeId ?? {};
  return `${t.category}/${t.owner}/${t.provider}`;
}

export function runOrderOf(action: Json): number {
  return Number.isInteger(action.runOrder) ? action.runOrder : 1;
}

/** Earlier(A, B) on raw JSON. */
export function runsBeforeAt(a: ActionAt, b: ActionAt): boolean {
  return a.stage < b.stage || (a.stage === b.stage && runOrderOf(a.action) < runOrderOf(b.action));
}

/** Every rule of every condition, with its stage. */
export function rulesOf(p: Json): Array<{ stage: number; block: string; rule: Json }> {
  const out: Array<{ stage: number; block: string; rule: Json }> = [];
  (p.stages as Json[]).forEach((stage, s) => {
    for (const block of ["beforeEntry", "onSuccess", "onFailure"]) {
      for (const cond of stage[block]?.conditions ?? []) for (const rule of cond.rules ?? []) out.push({ stage: s, block, rule });
    }
  });
  return out;
}

/** Renames an artifact everywhere: outputs, action and rule inputs, artifact-naming configuration. */
export function renameArtifact(p: Json, from: string, to: string): void {
  const fix = (config: Json) => {
    if (!config) return;
    for (const k of Object.keys(config)) {
      if (!ARTIFACT_REFERENCING_KEYS.has(k) || typeof config[k] !== "string") continue;
      if (config[k] === from) config[k] = to;
      else if (config[k].startsWith(`${from}::`)) config[k] = `${to}${config[k].slice(from.length)}`;
    }
  };
  for (const { action } of actionsOf(p)) {
    for (const a of [...(action.inputArtifacts ?? []), ...(action.outputArtifacts ?? [])]) if (a.name === from) a.name = to;
    fix(action.configuration);
  }
  for (const { rule } of rulesOf(p)) {
    for (const a of rule.inputArtifacts ?? []) if (a.name === from) a.name = to;
    fix(rule.configuration);
  }
}

/** Replaces `#{from.` by `#{to.` in every string of the declaration and renames the namespace. */
export function renameNamespace(p: Json, from: string, to: string): void {
  for (const { action } of actionsOf(p)) if (action.namespace === from) action.namespace = to;
  replaceInStrings(p, `#{${from}.`, `#{${to}.`);
}

export function replaceInStrings(root: Json, from: string, to: string): void {
  for (const { parent, key: k } of locations(root)) {
    if (typeof parent[k] === "string" && parent[k].includes(from)) parent[k] = parent[k].split(from).join(to);
  }
}

/** Every string in the declaration that contains `text`. */
export function containsText(root: Json, text: string): boolean {
  return locations(root).some(({ parent, key: k }) => typeof parent[k] === "string" && parent[k].includes(text));
}

/** Output artifact name → producing action. */
export function producers(p: Json): Map<string, ActionAt> {
  const map = new Map<string, ActionAt>();
  for (const at of actionsOf(p)) for (const o of at.action.outputArtifacts ?? []) map.set(o.name, at);
  return map;
}

/** Artifacts whose producer is a source with OutputArtifactFormat CODEBUILD_CLONE_REF. */
export function cloneRefArtifacts(p: Json): Set<string> {
  const out = new Set<string>();
  for (const { action } of actionsOf(p)) {
    if (action.configuration?.OutputArtifactFormat === "CODEBUILD_CLONE_REF") for (const o of action.outputArtifacts ?? []) out.add(o.name);
  }
  return out;
}

/** Deep-freezes a JSON tree (iteratively, so deep garbage does not overflow the stack). */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v !== null && typeof v === "object" && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
    }
  }
  return value;
}
