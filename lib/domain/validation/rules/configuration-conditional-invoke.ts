/** CFG005 sub-rules for invoke and test providers: Step Functions, InspectorScan, CodePipeline, Device Farm. */
import { describe, isObject, isString } from "../../json";
import { capitalize } from "./actions-support";
import {
  has,
  inputsPath,
  integerIn,
  keyPath,
  literal,
  parseJson,
  requireKey,
  text,
  type ConditionalCheck,
} from "./configuration-conditional-support";

const PIPELINE_INVOKE = ["action", "Invoke", "AWS", "CodePipeline"] as const;

/** Expected members of each entry of the CodePipeline-invoke JSON arrays. */
const INVOKE_ARRAYS: Readonly<Record<string, { readonly members: readonly string[]; readonly example: string }>> = {
  SourceRevisions: {
    members: ["actionName", "revisionType", "revisionValue"],
    example: '[{"actionName":"Source","revisionType":"COMMIT_ID","revisionValue":"#{SourceVariables.CommitId}"}]',
  },
  Variables: { members: ["name", "value"], example: '[{"name":"env","value":"prod"}]' },
};

function invokeArrayProblem(value: string, members: readonly string[]): string | undefined {
  const parsed = parseJson(value);
  if (!parsed.ok) return `is not valid JSON (${parsed.error})`;
  if (!Array.isArray(parsed.value)) return "must be a JSON array";
  for (let i = 0; i < parsed.value.length; i++) {
    const item: unknown = parsed.value[i];
    if (!isObject(item)) return `entry ${i + 1} is not an object`;
    const missing = members.find((m) => !isString(item[m]));
    if (missing !== undefined) return `entry ${i + 1} needs a string ${missing}`;
  }
  return undefined;
}

export const invokeChecks: readonly ConditionalCheck[] = [
  {
    code: "CFG005h",
    title: "Step Functions FilePath input",
    providers: [["action", "Invoke", "AWS", "StepFunctions"]],
    check(s, ctx) {
      if (literal(s, "InputType") !== "FilePath") return;
      requireKey(ctx, s, "Input", 'With InputType "FilePath", Input is the path of the input file inside the input artifact, so it is required.');
      if (s.inputCount === 0) {
        ctx.report.warning(inputsPath(s), `InputType "FilePath" reads Input from an input artifact, but ${s.label} has none. Add an input artifact or use InputType "Literal".`);
      }
    },
  },
  {
    code: "CFG005m",
    title: "InspectorScan mode requirements",
    providers: [["action", "Invoke", "AWS", "InspectorScan"]],
    check(s, ctx) {
      const mode = literal(s, "InspectorRunMode");
      if (mode === "ECRImageScan") {
        requireKey(ctx, s, "ECRRepositoryName", "ECRImageScan scans an image in ECR, so ECRRepositoryName is required.");
      } else if (mode === "SourceCodeScan" && s.inputCount === 0) {
        ctx.report.warning(inputsPath(s), `SourceCodeScan scans the source in an input artifact, but ${s.label} has none. Add the source artifact as input.`);
      }
    },
  },
  {
    code: "CFG005p",
    title: "CodePipeline invoke JSON arrays",
    providers: [PIPELINE_INVOKE],
    check(s, { report }) {
      for (const key in INVOKE_ARRAYS) {
        const value = text(s, key);
        if (value === undefined) continue;
        const { members, example } = INVOKE_ARRAYS[key]!;
        const problem = invokeArrayProblem(value, members);
        if (problem !== undefined) report.warning(keyPath(s, key), `${key} of ${s.label} ${problem}; write e.g. ${example}.`);
      }
    },
  },
  {
    code: "CFG005q",
    title: "CodePipeline invoke loop",
    providers: [PIPELINE_INVOKE],
    check(s, { pipeline, report }) {
      const target = literal(s, "PipelineName");
      if (target === undefined || target !== pipeline.root.name) return;
      report.warning(
        keyPath(s, "PipelineName"),
        `${capitalize(s.label)} starts this pipeline (${describe(target)}) again, so every run triggers another one without end. Point PipelineName at a different pipeline.`,
      );
    },
  },
  {
    code: "CFG005s",
    title: "Device Farm fuzz ranges",
    providers: [["action", "Test", "AWS", "DeviceFarm"]],
    check(s, { report }) {
      for (const [key, max] of FUZZ_RANGES) {
        const value = literal(s, key);
        if (value === undefined || !has(s, key) || integerIn(value, 1, max) !== undefined) continue;
        report.warning(keyPath(s, key), `${key} ${describe(value)} must be a whole number from 1 to ${max}.`);
      }
    },
  },
];

const FUZZ_RANGES: readonly (readonly [string, number])[] = [
  ["FuzzEventCount", 10000],
  ["FuzzEventThrottle", 1000],
];
