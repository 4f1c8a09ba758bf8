/** STG: stage names, action counts, source placement, blockers. */
import { addAction, addStage, codeBuildSink, manual, roomFor } from "./helpers";
import type { Mutation } from "./mutation";

export const STAGE_MUTATIONS: readonly Mutation[] = [
  {
    code: "STG001",
    name: "space in a stage name",
    severity: "error",
    apply(p, c) {
      p.stages[c.int(1, p.stages.length - 1)].name = "Deploy Prod";
      return true;
    },
  },
  {
    code: "STG002",
    name: "duplicate stage names",
    severity: "error",
    apply(p, c) {
      const i = c.int(0, p.stages.length - 1);
      let j = c.int(0, p.stages.length - 2);
      if (j >= i) j++;
      p.stages[j].name = p.stages[i].name;
      return true;
    },
  },
  {
    code: "STG003",
    name: "stage without actions",
    severity: "error",
    apply(p) {
      if (!roomFor(p, 1)) return false;
      addStage(p, "Empty", []);
      return true;
    },
  },
  {
    code: "STG004",
    name: "51 actions in a stage",
    severity: "error",
    apply(p) {
      if (!roomFor(p, 1)) return false;
      addStage(p, "Approvals", Array.from({ length: 51 }, (_, i) => manual(`Approve-${i}`)));
      return true;
    },
  },
  {
    code: "STG005",
    name: "approval in the source stage",
    severity: "error",
    apply(p) {
      addAction(p, 0, manual(), 1);
      return true;
    },
  },
  {
    code: "STG006",
    name: "source action in a later stage",
    severity: "error",
    apply(p) {
      if (!roomFor(p, 2)) return false;
      addStage(p, "LateSource", [
        {
          name: "Late",
          actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
          configuration: { S3Bucket: "late-bucket", S3ObjectKey: "late.zip", PollForSourceChanges: "false" },
          outputArtifacts: [{ name: "LateOutput" }],
        },
      ]);
      addStage(p, "Sink", [codeBuildSink("Sink", "LateOutput")]);
      return true;
    },
  },
  {
    code: "STG007",
    name: "blocker of type Manual",
    severity: "both",
    apply(p, c) {
      p.stages[c.int(0, p.stages.length - 1)].blockers = [{ name: "b", type: "Manual" }];
      return true;
    },
  },
  {
    code: "STG007",
    name: "a well-formed blocker still warns",
    severity: "warning",
    apply(p, c) {
      p.stages[c.int(0, p.stages.length - 1)].blockers = [{ name: "nightly", type: "Schedule" }];
      return true;
    },
  },
];
