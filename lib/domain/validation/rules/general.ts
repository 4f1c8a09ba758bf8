/**
 * GEN001–GEN006: shape checks that apply to every member of the declaration (configuration
 * strings, integers, empty lists, empty strings, unknown members, enum case).
 *
 * One schema-driven walk finds all six kinds of problem at once (the declaration can hold
 * 500 actions; six separate walks would cost six times as much). The walk's findings are
 * cached per PipelineIndex, and each GEN rule reports only its own code from that cache.
 */
import { describe, hasOwn, isInteger, isObject, jsonType, type JsonObject } from "../../json";
import { formatPath, joinPath, type PathSegment } from "../path";
import { memoize, type PipelineIndex } from "../../pipeline/pipeline-index";
import { defineRule, type Rule } from "../rule";
import type { Severity } from "../diagnostic";
import { MEMBERS } from "../../pipeline/members";
import { MEMBER_FIELDS, type DeclarationShape, type MemberField } from "../../pipeline/member-fields";
import { caseVariantOf } from "../enums";

// ---------------------------------------------------------------------------------------------
// What each member holds, as the zod schemas of the declaration describe it.

// Prototype-less lookup tables, so that keys such as "constructor" never hit Object.prototype.
type FieldTable = Readonly<Record<string, MemberField | undefined>>;
const FIELDS = {} as Record<DeclarationShape, FieldTable>;
for (const name of Object.keys(MEMBER_FIELDS) as DeclarationShape[]) {
  FIELDS[name] = Object.assign(Object.create(null) as Record<string, MemberField>, MEMBER_FIELDS[name]);
}

const SHAPE_LABEL: Record<DeclarationShape, string> = {
  PipelineDeclaration: "the pipeline declaration", ArtifactStore: "an artifact store", EncryptionKey: "encryptionKey",
  StageDeclaration: "a stage", BlockerDeclaration: "a blocker", ActionDeclaration: "an action",
  ActionTypeId: "actionTypeId", OutputArtifact: "an output artifact", InputArtifact: "an input artifact",
  EnvironmentVariable: "an environment variable", FailureConditions: "onFailure", RetryConfiguration: "retryConfiguration",
  SuccessConditions: "onSuccess", BeforeEntryConditions: "beforeEntry", Condition: "a condition",
  RuleDeclaration: "a rule", RuleTypeId: "ruleTypeId", PipelineVariableDeclaration: "a pipeline variable",
  PipelineTriggerDeclaration: "a trigger", GitConfiguration: "gitConfiguration", GitPushFilter: "a push filter",
  GitPullRequestFilter: "a pull-request filter", GitFilterCriteria: "a filter criteria object",
};

// Known mistakes with a better explanation than "did you mean" (keys lower-cased).
const CFN_ONLY = "is a CloudFormation-only property of AWS::CodePipeline::Pipeline with no API equivalent; remove it";
const METADATA_FIELD = "belongs to GetPipeline's `metadata`, not to the declaration; remove it";
const HINTS: Partial<Record<DeclarationShape, Record<string, string>>> = {
  PipelineDeclaration: {
    metadata: "`metadata` is returned by GetPipeline beside `pipeline`, not inside it; remove it before CreatePipeline/UpdatePipeline",
    pipeline: "the declaration looks wrapped; move the members of `pipeline` to the top level",
    tags: "tags are not part of the declaration; pass them as CreatePipeline's `tags` (or use TagResource)",
    restartexecutiononupdate: CFN_ONLY,
    disableinboundstagetransitions: `${CFN_ONLY} (use DisableStageTransition after deploying)`,
    pipelinearn: METADATA_FIELD, created: METADATA_FIELD, updated: METADATA_FIELD, pollingdisabledat: METADATA_FIELD,
    properties: "this looks like a CloudFormation resource; use the CodePipeline API declaration (camelCase members name, roleArn, stages, ...)",
  },
  PipelineTriggerDeclaration: {
    provider: "the member is `providerType` (value \"CodeStarSourceConnection\"); some user-guide examples wrongly show `provider`",
  },
};

// ---------------------------------------------------------------------------------------------
// The scan.

