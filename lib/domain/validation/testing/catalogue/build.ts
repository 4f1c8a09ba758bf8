/** Build and Test providers of the generator's catalogue. */
import { type ProviderSpec, envVarsJson } from "./spec";

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

export const BUILD_AND_TEST_SPECS: readonly ProviderSpec[] = [
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
];
