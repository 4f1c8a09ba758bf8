/** ART: artifact names, counts and producers. */
import { actionsOf, cloneRefArtifacts, type Json, producers, renameArtifact, rulesOf, runOrderOf, runsBeforeAt } from "../edits";
import { addAction, isKey, lambdaInvoke, lastStage, pick, pickAction, plainArtifact, withKey } from "./helpers";
import type { Mutation } from "./mutation";

export const ARTIFACT_MUTATIONS: readonly Mutation[] = [
  {
    code: "ART001",
    name: "dot in an artifact name (renamed everywhere)",
    severity: "error",
    apply(p, c) {
      renameArtifact(p, c.pick([...producers(p).keys()]), "Build.Output");
      return true;
    },
  },
  {
    code: "ART002",
    name: "an artifact produced twice (later producer's consumers follow it)",
    severity: "error",
    apply(p, c) {
      const clones = cloneRefArtifacts(p);
      const made = [...producers(p)];
      const pairs: Array<[string, string]> = [];
      for (const [a, pa] of made) {
        for (const [b, pb] of made) {
          if (a === b || !runsBeforeAt(pa, pb) || clones.has(a)) continue;
          // No action or rule may end up consuming both (ART005), and buildspec identifiers stay valid (ART009).
          const consumersBoth = [...actionsOf(p).map((x) => x.action), ...rulesOf(p).map((r) => r.rule)].some((x) => {
            const names = (x.inputArtifacts ?? []).map((i: Json) => i.name);
            return names.includes(a) && names.includes(b);
          });
          const multiOutputCodeBuild = pb.action.actionTypeId.provider === "CodeBuild" && pb.action.outputArtifacts.length > 1;
          if (!consumersBoth && !(multiOutputCodeBuild && !/^[A-Za-z0-9_]+$/.test(a))) pairs.push([a, b]);
        }
      }
      const pair = pick(c, pairs);
      if (!pair) return false;
      renameArtifact(p, pair[1], pair[0]);
      return true;
    },
  },
  {
    code: "ART003",
    name: "approval with an input artifact",
    gen: withKey("Approval/AWS/Manual"),
    severity: "error",
    apply(p, c) {
      const at = pickAction(p, c, isKey("Approval/AWS/Manual"))!;
      const clones = cloneRefArtifacts(p);
      const earlier = [...producers(p)].filter(([n, pa]) => runsBeforeAt(pa, at) && !clones.has(n)).map(([n]) => n);
      const input = pick(c, earlier);
      if (!input) return false;
      at.action.inputArtifacts = [{ name: input }];
      return true;
    },
  },
  {
    code: "ART003",
    name: "three StackInstances inputs (narrower documented bound)",
    gen: withKey("Deploy/AWS/CloudFormationStackInstances"),
    severity: "warning",
    apply(p, c) {
      const at = pickAction(p, c, isKey("Deploy/AWS/CloudFormationStackInstances"))!;
      const clones = cloneRefArtifacts(p);
      const current: string[] = (at.action.inputArtifacts ?? []).map((i: Json) => i.name);
      const earlier = [...producers(p)].filter(([n, pa]) => runsBeforeAt(pa, at) && !clones.has(n) && !current.includes(n)).map(([n]) => n);
      if (current.length + earlier.length < 3) return false;
      at.action.inputArtifacts = [...current, ...earlier.slice(0, 3 - current.length)].map((name) => ({ name }));
      return true;
    },
  },
  {
    code: "ART004a",
    name: "input nobody produces",
    severity: "error",
    apply(p) {
      addAction(p, lastStage(p), lambdaInvoke("Probe", ["Missing"]));
      return true;
    },
  },
  {
    code: "ART004b",
    name: "input produced in a later stage",
    severity: "error",
    apply(p, c) {
      const later = [...producers(p)].filter(([, at]) => at.stage >= 2);
      const hit = pick(c, later);
      if (!hit) return false;
      addAction(p, 1, lambdaInvoke("Early", [hit[0]]), Math.min(...p.stages[1].actions.map(runOrderOf)));
      return true;
    },
  },
  {
    code: "ART004c",
    name: "input produced in the same runOrder group",
    severity: "error",
    apply(p, c) {
      const same = [...producers(p)].filter(([, at]) => at.stage >= 1);
      const hit = pick(c, same);
      if (!hit) return false;
      addAction(p, hit[1].stage, lambdaInvoke("Parallel", [hit[0]]), runOrderOf(hit[1].action));
      return true;
    },
  },
  {
    code: "ART004d",
    name: "action consumes its own output",
    severity: "error",
    apply(p) {
      addAction(p, lastStage(p), lambdaInvoke("Loop", ["SelfLoop"], ["SelfLoop"]));
      return true;
    },
  },
  {
    code: "ART005",
    name: "same input twice",
    severity: "error",
    apply(p, c) {
      const input = plainArtifact(p, c)!;
      addAction(p, lastStage(p), lambdaInvoke("Twice", [input, input]));
      return true;
    },
  },
  {
    code: "ART006",
    name: "files on a CodeBuild output",
    gen: withKey("Build/AWS/CodeBuild"),
    severity: "error",
    apply(p, c) {
      const at = pickAction(p, c, (a) => a.action.actionTypeId.provider === "CodeBuild" && (a.action.outputArtifacts ?? []).length > 0);
      if (!at) return false;
      at.action.outputArtifacts[0].files = ["**/*"];
      return true;
    },
  },
  {
    code: "ART007",
    name: "output nobody consumes",
    severity: "warning",
    apply(p) {
      addAction(p, lastStage(p), lambdaInvoke("Report", [], ["UnusedReport"]));
      return true;
    },
  },
  {
    code: "ART008",
    name: "clone ref consumed by a Lambda",
    gen: { cloneRef: "force" },
    severity: "warning",
    apply(p, c) {
      const clone = c.pick([...cloneRefArtifacts(p)]);
      addAction(p, lastStage(p), lambdaInvoke("Probe", [clone]));
      return true;
    },
  },
  {
    code: "ART009",
    name: "hyphen in a CodeBuild multi-output name",
    gen: withKey("Build/AWS/CodeBuild"),
    severity: "warning",
    apply(p, c) {
      const at = pickAction(p, c, (a) => a.action.actionTypeId.provider === "CodeBuild" && (a.action.outputArtifacts ?? []).length >= 2);
      if (!at) return false;
      renameArtifact(p, at.action.outputArtifacts[0].name, "web-app");
      return true;
    },
  },
  {
    code: "ART010",
    name: "CloudFormation output without OutputFileName",
    gen: withKey("Deploy/AWS/CloudFormation"),
    severity: "warning",
    apply(p, c) {
      const at = pickAction(p, c, (a) => isKey("Deploy/AWS/CloudFormation")(a) && (a.action.outputArtifacts ?? []).length > 0);
      if (!at) return false;
      delete at.action.configuration.OutputFileName;
      return true;
    },
  },
  {
    code: "ART010",
    name: "OutputFileName without an output",
    gen: withKey("Deploy/AWS/CloudFormation"),
    apply(p, c) {
      const at = pickAction(p, c, (a) => isKey("Deploy/AWS/CloudFormation")(a) && (a.action.outputArtifacts ?? []).length === 0);
      if (!at) return false;
      at.action.configuration.OutputFileName = "outputs.json";
      return true;
    },
  },
];
