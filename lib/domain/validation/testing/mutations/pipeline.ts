/** PIPE: pipeline-level members, structure and quotas. */
import { ACCOUNT } from "../generator-options";
import { addStage, create, manual, NO_CODECOMMIT, NO_EXTRAS, roomFor, update, V1, V2 } from "./helpers";
import type { Mutation } from "./mutation";

export const PIPELINE_MUTATIONS: readonly Mutation[] = [
  {
    code: "PIPE001",
    name: "space in the pipeline name",
    severity: "error",
    apply(p) {
      p.name = "my pipeline";
      return true;
    },
  },
  {
    code: "PIPE002",
    name: "name already taken on create",
    gen: NO_CODECOMMIT,
    context: (original) => create({ existingPipelineNames: ["other", original.name] }),
    severity: "error",
    apply(p) {
      p.version = 1;
      return true;
    },
  },
  {
    code: "PIPE003",
    name: "rename on update",
    gen: { conditions: "off" },
    context: (original) => update(original),
    severity: "error",
    apply(p) {
      p.name = p.name === "renamed-pipeline" ? "renamed-pipeline-2" : "renamed-pipeline";
      return true;
    },
  },
  {
    code: "PIPE004",
    name: "role ARN with a short account",
    severity: "error",
    apply(p) {
      p.roleArn = "arn:aws:iam::123:role/x";
      return true;
    },
  },
  {
    code: "PIPE004",
    name: "user ARN as role",
    apply(p) {
      p.roleArn = `arn:aws:iam::${ACCOUNT}:user/bob`;
      return true;
    },
  },
  {
    code: "PIPE005",
    name: "unknown pipelineType",
    gen: V2,
    severity: "error",
    apply(p) {
      p.pipelineType = "V3";
      return true;
    },
  },
  {
    code: "PIPE006",
    name: "pipelineType omitted",
    gen: V2,
    severity: "warning",
    apply(p) {
      delete p.pipelineType;
      return true;
    },
  },
  {
    code: "PIPE007",
    name: "unknown executionMode",
    severity: "error",
    apply(p) {
      p.executionMode = "PARALLELIZED";
      return true;
    },
  },
  {
    code: "PIPE008",
    name: "QUEUED in V1",
    gen: V1,
    severity: "error",
    apply(p) {
      p.executionMode = "QUEUED";
      return true;
    },
  },
  ...["Compute/AWS/Commands", "Build/AWS/ECRBuildAndPublish", "Deploy/AWS/EKS", "Invoke/AWS/CodePipeline"].map(
    (key): Mutation => ({
      code: "PIPE009",
      name: `V2-only ${key} in V1`,
      gen: { ...V2, ...NO_EXTRAS, executionModes: [undefined, "SUPERSEDED"], include: [key] },
      severity: "error",
      apply(p) {
        p.pipelineType = "V1";
        return true;
      },
    }),
  ),
  {
    code: "PIPE010",
    name: "version 0",
    severity: "error",
    apply(p) {
      p.version = 0;
      return true;
    },
  },
  {
    code: "PIPE010",
    name: "version 2 on create",
    gen: NO_CODECOMMIT,
    context: () => create(),
    severity: "warning",
    apply(p) {
      p.version = 2;
      return true;
    },
  },
  {
    code: "PIPE011",
    name: "a single (source) stage",
    gen: { ...NO_EXTRAS, namespaces: "off", crossRegion: "off" },
    // A lone source stage also has no non-source action (PIPE014) and nobody consumes its outputs (ART007).
    also: ["PIPE014", "ART007"],
    severity: "error",
    apply(p) {
      p.stages = [p.stages[0]];
      return true;
    },
  },
  {
    code: "PIPE012",
    name: "51 stages",
    severity: "error",
    apply(p) {
      while (p.stages.length < 51) addStage(p, "Gate", [manual()]);
      return true;
    },
  },
  {
    code: "PIPE013",
    name: "more than 500 actions",
    severity: "error",
    apply(p) {
      if (!roomFor(p, 11)) return false;
      for (let s = 0; s < 11; s++) addStage(p, "Approvals", Array.from({ length: 50 }, (_, i) => manual(`Approve-${i}`)));
      return true;
    },
  },
  {
    code: "PIPE014",
    name: "only source actions",
    gen: { ...NO_EXTRAS, namespaces: "off", crossRegion: "off" },
    // Only sources in two stages: the second stage of sources also breaks STG006; its outputs go unused (ART007).
    also: ["STG006", "ART007"],
    severity: "error",
    apply(p) {
      p.stages = [
        p.stages[0],
        {
          name: "MoreSources",
          actions: [
            {
              name: "Late",
              actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
              configuration: { S3Bucket: "late-bucket", S3ObjectKey: "late.zip", PollForSourceChanges: "false" },
              outputArtifacts: [{ name: "LateOutput" }],
            },
          ],
        },
      ];
      return true;
    },
  },
  {
    code: "PIPE015",
    name: "account pipeline quota reached on create",
    gen: NO_CODECOMMIT,
    context: () => create({ pipelineCount: 1000 }),
    severity: "warning",
    apply(p) {
      p.version = 1;
      return true;
    },
  },
];
