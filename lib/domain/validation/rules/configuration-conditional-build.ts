/** CFG005 sub-rules for CodeBuild (actions and rules) and Commands. */
import { describe, isObject, isString } from "../../json";
import { capitalize } from "./actions-support";
import {
  has,
  inputList,
  keyPath,
  literal,
  memoProblem,
  parseJson,
  text,
  type ConditionalCheck,
  type ProviderTuple,
} from "./configuration-conditional-support";

const CODEBUILD: readonly ProviderTuple[] = [
  ["action", "Build", "AWS", "CodeBuild"],
  ["action", "Test", "AWS", "CodeBuild"],
  ["rule", "Rule", "AWS", "CodeBuild"],
];

const ENV_TYPES = ["PLAINTEXT", "PARAMETER_STORE", "SECRETS_MANAGER"];

/** The first problem of a CodeBuild EnvironmentVariables value, or undefined when it is fine. */
const environmentVariablesProblem = memoProblem((value: string): string | undefined => {
  const parsed = parseJson(value);
  if (!parsed.ok) return `is not valid JSON (${parsed.error})`;
  if (!Array.isArray(parsed.value)) return "must be a JSON array of {name, value, type} objects";
  for (let i = 0; i < parsed.value.length; i++) {
    const item: unknown = parsed.value[i];
    if (!isObject(item)) return `entry ${i + 1} is not a {name, value, type} object`;
    if (!isString(item.name) || item.name === "") return `entry ${i + 1} has no name`;
    if (!isString(item.value)) return `entry ${i + 1} (${describe(item.name)}) needs a string value`;
    if (item.type !== undefined && !(isString(item.type) && ENV_TYPES.includes(item.type))) {
      return `entry ${i + 1} (${describe(item.name)}) has type ${describe(item.type)}; use ${ENV_TYPES.join(", ")}`;
    }
  }
  return undefined;
});

export const buildChecks: readonly ConditionalCheck[] = [
  {
    code: "CFG005b",
    title: "CodeBuild PrimarySource",
    providers: CODEBUILD,
    check(s, { report }) {
      const primary = literal(s, "PrimarySource");
      if (!has(s, "PrimarySource")) {
        // Distinct names: a duplicated input is ART005's, not a second source.
        const sources = s.inputCount < 2 ? s.inputCount : new Set(s.inputNames).size;
        if (sources > 1) {
          report.warning(
            keyPath(s, "PrimarySource"),
            `${capitalize(s.label)} has ${sources} input artifacts, so CodeBuild needs PrimarySource to know which one holds the buildspec. Set PrimarySource to one of ${inputList(s)}.`,
          );
        }
      } else if (primary !== undefined && !s.inputNames.includes(primary)) {
        report.warning(
          keyPath(s, "PrimarySource"),
          `PrimarySource ${describe(primary)} is not an input artifact of ${s.label}; it must equal one of ${inputList(s)}.`,
        );
      }
    },
  },
  {
    code: "CFG005c",
    title: "CodeBuild CombineArtifacts needs BatchEnabled",
    providers: CODEBUILD.slice(0, 2),
    check(s, { report }) {
      if (literal(s, "CombineArtifacts") !== "true") return;
      // Only an absent or a well-formed BatchEnabled is ours: a boolean, "" or "TRUE" is GEN001/GEN004/CFG004's.
      const batch = s.config["BatchEnabled"];
      if (batch !== undefined && batch !== "false") return;
      report.warning(
        keyPath(s, "CombineArtifacts"),
        `CombineArtifacts "true" only applies to batch builds; set BatchEnabled to "true" on ${s.label} or remove CombineArtifacts.`,
      );
    },
  },
  {
    code: "CFG005p",
    title: "CodeBuild EnvironmentVariables is JSON",
    providers: CODEBUILD,
    check(s, { report }) {
      const value = text(s, "EnvironmentVariables");
      if (value === undefined) return;
      const problem = environmentVariablesProblem(value);
      if (problem === undefined) return;
      report.warning(
        keyPath(s, "EnvironmentVariables"),
        `EnvironmentVariables of ${s.label} ${problem}. Write a JSON array such as [{"name":"STAGE","value":"prod","type":"PLAINTEXT"}].`,
      );
    },
  },
  {
    code: "CFG005r",
    title: "Commands Windows needs a larger compute type",
    providers: [["action", "Compute", "AWS", "Commands"]],
    check(s, { report }) {
      if (literal(s, "EnvironmentType") !== "WINDOWS_SERVER_2022_CONTAINER") return;
      const compute = literal(s, "ComputeType");
      if (has(s, "ComputeType") && compute !== "BUILD_GENERAL1_SMALL") return;
      report.warning(
        keyPath(s, compute === undefined ? "EnvironmentType" : "ComputeType"),
        `WINDOWS_SERVER_2022_CONTAINER cannot run on BUILD_GENERAL1_SMALL${compute === undefined ? " (the default ComputeType)" : ""}; set ComputeType to BUILD_GENERAL1_MEDIUM or BUILD_GENERAL1_LARGE on ${s.label}.`,
      );
    },
  },
];