type GeneralCode = "GEN001" | "GEN002" | "GEN003" | "GEN004" | "GEN005" | "GEN006";
interface Finding {
  readonly severity: Severity;
  readonly path: string;
  readonly message: string;
}
type Findings = Partial<Record<GeneralCode, Finding[]>>;

function scan(index: PipelineIndex): Findings {
  return memoize(index, scan, () => {
    const walk: Walk = { out: {}, segments: [] };
    if (index.rootIsObject) walkShape(index.root, "PipelineDeclaration", walk);
    return walk.out;
  });
}

/**
 * Walk state. The path is kept as a segment stack and formatted only when something is
 * reported, so a clean declaration costs no string building.
 */
interface Walk {
  readonly out: Findings;
  readonly segments: PathSegment[];
}

function add(walk: Walk, code: GeneralCode, severity: Severity, last: PathSegment | undefined, message: string): void {
  const path = last === undefined ? formatPath(walk.segments) : joinPath(formatPath(walk.segments), last);
  (walk.out[code] ??= []).push({ severity, path, message });
}

function walkShape(object: JsonObject, shapeName: DeclarationShape, walk: Walk): void {
  const fields = FIELDS[shapeName];
  for (const key in object) {
    if (!hasOwn(object, key)) continue;
    const field = fields[key];
    if (field === undefined) unknownMember(shapeName, key, walk);
    else checkValue(object[key], field, key, walk, key);
  }
}

function descend(walk: Walk, segment: PathSegment, object: JsonObject, shapeName: DeclarationShape): void {
  walk.segments.push(segment);
  walkShape(object, shapeName, walk);
  walk.segments.pop();
}

/**
 * Checks one member value at `key` (a list index for list items) of the current path. `name`
 * is the member's name for messages (for list items, the list's name).
 */
function checkValue(value: unknown, field: MemberField, key: PathSegment, walk: Walk, name: string): void {
  switch (field.kind) {
    case "string":
      if (value === "" && field.min1) {
        const what = typeof key === "number" ? `An item of "${name}"` : `"${name}"`;
        add(walk, "GEN004", "error", key,
          `${what} is an empty string; CodePipeline requires at least 1 character. Remove it or give it a value.`);
      }
      return;
    case "enum":
      // "" is GEN004's for enums too (the engine-wide convention): the enum rules skip it.
      if (value === "") {
        const what = typeof key === "number" ? `An item of "${name}"` : `"${name}"`;
        add(walk, "GEN004", "error", key,
          `${what} is an empty string; use one of ${field.values.map((v) => `"${v}"`).join(", ")}.`);
      } else if (typeof value === "string" && !field.values.includes(value)) {
        const canonical = caseVariantOf(value, field.values);
        if (canonical !== undefined) {
          add(walk, "GEN006", "error", key,
            `${describe(value)} is not a valid "${name}" value: enum values are case-sensitive. Did you mean "${canonical}"?`);
        }
      }
      return;
    case "int":
      if (value !== undefined && !isInteger(value)) add(walk, "GEN002", "error", key, notInteger(name, value));
      return;
    case "config":
      if (isObject(value)) {
        walk.segments.push(key);
        checkConfiguration(value, walk);
        walk.segments.pop();
      }
      return;
    case "storeMap":
      if (isObject(value)) {
        walk.segments.push(key);
        for (const region in value) {
          if (!hasOwn(value, region)) continue;
          if (region === "") {
            add(walk, "GEN004", "error", region,
              "An artifactStores key is empty; each key must be the region name of its store (e.g. \"us-east-1\").");
          }
          const store = value[region];
          if (isObject(store)) descend(walk, region, store, "ArtifactStore");
        }
        walk.segments.pop();
      }
      return;
    case "shape":
      if (isObject(value)) descend(walk, key, value, field.shape);
      return;
    case "list": {
      if (!Array.isArray(value)) return;
      if (value.length === 0 && field.min1) {
        add(walk, "GEN003", "error", key,
          `"${name}" is an empty list; CodePipeline requires at least one item here. Remove the member instead of sending [].`);
        return;
      }
      walk.segments.push(key);
      const of = field.of;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (of.kind === "shape") {
          if (isObject(item)) descend(walk, i, item, of.shape);
        } else checkValue(item, of, i, walk, name);
      }
      walk.segments.pop();
      return;
    }
  }
}

function checkConfiguration(config: JsonObject, walk: Walk): void {
  for (const key in config) {
    if (!hasOwn(config, key)) continue;
    const value = config[key];
    if (key === "") {
      add(walk, "GEN004", "error", key,
        "A configuration key is empty; Map key must satisfy constraint: [Member must have length greater than or equal to 1]. Remove it or name the property.");
    }
    if (typeof value === "string") {
      if (value === "" && key !== "") {
        add(walk, "GEN004", "error", key,
          `Configuration value ${JSON.stringify(key)} is empty; Map value must satisfy constraint: [Member must have length greater than or equal to 1]. Remove the key or give it a value.`);
      }
    } else {
      add(walk, "GEN001", "error", key, notString(key, value));
    }
  }
}

function notInteger(key: string, value: unknown): string {
  const base = `"${key}" must be a whole number`;
  if (typeof value === "string" && /^\s*-?\d+\s*$/.test(value)) {
    return `${base}, not the string ${describe(value)}; write ${value.trim()} without quotes.`;
  }
  if (typeof value === "number") return `${base}, not ${value}; use an integer without fractions.`;
  return `${base}, not ${jsonType(value) === "string" ? describe(value) : `a ${jsonType(value)}`}.`;
}

function notString(key: string, value: unknown): string {
  const base = `Configuration value ${JSON.stringify(key)} must be a string, not a ${jsonType(value)}`;
  if (typeof value === "boolean" || typeof value === "number") return `${base}; write it as "${String(value)}".`;
  if (value === null) return `${base}; remove the key or give it a string value.`;
  return `${base}; serialize it as a JSON string (configuration maps hold strings only).`;
}

function unknownMember(shapeName: DeclarationShape, key: string, walk: Walk): void {
  const where = SHAPE_LABEL[shapeName];
  const hints = HINTS[shapeName];
  const lower = key.toLowerCase();
  const hint = hints !== undefined && hasOwn(hints, lower) ? hints[lower] : undefined;
  const suggestion = hint === undefined ? closestMember(key, MEMBERS[shapeName]) : undefined;
  let message = `Unknown member ${JSON.stringify(key)} in ${where}: it is not in the CodePipeline model and is dropped by the SDK (or rejected by a raw API call).`;
  if (hint !== undefined) message += ` Note: ${hint}.`;
  else if (suggestion !== undefined) message += ` Did you mean "${suggestion}"?`;
  else message += " Remove it.";
  add(walk, "GEN005", "warning", key, message);
}

/** The member `key` most likely meant: same letters ignoring case and _/-, or a small typo. */
export function closestMember(key: string, members: readonly string[]): string | undefined {
  const normalized = key.toLowerCase().replace(/[-_\s]/g, "");
  let best: string | undefined;
  let bestDistance = normalized.length >= 6 ? 3 : normalized.length >= 3 ? 2 : 1;
  for (const member of members) {
    const m = member.toLowerCase();
    if (m === normalized) return member;
    const d = levenshtein(normalized, m, bestDistance);
    if (d < bestDistance) {
      bestDistance = d;
      best = member;
    }
  }
  return best;
}

/** Edit distance, giving up (returning `limit`) once it cannot be below `limit`. */
function levenshtein(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return Math.min(previous[b.length]!, limit);
}

// ---------------------------------------------------------------------------------------------
// The rules.

function generalRule(id: GeneralCode, title: string): Rule {
  return defineRule({
    id,
    title,
    check(pipeline, _context, report) {
      const findings = scan(pipeline)[id];
      if (findings) for (const f of findings) report.report(f.severity, f.path, f.message);
    },
  });
}

export const generalRules: readonly Rule[] = [
  generalRule("GEN001", "Configuration values are strings"),
  generalRule("GEN002", "Integers are integers"),
  generalRule("GEN003", "No empty lists where the model says min 1"),
  generalRule("GEN004", "No empty strings"),
  generalRule("GEN005", "Unknown members"),
  generalRule("GEN006", "Enum values are exact"),
];
