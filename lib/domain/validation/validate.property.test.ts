/**
 * Property-based tests of the validation engine as a whole (fast-check):
 *
 * 1. totality: `validate` never throws and never reports PW000 on random JSON or on
 *    pipeline-shaped garbage;
 * 2. generated valid pipelines (testing/generator.ts) give no diagnostics at all;
 * 3. single-rule breakages: each mutation of a valid pipeline reports exactly its code (a table
 *    with at least one mutation per registered code, plus ownership sweeps that apply the GEN
 *    breakages to any field of their kind);
 * 4. determinism, and the input is never mutated;
 * 5. order independence (actions within a runOrder group, object member order);
 * 6. diagnostic paths point into the declaration;
 * 7. pinned counterexamples the properties found.
 *
 * Runs take ~15 s; PW_PROPERTY_SCALE=10 multiplies every numRuns for a long local soak.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ValidationContext } from "./context";
import type { Diagnostic, Severity } from "./diagnostic";
import { RULES } from "./rules";
import { fromEntries } from "../json";
import { arbitraryChooser, type Chooser } from "./testing/chooser";
import {
  actionsOf,
  clone,
  cloneRefArtifacts,
  deepFreeze,
  producers,
  providerKey,
  renameArtifact,
  renameNamespace,
  rulesOf,
  runOrderOf,
  runsBeforeAt,
  type ActionAt,
  type Json,
} from "./testing/edits";
import { arbitraryJson, arbitraryPipelineGarbage } from "./testing/garbage";
import { arbitraryValidPipeline } from "./testing/generator";
import { ACCOUNT, HOME_REGION, OTHER_ACCOUNT, type GenOptions } from "./testing/generator-options";
import { TEST_CONTEXT, validPipeline } from "./testing/fixtures";
import { INTERNAL_ERROR, validate } from "./validate";

/** Multiplies every numRuns (e.g. PW_PROPERTY_SCALE=20 for a long local soak run). */
const SCALE = Math.max(1, Number(process.env.PW_PROPERTY_SCALE ?? 1) || 1);
const runs = (n: number) => Math.round(n * SCALE);
const TIMEOUT = 30_000 * SCALE;

const codeSet = (diagnostics: readonly Diagnostic[]) => [...new Set(diagnostics.map((d) => d.code))].sort();
const describeDiagnostics = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((d) => `${d.code} ${d.severity} ${d.path}: ${d.message}`).join("\n");

/* ------------------------------------------------------------------------------------------ */
/* 1. Totality                                                                                  */
/* ------------------------------------------------------------------------------------------ */

const arbitraryContext: fc.Arbitrary<ValidationContext> = fc.record(
  {
    region: fc.constantFrom("us-east-1", "eu-west-1", "cn-north-1", "us-gov-west-1", "ap-east-1", "mars-1", ""),
    operation: fc.constantFrom("create" as const, "update" as const),
    deployed: fc.oneof(arbitraryValidPipeline(), arbitraryJson(3)),
    existingPipelineNames: fc.array(fc.constantFrom("web-app", "x", "__proto__", "constructor"), { maxLength: 3 }),
    pipelineCount: fc.integer({ min: -1, max: 1001 }),
    pollingPipelineCount: fc.integer({ min: -1, max: 301 }),
    activeExecutionCount: fc.integer({ min: -1, max: 3 }),
    tags: arbitraryJson(3),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<ValidationContext>;

/**
 * Internal errors already pinned in "pinned counterexamples" (it.fails there), ignored here so the
 * random runs stay deterministic until the owner fixes them. Remove entries once fixed.
 */
const KNOWN_INTERNAL_ERRORS: readonly RegExp[] = [];

/** validate, failing with the message of any PW000 (a rule threw). */
function validateTotal(input: unknown, context: ValidationContext): Diagnostic[] {
  let diagnostics: Diagnostic[] = [];
  expect(() => (diagnostics = validate(input, context))).not.toThrow();
  const internal = diagnostics.filter((d) => d.code === INTERNAL_ERROR && !KNOWN_INTERNAL_ERRORS.some((known) => known.test(d.message)));
  if (internal.length > 0) throw new Error(`PW000 reported:\n${describeDiagnostics(internal)}`);
  return diagnostics;
}

describe("totality", () => {
  it("never throws nor reports PW000 on arbitrary JSON", () => {
    fc.assert(
      fc.property(arbitraryJson(), arbitraryContext, (value, context) => {
        validateTotal(value, context);
        validateTotal(fromEntries([["stages", value]]), context);
      }),
      { numRuns: runs(400) },
    );
  }, TIMEOUT);

  it("never throws nor reports PW000 on pipeline-shaped garbage", () => {
    fc.assert(
      fc.property(arbitraryPipelineGarbage(), fc.oneof(fc.constant(TEST_CONTEXT), arbitraryContext), (pipeline, context) => {
        validateTotal(pipeline, context);
      }),
      { numRuns: runs(700) },
    );
  }, TIMEOUT);

  it("never throws on adversarial shapes (null prototypes, sparse arrays, deep nesting, huge values)", () => {
    const nullProto = Object.assign(Object.create(null) as Json, { name: "p", stages: [Object.assign(Object.create(null) as Json, { name: "s", actions: [] })] });
    // eslint-disable-next-line no-sparse-arrays
    const sparse = { name: "p", stages: [, { name: "s", actions: [, ,] }] };
    let deep: Json = { name: "leaf" };
    for (let i = 0; i < 5000; i++) deep = { stages: [{ actions: [deep] }] };
    // VAR005 reports every malformed `#{` (one diagnostic each), so the output grows with such values: keep one.
    const huge = {
      name: "x".repeat(1_000_000),
      stages: Array.from({ length: 60 }, (_, i) => ({
        name: `S${i}`,
        actions: Array.from({ length: 60 }, (_, j) => ({ name: "a".repeat(j * 10), configuration: { K: i + j === 0 ? "#{".repeat(10_000) : "v".repeat(2_000) } })),
      })),
    };
    const protoKeys = JSON.parse('{"__proto__":{"stages":[]},"constructor":1,"stages":[{"__proto__":[],"name":"S","actions":[{"__proto__":null,"configuration":{"__proto__":"x"},"actionTypeId":{"__proto__":"Source"}}]}],"artifactStores":{"__proto__":{"type":"S3","location":"b"}},"variables":[{"name":"__proto__"}]}');
    for (const input of [nullProto, sparse, deep, huge, protoKeys, { stages: { length: 3 } }, { stages: "abc" }, Object.create({ stages: [] })]) {
      for (const context of [TEST_CONTEXT, { region: "us-east-1", operation: "update" as const, deployed: input, tags: input }]) {
        validateTotal(input, context);
      }
    }
  });
});

/* ------------------------------------------------------------------------------------------ */
/* 2. Valid pipelines                                                                           */
/* ------------------------------------------------------------------------------------------ */

describe("generated valid pipelines", () => {
  it("produce no diagnostics at all", () => {
    fc.assert(
      fc.property(arbitraryValidPipeline(), (pipeline) => {
        const diagnostics = validate(pipeline, TEST_CONTEXT);
        if (diagnostics.length > 0) throw new Error(describeDiagnostics(diagnostics));
      }),
      { numRuns: runs(400) },
    );
  }, TIMEOUT);

  it("produce no diagnostics without a context (region-dependent rules skip)", () => {
    fc.assert(
      fc.property(arbitraryValidPipeline(), (pipeline) => {
        const diagnostics = validate(pipeline, {});
        if (diagnostics.length > 0) throw new Error(describeDiagnostics(diagnostics));
      }),
      { numRuns: runs(150) },
    );
  }, TIMEOUT);

  it("produce no diagnostics when updating an identical idle deployed pipeline (EXEC003 aside)", () => {
    fc.assert(
      fc.property(arbitraryValidPipeline(), (pipeline) => {
        const context: ValidationContext = { ...TEST_CONTEXT, operation: "update", deployed: clone(pipeline), activeExecutionCount: 0 };
        // EXEC003 warns on every update of a pipeline that relies on rollback: justified.
        const diagnostics = validate(pipeline, context).filter((d) => d.code !== "EXEC003");
        if (diagnostics.length > 0) throw new Error(describeDiagnostics(diagnostics));
      }),
      { numRuns: runs(100) },
    );
  }, TIMEOUT);

  it("produce no diagnostics on create with a free name (CodeCommit's ACT018 aside)", () => {
    fc.assert(
      fc.property(arbitraryValidPipeline(), fc.array(fc.constantFrom("other", "web-app-2"), { maxLength: 2 }), (pipeline, names) => {
        pipeline.version = 1;
        const context: ValidationContext = {
          ...TEST_CONTEXT,
          operation: "create",
          existingPipelineNames: names,
          pipelineCount: 10,
          pollingPipelineCount: 0,
          tags: [{ key: "team", value: "web" }],
        };
        // ACT018 warns that CodeCommit is closed to new customers whenever a create introduces it: justified.
        const diagnostics = validate(pipeline, context).filter((d) => !(d.code === "ACT018" && d.severity === "warning"));
        if (diagnostics.length > 0) throw new Error(describeDiagnostics(diagnostics));
      }),
      { numRuns: runs(100) },
    );
  }, TIMEOUT);
});

/* ------------------------------------------------------------------------------------------ */
/* 3. Single-rule breakages                                                                     */
/* ------------------------------------------------------------------------------------------ */

interface Mutation {
  readonly code: string;
  readonly name: string;
  readonly gen?: GenOptions;
  /** Context for validating; built from a copy of the valid pipeline (before the mutation). */
  readonly context?: (original: Json) => ValidationContext;
  /** Severity every diagnostic with `code` must have; "both" = an error and a warning. */
  readonly severity?: Severity | "both";
  /** Other codes the breakage legitimately raises as well (documented per case). */
  readonly also?: readonly string[];
  /** Mutates the pipeline in place; false when it does not apply (the run is skipped). */
  readonly apply: (p: Json, c: Chooser) => boolean;
  /** numRuns (before PW_PROPERTY_SCALE); sweeps over many fields want more. */
  readonly runs?: number;
}

/* ----- helpers ----- */

const V2: GenOptions = { pipelineType: "V2" };
const V1: GenOptions = { pipelineType: "V1" };
const NO_EXTRAS: GenOptions = { variables: "off", triggers: "off", conditions: "off" };
const withKey = (key: string, more: GenOptions = {}): GenOptions => ({ ...more, include: [...(more.include ?? []), key] });

function pick<T>(c: Chooser, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : c.pick(items);
}

function pickAction(p: Json, c: Chooser, predicate: (at: ActionAt) => boolean): ActionAt | undefined {
  return pick(c, actionsOf(p).filter(predicate));
}

const isKey = (key: string) => (at: ActionAt) => providerKey(at.action) === key;
const nonSource = (at: ActionAt) => at.stage > 0;

function uniqueIn(names: readonly string[], base: string): string {
  let name = base;
  for (let i = 2; names.includes(name); i++) name = `${base}-${i}`;
  return name;
}

/** Thrown by helpers when the generated pipeline leaves no room for the mutation (run skipped). */
class NotApplicable extends Error {}

/** Runs a mutation; false when it does not apply. */
function applyMutation(m: Mutation, p: Json, c: Chooser): boolean {
  try {
    return m.apply(p, c);
  } catch (error) {
    if (error instanceof NotApplicable) return false;
    throw error;
  }
}

/** Adds an action to a stage at `runOrder` ("end": after every group), keeping ACT008 quiet. */
function addAction(p: Json, stageIndex: number, action: Json, runOrder: number | "end" = "end"): Json {
  const stage = p.stages[stageIndex];
  if (stage.actions.length >= 50) throw new NotApplicable("stage full (STG004)");
  const ro = runOrder === "end" ? Math.max(...stage.actions.map(runOrderOf)) + 1 : runOrder;
  if (ro !== 1) for (const a of stage.actions) if (a.runOrder === undefined) a.runOrder = 1;
  action.name = uniqueIn(stage.actions.map((a: Json) => a.name), action.name);
  action.runOrder = ro;
  stage.actions.push(action);
  return action;
}

function addStage(p: Json, base: string, actions: Json[]): Json {
  const stage = { name: uniqueIn(p.stages.map((s: Json) => s.name), base), actions };
  p.stages.push(stage);
  return stage;
}

const lastStage = (p: Json) => p.stages.length - 1;
/** Whether `n` more stages fit under the 50-stage quota (PIPE012). */
const roomFor = (p: Json, n: number) => p.stages.length + n <= 50;

/** Whether every configuration value stays within the model maximum (CFG001 / COND014). */
function valuesWithinLimits(p: Json): boolean {
  const within = (config: Json, max: number) => Object.values(config ?? {}).every((v) => typeof v !== "string" || v.length <= max);
  return actionsOf(p).every(({ action }) => within(action.configuration, 1000)) && rulesOf(p).every(({ rule }) => within(rule.configuration, 10_000));
}

function manual(name = "Approve", configuration?: Record<string, string>): Json {
  return {
    name,
    actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" },
    ...(configuration ? { configuration } : {}),
  };
}

function lambdaInvoke(name: string, inputs: string[] = [], outputs: string[] = [], extra: Json = {}): Json {
  return {
    name,
    actionTypeId: { category: "Invoke", owner: "AWS", provider: "Lambda", version: "1" },
    configuration: { FunctionName: "probe" },
    ...(outputs.length > 0 ? { outputArtifacts: outputs.map((n) => ({ name: n })) } : {}),
    ...(inputs.length > 0 ? { inputArtifacts: inputs.map((n) => ({ name: n })) } : {}),
    ...extra,
  };
}

function codeBuildSink(name: string, input: string): Json {
  return {
    name,
    actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
    configuration: { ProjectName: "sink" },
    inputArtifacts: [{ name: input }],
  };
}

/** A Manual approval at the very end whose CustomData carries `text` (references). */
function addReference(p: Json, text: string): void {
  addAction(p, lastStage(p), manual("RefSink", { CustomData: text }));
}

/** An artifact any provider may consume (not a clone ref). */
function plainArtifact(p: Json, c: Chooser): string | undefined {
  const clones = cloneRefArtifacts(p);
  return pick(c, [...producers(p).keys()].filter((n) => !clones.has(n)));
}

function alarmRule(name: string): Json {
  return { name, ruleTypeId: { category: "Rule", owner: "AWS", provider: "CloudWatchAlarm", version: "1" }, configuration: { AlarmName: "errors" } };
}

function lambdaRule(name: string, configuration: Json = { FunctionName: "gate" }): Json {
  return { name, ruleTypeId: { category: "Rule", owner: "AWS", provider: "LambdaInvoke", version: "1" }, configuration };
}

function variableCheck(name: string, configuration: Json): Json {
  return { name, ruleTypeId: { category: "Rule", owner: "AWS", provider: "VariableCheck", version: "1" }, configuration };
}

/** Adds a rule to a stage's beforeEntry condition (creating a FAIL condition when absent). */
function addBeforeEntryRule(p: Json, stageIndex: number, rule: Json): boolean {
  const stage = p.stages[stageIndex];
  if (!stage.beforeEntry) {
    stage.beforeEntry = { conditions: [{ result: "FAIL", rules: [rule] }] };
    return true;
  }
  const condition = stage.beforeEntry.conditions[0];
  // A SKIP condition takes LambdaInvoke / VariableCheck rules only (COND007).
  if (condition.rules.length >= 5 || (condition.result === "SKIP" && !["LambdaInvoke", "VariableCheck"].includes(rule.ruleTypeId?.provider))) return false;
  condition.rules.push(rule);
  return true;
}

/** A stage index ≥ 1 without the given block. */
function stageWithout(p: Json, c: Chooser, block: string): number | undefined {
  return pick(
    c,
    p.stages.map((_: Json, i: number) => i).filter((i: number) => i > 0 && p.stages[i][block] === undefined),
  );
}

function stores(p: Json): Json[] {
  return p.artifactStore ? [p.artifactStore] : Object.values(p.artifactStores ?? {});
}

function homeStore(p: Json): Json {
  return p.artifactStore ?? p.artifactStores[HOME_REGION];
}

function triggerOf(p: Json, c: Chooser): Json | undefined {
  return pick(c, p.triggers ?? []);
}

/** The source action a trigger points at. */
function triggerSource(p: Json, trigger: Json): Json {
  return p.stages[0].actions.find((a: Json) => a.name === trigger.gitConfiguration.sourceActionName);
}

function branchCriteria(trigger: Json): Json[] {
  const git = trigger.gitConfiguration;
  return [...(git.push ?? []), ...(git.pullRequest ?? [])].filter((f: Json) => f.branches).map((f: Json) => f.branches);
}

/** A namespace and a key its provider really emits. */
function namespaceWithKey(p: Json, c: Chooser, predicate: (at: ActionAt) => boolean = () => true): { at: ActionAt; ns: string; key: string } | undefined {
  const owners = actionsOf(p).filter((at) => at.action.namespace !== undefined && predicate(at));
  const at = pick(c, owners);
  if (!at) return undefined;
  const m = new RegExp(`#\\{${escapeRegExp(at.action.namespace)}\\.([A-Za-z0-9@\\-_]+)\\}`).exec(JSON.stringify(p));
  if (!m) return undefined;
  return { at, ns: at.action.namespace, key: m[1]! };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const update = (original: Json, extra: Partial<ValidationContext> = {}): ValidationContext => ({
  ...TEST_CONTEXT,
  operation: "update",
  deployed: clone(original),
  ...extra,
});

const create = (extra: Partial<ValidationContext> = {}): ValidationContext => ({ ...TEST_CONTEXT, operation: "create", ...extra });

/** On create CodeCommit raises ACT018 (closed to new customers): keep it out of create cases. */
const NO_CODECOMMIT: GenOptions = { exclude: ["Source/AWS/CodeCommit"] };

/* ----- the table ----- */

const MUTATIONS: readonly Mutation[] = [
  /* GEN */
  {
    code: "GEN001",
    name: "boolean PollForSourceChanges",
    gen: withKey("Source/AWS/CodeCommit"),
    severity: "error",
    apply(p, c) {
      const at = pickAction(p, c, (a) => a.action.configuration?.PollForSourceChanges === "false");
      if (!at) return false;
      at.action.configuration.PollForSourceChanges = false;
      return true;
    },
  },
  {
    code: "GEN001",
    name: "number in a rule configuration",
    gen: { ...V2, conditions: "force" },
    apply(p, c) {
      const candidates = rulesOf(p).filter(({ rule }) => ["AlarmName", "ProjectName", "FunctionName", "Cron", "Value"].some((k) => k in (rule.configuration ?? {})));
      const hit = pick(c, candidates);
      if (!hit) return false;
      const k = ["AlarmName", "ProjectName", "FunctionName", "Cron", "Value"].find((key) => key in hit.rule.configuration)!;
      hit.rule.configuration[k] = 42;
      return true;
    },
  },
  {
    code: "GEN002",
    name: "fractional runOrder in group 1",
    severity: "error",
    apply(p, c) {
      const at = pickAction(p, c, (a) => runOrderOf(a.action) === 1 && a.stage > 0);
      if (!at) return false;
      at.action.runOrder = 1.5;
      return true;
    },
  },
  {
    code: "GEN002",
    name: "numeric-string runOrder",
    apply(p, c) {
      const at = pickAction(p, c, (a) => a.action.runOrder === 1);
      if (!at) return false;
      at.action.runOrder = "1";
      return true;
    },
  },
  {
    code: "GEN002",
    name: "fractional version",
    apply(p) {
      p.version = 1.5;
      return true;
    },
  },
  {
    code: "GEN002",
    name: "fractional approval timeout",
    gen: withKey("Approval/AWS/Manual"),
    apply(p, c) {
      const at = pickAction(p, c, isKey("Approval/AWS/Manual"));
      if (!at) return false;
      at.action.timeoutInMinutes = 60.5;
      return true;
    },
  },
  {
    code: "GEN003",
    name: "empty environmentVariables on Commands",
    gen: withKey("Compute/AWS/Commands", V2),
    severity: "error",
    apply(p, c) {
      const at = pickAction(p, c, (a) => isKey("Compute/AWS/Commands")(a) && a.action.environmentVariables === undefined);
      if (!at) return false;
      at.action.environmentVariables = [];
      return true;
    },
  },
  {
    code: "GEN003",
    name: "empty condition rules",
    gen: V2,
    apply(p, c) {
      const s = stageWithout(p, c, "beforeEntry");
      if (s === undefined || p.executionMode === "PARALLEL") return false;
      p.stages[s].beforeEntry = { conditions: [{ result: "FAIL", rules: [] }] };
      return true;
    },
  },
  {
    code: "GEN003",
    name: "empty push list next to a pull-request filter",
    gen: { ...V2, triggers: "force" },
    apply(p, c) {
      const t = pick<Json>(c, (p.triggers ?? []).filter((x: Json) => x.gitConfiguration.push === undefined));
      if (!t) return false;
      t.gitConfiguration.push = [];
      return true;
    },
  },
  {
    code: "GEN004",
    name: "empty stage name",
    severity: "error",
    apply(p, c) {
      p.stages[c.int(1, p.stages.length - 1)].name = "";
      return true;
    },
  },
  {
    code: "GEN004",
    name: "empty required configuration value",
    gen: withKey("Build/AWS/CodeBuild"),
    apply(p, c) {
      const at = pickAction(p, c, (a) => a.action.actionTypeId.provider === "CodeBuild");
      if (!at) return false;
      at.action.configuration.ProjectName = "";
      return true;
    },
  },
  {
    code: "GEN004",
    name: "empty variable default",
    gen: { ...V2, variables: "force" },
    apply(p, c) {
      c.pick(p.variables as Json[]).defaultValue = "";
      return true;
    },
  },
  {
    code: "GEN005",
    name: "metadata inside the declaration",
    severity: "warning",
    apply(p) {
      p.metadata = { pipelineArn: `arn:aws:codepipeline:${HOME_REGION}:${ACCOUNT}:${p.name}` };
      return true;
    },
  },
  {
    code: "GEN005",
    name: "PascalCase RunOrder",
    apply(p, c) {
      const at = pickAction(p, c, () => true)!;
      at.action.RunOrder = 1;
      return true;
    },
  },
  {
    code: "GEN006",
    name: "wrong-case executionMode",
    severity: "error",
    apply(p) {
      p.executionMode = { SUPERSEDED: "Superseded", QUEUED: "queued", PARALLEL: "Parallel" }[p.executionMode as string] ?? "superseded";
      return true;
    },
  },
  {
    code: "GEN006",
    name: "wrong-case pipelineType v2",
    gen: V2,
    apply(p) {
      p.pipelineType = "v2";
      return true;
    },
  },
  {
    code: "GEN006",
    name: "wrong-case action owner",
    apply(p, c) {
      const at = pickAction(p, c, (a) => a.stage > 0 && a.action.actionTypeId.owner === "AWS" && !a.action.region && !a.action.roleArn);
      if (!at) return false;
      at.action.actionTypeId.owner = "aws";
      return true;
    },
  },
  {
    code: "GEN006",
    name: "wrong-case condition result",
    gen: V2,
    apply(p, c) {
      const s = stageWithout(p, c, "beforeEntry");
      if (s === undefined) return false;
      p.stages[s].beforeEntry = { conditions: [{ result: "fail", rules: [alarmRule("Alarm")] }] };
      return true;
    },
  },

  /* PIPE */
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
    // The spec's own example: a second stage of sources also breaks STG006; its outputs go unused (ART007).
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

  /* STORE */
  {
    code: "STORE001",
    name: "both artifactStore and artifactStores",
    severity: "error",
    apply(p) {
      if (p.artifactStore) p.artifactStores = { [HOME_REGION]: clone(p.artifactStore) };
      else p.artifactStore = clone(p.artifactStores[HOME_REGION]);
      return true;
    },
  },
  {
    code: "STORE001",
    name: "no artifact store",
    apply(p) {
      delete p.artifactStore;
      delete p.artifactStores;
      return true;
    },
  },
  {
    code: "STORE002",
    name: "store type GCS",
    severity: "error",
    apply(p, c) {
      c.pick(stores(p)).type = "GCS";
      return true;
    },
  },
  {
    code: "STORE003",
    name: "bucket with a prefix",
    severity: "error",
    apply(p, c) {
      c.pick(stores(p)).location = "my-bucket/artifacts";
      return true;
    },
  },
  {
    code: "STORE003",
    name: "uppercase bucket",
    severity: "warning",
    apply(p, c) {
      c.pick(stores(p)).location = "My-Artifact-Bucket";
      return true;
    },
  },
  {
    code: "STORE003",
    name: "bucket name of 2 characters",
    apply(p, c) {
      c.pick(stores(p)).location = "ab";
      return true;
    },
  },
  {
    code: "STORE004",
    name: "encryption key without type",
    severity: "error",
    apply(p, c) {
      c.pick(stores(p)).encryptionKey = { id: "1234abcd-12ab-34cd-56ef-1234567890ab" };
      return true;
    },
  },
  {
    code: "STORE005",
    name: "KMS alias with a cross-account action role",
    gen: { encryption: "off", actionRoles: "off" },
    severity: "warning",
    apply(p, c) {
      // An action in the home region: a per-region store only serves its region's actions.
      const at = pickAction(p, c, (a) => a.stage > 0 && a.action.actionTypeId.owner === "AWS" && (a.action.region ?? HOME_REGION) === HOME_REGION);
      if (!at) return false;
      homeStore(p).encryptionKey = { id: "alias/pipeline", type: "KMS" };
      at.action.roleArn = `arn:aws:iam::${OTHER_ACCOUNT}:role/deployer`;
      return true;
    },
  },
  {
    code: "STORE006",
    name: "store for a region CodePipeline does not serve",
    gen: { crossRegion: "force" },
    severity: "error",
    apply(p) {
      p.artifactStores["af-south-1"] = { type: "S3", location: "codepipeline-af-south-1-bucket" };
      return true;
    },
  },
  {
    code: "STORE007",
    name: "no store for the pipeline region",
    gen: { crossRegion: "force" },
    severity: "error",
    apply(p) {
      delete p.artifactStores[HOME_REGION];
      return true;
    },
  },
  {
    code: "STORE008",
    name: "no store for a cross-region action's region",
    gen: { crossRegion: "force" },
    severity: "error",
    apply(p, c) {
      const region = pick(c, Object.keys(p.artifactStores).filter((r) => r !== HOME_REGION));
      if (!region) return false;
      delete p.artifactStores[region];
      return true;
    },
  },
  {
    code: "STORE009",
    name: "cross-region action with the singular store",
    gen: { crossRegion: "off" },
    severity: "error",
    apply(p, c) {
      if (!p.artifactStore) return false;
      const at = pickAction(p, c, (a) => a.stage > 0 && a.action.actionTypeId.owner === "AWS");
      if (!at) return false;
      at.action.region = "us-west-2";
      return true;
    },
  },
  {
    code: "STORE010",
    name: "unused store region",
    gen: { crossRegion: "force" },
    severity: "warning",
    apply(p) {
      p.artifactStores["ap-south-1"] = { type: "S3", location: "codepipeline-ap-south-1-store" };
      return true;
    },
  },
  {
    code: "STORE011",
    name: "same bucket for two regions",
    gen: { crossRegion: "force" },
    severity: "warning",
    apply(p, c) {
      const region = c.pick(Object.keys(p.artifactStores).filter((r) => r !== HOME_REGION));
      p.artifactStores[region].location = p.artifactStores[HOME_REGION].location;
      return true;
    },
  },

  /* STG */
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

  /* COND */
  {
    code: "COND001",
    name: "automatic retry in a V1 pipeline",
    gen: V1,
    severity: "error",
    apply(p, c) {
      p.stages[c.int(1, p.stages.length - 1)].onFailure = { result: "RETRY", retryConfiguration: { retryMode: "ALL_ACTIONS" } };
      return true;
    },
  },
  {
    code: "COND002",
    name: "two onSuccess conditions",
    gen: V2,
    severity: "error",
    apply(p, c) {
      const s = stageWithout(p, c, "onSuccess");
      if (s === undefined) return false;
      p.stages[s].onSuccess = { conditions: [{ result: "FAIL", rules: [alarmRule("A1")] }, { result: "FAIL", rules: [alarmRule("A2")] }] };
      return true;
    },
  },
  {
    code: "COND002",
    name: "beforeEntry without conditions",
    gen: V2,
    apply(p, c) {
      const s = stageWithout(p, c, "beforeEntry");
      if (s === undefined) return false;
      p.stages[s].beforeEntry = {};
      return true;
    },
  },
  {
    code: "COND003",
    name: "ROLLBACK before entry",
    gen: { ...V2, executionModes: [undefined, "SUPERSEDED", "QUEUED"] },
    severity: "error",
    apply(p, c) {
      const s = stageWithout(p, c, "beforeEntry");
      if (s === undefined) return false;
      p.stages[s].beforeEntry = { conditions: [{ result: "ROLLBACK", rules: [alarmRule("Alarm")] }] };
      return true;
    },
  },
  {
    code: "COND004",
    name: "onFailure conditions without a result",
    gen: { ...V2, executionModes: [undefined, "SUPERSEDED", "QUEUED"] },
    severity: "warning",
    apply(p, c) {
      const s = stageWithout(p, c, "onFailure");
      if (s === undefined) return false;
      p.stages[s].onFailure = { conditions: [{ result: "ROLLBACK", rules: [alarmRule("Alarm")] }] };
      return true;
    },
  },
  {
    code: "COND005",
    name: "RETRY without retryConfiguration",
    gen: V2,
    severity: "warning",
    apply(p, c) {
      const s = stageWithout(p, c, "onFailure");
      if (s === undefined) return false;
      p.stages[s].onFailure = { result: "RETRY" };
      return true;
    },
  },
  {
    code: "COND005",
    name: "unknown retryMode",
    gen: V2,
    severity: "error",
    apply(p, c) {
      const s = stageWithout(p, c, "onFailure");
      if (s === undefined) return false;
      p.stages[s].onFailure = { result: "RETRY", retryConfiguration: { retryMode: "FAILED" } };
      return true;
    },
  },
  {
    code: "COND006",
    name: "automatic retry with onFailure conditions",
    gen: { ...V2, executionModes: [undefined, "SUPERSEDED", "QUEUED"] },
    severity: "error",
    apply(p, c) {
      const s = stageWithout(p, c, "onFailure");
      if (s === undefined) return false;
      p.stages[s].onFailure = { result: "RETRY", retryConfiguration: { retryMode: "ALL_ACTIONS" }, conditions: [{ result: "ROLLBACK", rules: [alarmRule("Alarm")] }] };
      return true;
    },
  },
  {
    code: "COND007",
    name: "SKIP with a CloudWatchAlarm rule",
    gen: V2,
    severity: "error",
    apply(p, c) {
      const s = stageWithout(p, c, "beforeEntry");
      if (s === undefined) return false;
      p.stages[s].beforeEntry = { conditions: [{ result: "SKIP", rules: [alarmRule("Alarm")] }] };
      return true;
    },
  },
  {
    code: "COND008",
    name: "onFailure ROLLBACK in PARALLEL mode",
    gen: { ...V2, executionModes: ["PARALLEL"] },
    severity: "error",
    apply(p, c) {
      const s = stageWithout(p, c, "onFailure");
      if (s === undefined) return false;
      p.stages[s].onFailure = { result: "ROLLBACK" };
      return true;
    },
  },
  {
    code: "COND009",
    name: "rollback of the source stage",
    gen: { ...V2, executionModes: [undefined, "SUPERSEDED", "QUEUED"] },
    // Any condition block on stage 0 is also COND010's (undocumented placement).
    also: ["COND010"],
    severity: "error",
    apply(p) {
      p.stages[0].onFailure = { result: "ROLLBACK" };
      return true;
    },
  },
  {
    code: "COND010",
    name: "beforeEntry on the source stage",
    gen: V2,
    severity: "warning",
    apply(p) {
      p.stages[0].beforeEntry = { conditions: [{ result: "FAIL", rules: [lambdaRule("Gate")] }] };
      return true;
    },
  },
  {
    code: "COND011",
    name: "six rules in a condition",
    gen: V2,
    severity: "error",
    apply(p, c) {
      const s = stageWithout(p, c, "beforeEntry");
      if (s === undefined) return false;
      p.stages[s].beforeEntry = { conditions: [{ result: "FAIL", rules: Array.from({ length: 6 }, (_, i) => alarmRule(`Alarm-${i}`)) }] };
      return true;
    },
  },
  {
    code: "COND012",
    name: "space in a rule name",
    gen: V2,
    severity: "error",
    apply(p, c) {
      const s = c.int(1, p.stages.length - 1);
      return addBeforeEntryRule(p, s, alarmRule("my rule"));
    },
  },
  {
    code: "COND012",
    name: "duplicate rule names in a condition",
    gen: V2,
    severity: "warning",
    apply(p, c) {
      const s = stageWithout(p, c, "beforeEntry");
      if (s === undefined) return false;
      p.stages[s].beforeEntry = { conditions: [{ result: "FAIL", rules: [alarmRule("dup"), alarmRule("dup")] }] };
      return true;
    },
  },
  {
    code: "COND013",
    name: "rule category Action",
    gen: V2,
    severity: "error",
    apply(p, c) {
      const rule = alarmRule("Alarm");
      rule.ruleTypeId.category = "Action";
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), rule);
    },
  },
  {
    code: "COND013",
    name: "unknown rule provider",
    gen: V2,
    severity: "warning",
    apply(p, c) {
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), { name: "Custom", ruleTypeId: { category: "Rule", owner: "AWS", provider: "SecurityHubCheck", version: "1" } });
    },
  },
  {
    code: "COND014",
    name: "rule configuration value over 10000 characters",
    gen: V2,
    severity: "error",
    apply(p, c) {
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), lambdaRule("Gate", { FunctionName: "gate", UserParameters: "x".repeat(10_001) }));
    },
  },
  {
    code: "COND015",
    name: "VariableCheck without Operator",
    gen: V2,
    severity: "error",
    apply(p, c) {
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), variableCheck("Check", { Variable: "#{codepipeline.PipelineExecutionId}", Value: "x" }));
    },
  },
  {
    code: "COND016",
    name: "VariableCheck operator EQUALS",
    gen: V2,
    severity: "warning",
    apply(p, c) {
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), variableCheck("Check", { Variable: "#{codepipeline.PipelineExecutionId}", Operator: "EQUALS", Value: "x" }));
    },
  },
  {
    code: "COND017",
    name: "five-field cron",
    gen: V2,
    severity: "warning",
    apply(p, c) {
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), {
        name: "Window",
        ruleTypeId: { category: "Rule", owner: "AWS", provider: "DeploymentWindow", version: "1" },
        configuration: { Cron: "0 9-17 * * MON-FRI" },
      });
    },
  },
  {
    code: "COND018",
    name: "commands on a LambdaInvoke rule",
    gen: V2,
    severity: "error",
    apply(p, c) {
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), { ...lambdaRule("Gate"), commands: ["echo hi"] });
    },
  },
  {
    code: "COND019",
    name: "rule timeout of 2 minutes",
    gen: V2,
    severity: "error",
    apply(p, c) {
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), { ...alarmRule("Alarm"), timeoutInMinutes: 2 });
    },
  },
  {
    code: "COND019",
    name: "rule roleArn that is not a role",
    gen: V2,
    apply(p, c) {
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), { ...alarmRule("Alarm"), roleArn: "arn:aws:iam::123:role/x" });
    },
  },
  {
    code: "COND019",
    name: "rule region too short",
    gen: V2,
    apply(p, c) {
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), { ...alarmRule("Alarm"), region: "eu" });
    },
  },
  {
    code: "COND013",
    name: "rule provider with a space",
    gen: V2,
    apply(p, c) {
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), { name: "Alarm", ruleTypeId: { category: "Rule", owner: "AWS", provider: "Cloud Watch", version: "1" }, configuration: { AlarmName: "a" } });
    },
  },
  {
    code: "COND013",
    name: "dotted rule version",
    gen: V2,
    apply(p, c) {
      const rule = alarmRule("Alarm");
      rule.ruleTypeId.version = "1.0";
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), rule);
    },
  },
  {
    code: "COND020",
    name: "beforeEntry rule input produced in the same stage",
    gen: V2,
    severity: "warning",
    apply(p, c) {
      const made = [...producers(p)].filter(([, at]) => at.stage > 0);
      const hit = pick(c, made);
      if (!hit) return false;
      const [artifact, at] = hit;
      return addBeforeEntryRule(p, at.stage, {
        name: "BuildCheck",
        ruleTypeId: { category: "Rule", owner: "AWS", provider: "CodeBuild", version: "1" },
        configuration: { ProjectName: "check" },
        inputArtifacts: [{ name: artifact }],
      });
    },
  },
  {
    code: "COND021",
    name: "beforeEntry check on a namespace of the same stage",
    gen: { ...V2, namespaces: "force" },
    severity: "warning",
    apply(p, c) {
      const hit = namespaceWithKey(p, c, nonSource);
      if (!hit) return false;
      return addBeforeEntryRule(p, hit.at.stage, variableCheck("Check", { Variable: `#{${hit.ns}.${hit.key}}`, Operator: "EQ", Value: "x" }));
    },
  },

  /* ACT */
  {
    code: "ACT001",
    name: "ampersand in an action name",
    severity: "error",
    apply(p, c) {
      pickAction(p, c, nonSource)!.action.name = "Build & Test";
      return true;
    },
  },
  {
    code: "ACT002",
    name: "duplicate action names in a stage",
    severity: "error",
    apply(p, c) {
      const stage = pick(c, p.stages.filter((s: Json, i: number) => i > 0 && s.actions.length > 1)) as Json;
      if (!stage) return false;
      const [a, b] = c.some(stage.actions as Json[], 2, 2);
      b.name = a.name;
      return true;
    },
  },
  {
    code: "ACT003",
    name: "dotted version",
    severity: "error",
    apply(p, c) {
      pickAction(p, c, () => true)!.action.actionTypeId.version = "1.0.0";
      return true;
    },
  },
  {
    code: "ACT003",
    name: "space in the provider",
    apply(p, c) {
      pickAction(p, c, nonSource)!.action.actionTypeId.provider = "Amazon ECR";
      return true;
    },
  },
  {
    code: "ACT003",
    name: "missing category",
    apply(p, c) {
      delete pickAction(p, c, nonSource)!.action.actionTypeId.category;
      return true;
    },
  },
  {
    code: "ACT004",
    name: "CodeBuild in the Deploy category",
    gen: withKey("Build/AWS/CodeBuild"),
    severity: "error",
    apply(p, c) {
      const at = pickAction(p, c, isKey("Build/AWS/CodeBuild"));
      if (!at) return false;
      at.action.actionTypeId.category = "Deploy";
      return true;
    },
  },
  {
    code: "ACT004",
    name: "custom action type (unverified)",
    severity: "warning",
    apply(p, c) {
      const artifact = plainArtifact(p, c)!;
      addAction(p, lastStage(p), {
        name: "Jenkins",
        actionTypeId: { category: "Build", owner: "Custom", provider: "MyJenkins", version: "1" },
        configuration: { ProjectName: "job" },
        inputArtifacts: [{ name: artifact }],
      });
      return true;
    },
  },
  {
    code: "ACT005",
    name: "CodeBuild version 2",
    gen: withKey("Build/AWS/CodeBuild"),
    severity: "error",
    apply(p, c) {
      const at = pickAction(p, c, isKey("Build/AWS/CodeBuild"));
      if (!at) return false;
      at.action.actionTypeId.version = "2";
      return true;
    },
  },
  {
    code: "ACT006",
    name: "connection source in ap-east-1",
    gen: { include: ["Source/AWS/CodeStarSourceConnection"], crossRegion: "off" },
    context: () => ({ region: "ap-east-1" }),
    severity: "warning",
    apply(p) {
      if (!p.artifactStore) {
        delete p.artifactStores;
        p.artifactStore = { type: "S3", location: "codepipeline-ap-east-1-store" };
      }
      // Explicit us-east-1 regions would now be cross-region (ACT009 for sources).
      for (const { action } of actionsOf(p)) delete action.region;
      return true;
    },
  },
  {
    code: "ACT006",
    name: "Device Farm outside us-west-2",
    gen: withKey("Test/AWS/DeviceFarm"),
    apply(p, c) {
      const at = pickAction(p, c, isKey("Test/AWS/DeviceFarm"))!;
      at.action.region = "eu-west-1";
      p.artifactStores["eu-west-1"] ??= { type: "S3", location: "codepipeline-eu-west-1-df" };
      if (!actionsOf(p).some((a) => a.action.region === "us-west-2")) delete p.artifactStores["us-west-2"];
      return true;
    },
  },
  {
    code: "ACT007",
    name: "runOrder 0 in the first group",
    severity: "error",
    apply(p, c) {
      const s = c.int(1, p.stages.length - 1);
      const first = Math.min(...p.stages[s].actions.map(runOrderOf));
      const action = c.pick((p.stages[s].actions as Json[]).filter((a) => runOrderOf(a) === first));
      action.runOrder = 0;
      return true;
    },
  },
  {
    code: "ACT007",
    name: "runOrder 1000 in the last group",
    apply(p, c) {
      const s = c.int(1, p.stages.length - 1);
      const last = Math.max(...p.stages[s].actions.map(runOrderOf));
      for (const a of p.stages[s].actions) if (a.runOrder === undefined) a.runOrder = 1;
      c.pick((p.stages[s].actions as Json[]).filter((a) => runOrderOf(a) === last)).runOrder = 1000;
      return true;
    },
  },
  {
    code: "ACT008",
    name: "implicit runOrder next to later groups",
    severity: "warning",
    apply(p, c) {
      const stages = (p.stages as Json[]).filter((s) => new Set(s.actions.map(runOrderOf)).size > 1);
      const stage = pick(c, stages);
      if (!stage) return false;
      const first = Math.min(...stage.actions.map(runOrderOf));
      const action = c.pick((stage.actions as Json[]).filter((a) => runOrderOf(a) === first));
      delete action.runOrder;
      return true;
    },
  },
  {
    code: "ACT009",
    name: "cross-region source action",
    gen: { crossRegion: "force" },
    severity: "error",
    apply(p, c) {
      const region = c.pick(Object.keys(p.artifactStores).filter((r) => r !== HOME_REGION));
      c.pick(p.stages[0].actions as Json[]).region = region;
      return true;
    },
  },
  {
    code: "ACT009",
    name: "cross-region ThirdParty action",
    gen: { crossRegion: "force", include: ["Deploy/ThirdParty/AlexaSkillsKit"] },
    apply(p, c) {
      const region = c.pick(Object.keys(p.artifactStores).filter((r) => r !== HOME_REGION));
      pickAction(p, c, isKey("Deploy/ThirdParty/AlexaSkillsKit"))!.action.region = region;
      return true;
    },
  },
  {
    code: "ACT010",
    name: "region too short",
    gen: { crossRegion: "force" },
    severity: "error",
    apply(p, c) {
      // An action without a region, so no store becomes unused (STORE010).
      const at = pickAction(p, c, (a) => a.stage > 0 && a.action.actionTypeId.owner === "AWS" && a.action.region === undefined);
      if (!at) return false;
      at.action.region = "eu";
      return true;
    },
  },
  {
    code: "ACT011",
    name: "malformed action role",
    severity: "error",
    apply(p, c) {
      const at = pickAction(p, c, (a) => a.action.actionTypeId.owner === "AWS")!;
      at.action.roleArn = "arn:aws:iam::123:role/x";
      return true;
    },
  },
  {
    code: "ACT011",
    name: "role on a ThirdParty action",
    gen: withKey("Deploy/ThirdParty/AlexaSkillsKit"),
    apply(p, c) {
      pickAction(p, c, isKey("Deploy/ThirdParty/AlexaSkillsKit"))!.action.roleArn = `arn:aws:iam::${ACCOUNT}:role/x`;
      return true;
    },
  },
  {
    code: "ACT012",
    name: "approval timeout of 1 minute",
    gen: withKey("Approval/AWS/Manual"),
    severity: "error",
    apply(p, c) {
      pickAction(p, c, isKey("Approval/AWS/Manual"))!.action.timeoutInMinutes = 1;
      return true;
    },
  },
  {
    code: "ACT012",
    name: "timeout on a CodeBuild action",
    gen: withKey("Build/AWS/CodeBuild"),
    apply(p, c) {
      pickAction(p, c, isKey("Build/AWS/CodeBuild"))!.action.timeoutInMinutes = 60;
      return true;
    },
  },
  {
    code: "ACT013",
    name: "commands on a CodeBuild action",
    gen: withKey("Build/AWS/CodeBuild"),
    severity: "error",
    apply(p, c) {
      pickAction(p, c, isKey("Build/AWS/CodeBuild"))!.action.commands = ["make"];
      return true;
    },
  },
  {
    code: "ACT014",
    name: "multi-line command",
    gen: withKey("Compute/AWS/Commands", V2),
    severity: "error",
    apply(p, c) {
      const at = pickAction(p, c, isKey("Compute/AWS/Commands"))!;
      at.action.commands[0] = `set -e\n${at.action.commands[0]}`;
      return true;
    },
  },
  {
    code: "ACT014",
    name: "Commands action without commands",
    gen: withKey("Compute/AWS/Commands", V2),
    apply(p, c) {
      const at = pickAction(p, c, (a) => isKey("Compute/AWS/Commands")(a) && !JSON.stringify(a.action.commands).includes("#{"));
      if (!at) return false;
      delete at.action.commands;
      return true;
    },
  },
  {
    code: "ACT014",
    name: "command over 1000 characters",
    gen: withKey("Compute/AWS/Commands", V2),
    apply(p, c) {
      pickAction(p, c, isKey("Compute/AWS/Commands"))!.action.commands.push("x".repeat(1001));
      return true;
    },
  },
  {
    code: "ACT015",
    name: "output variable name over 128 characters",
    gen: withKey("Compute/AWS/Commands", V2),
    apply(p, c) {
      const at = pickAction(p, c, isKey("Compute/AWS/Commands"))!;
      if ((at.action.outputVariables ?? []).length >= 15) return false;
      at.action.outputVariables = [...(at.action.outputVariables ?? []), "V".repeat(129)];
      return true;
    },
  },
  {
    code: "ART006",
    name: "Compute output file pattern over 128 characters",
    gen: withKey("Compute/AWS/Commands", V2),
    apply(p, c) {
      const at = pickAction(p, c, (a) => isKey("Compute/AWS/Commands")(a) && (a.action.outputArtifacts ?? []).length > 0);
      if (!at) return false;
      const out = at.action.outputArtifacts[0];
      if ((out.files ?? []).length >= 10) return false;
      out.files = [...(out.files ?? []), `${"d".repeat(127)}/*`]; // 129 characters
      return true;
    },
  },
  {
    code: "ACT015",
    name: "outputVariables on CodeBuild",
    gen: withKey("Build/AWS/CodeBuild"),
    severity: "warning",
    apply(p, c) {
      pickAction(p, c, isKey("Build/AWS/CodeBuild"))!.action.outputVariables = ["VERSION"];
      return true;
    },
  },
  {
    code: "ACT015",
    name: "16 outputVariables",
    gen: withKey("Compute/AWS/Commands", V2),
    severity: "error",
    apply(p, c) {
      const at = pickAction(p, c, isKey("Compute/AWS/Commands"))!;
      const existing: string[] = at.action.outputVariables ?? [];
      const extra = Array.from({ length: 16 - existing.length }, (_, i) => `EXTRA_${i}`);
      at.action.outputVariables = [...existing, ...extra];
      return true;
    },
  },
  {
    code: "ACT016",
    name: "hyphen in an environment variable name",
    gen: withKey("Compute/AWS/Commands", V2),
    severity: "error",
    apply(p, c) {
      const at = pickAction(p, c, isKey("Compute/AWS/Commands"))!;
      at.action.environmentVariables = [...(at.action.environmentVariables ?? []), { name: "MY-VAR", value: "x" }];
      return true;
    },
  },
  {
    code: "ACT016",
    name: "environmentVariables on CodeBuild",
    gen: withKey("Build/AWS/CodeBuild"),
    severity: "warning",
    apply(p, c) {
      pickAction(p, c, isKey("Build/AWS/CodeBuild"))!.action.environmentVariables = [{ name: "STAGE", value: "prod" }];
      return true;
    },
  },
  {
    code: "ACT016",
    name: "SECRETS_MANAGER on EKS",
    gen: withKey("Deploy/AWS/EKS", V2),
    severity: "warning",
    apply(p, c) {
      const at = pickAction(p, c, isKey("Deploy/AWS/EKS"))!;
      at.action.environmentVariables = [...(at.action.environmentVariables ?? []), { name: "TOKEN", value: "prod/token", type: "SECRETS_MANAGER" }];
      return true;
    },
  },
  {
    code: "ACT017",
    name: "approval notification that is not an SNS ARN",
    gen: withKey("Approval/AWS/Manual"),
    severity: "warning",
    apply(p, c) {
      const at = pickAction(p, c, isKey("Approval/AWS/Manual"))!;
      at.action.configuration = { ...(at.action.configuration ?? {}), NotificationArn: "my-topic" };
      return true;
    },
  },
  {
    code: "ACT017",
    name: "approval link that is not a URL",
    gen: withKey("Approval/AWS/Manual"),
    apply(p, c) {
      const at = pickAction(p, c, isKey("Approval/AWS/Manual"))!;
      at.action.configuration = { ...(at.action.configuration ?? {}), ExternalEntityLink: "see the wiki" };
      return true;
    },
  },
  {
    code: "ACT018",
    name: "Snyk action",
    severity: "error",
    apply(p, c) {
      if (!roomFor(p, 1)) return false;
      const input = plainArtifact(p, c)!;
      addStage(p, "Scan", [
        { name: "Snyk", actionTypeId: { category: "Invoke", owner: "ThirdParty", provider: "Snyk", version: "1" }, inputArtifacts: [{ name: input }], outputArtifacts: [{ name: "SnykOutput" }] },
      ]);
      addAction(p, lastStage(p), codeBuildSink("Sink", "SnykOutput"));
      return true;
    },
  },
  {
    code: "ACT018",
    name: "OpsWorks action",
    severity: "warning",
    apply(p, c) {
      if (!roomFor(p, 1)) return false;
      const input = plainArtifact(p, c)!;
      addStage(p, "Legacy", [
        { name: "OpsWorks", actionTypeId: { category: "Deploy", owner: "AWS", provider: "OpsWorks", version: "1" }, configuration: { Stack: "stack", App: "app" }, inputArtifacts: [{ name: input }] },
      ]);
      return true;
    },
  },
  {
    code: "ACT018",
    name: "GitHub v1 source",
    severity: "warning",
    apply(p) {
      addAction(p, 0, {
        name: "GitHubV1",
        actionTypeId: { category: "Source", owner: "ThirdParty", provider: "GitHub", version: "1" },
        configuration: { Owner: "acme", Repo: "web", Branch: "main", OAuthToken: "ghp_example", PollForSourceChanges: "false" },
        outputArtifacts: [{ name: "GitHubOutput" }],
      }, 1);
      addAction(p, lastStage(p), codeBuildSink("Sink", "GitHubOutput"));
      return true;
    },
  },
  {
    code: "ACT019",
    name: "masked secret on a new action",
    gen: { conditions: "off" },
    context: (original) => update(original),
    severity: "error",
    apply(p, c) {
      if (!roomFor(p, 1)) return false;
      const input = plainArtifact(p, c)!;
      addStage(p, "Skill", [
        {
          name: "Alexa",
          actionTypeId: { category: "Deploy", owner: "ThirdParty", provider: "AlexaSkillsKit", version: "1" },
          configuration: { ClientId: "client", ClientSecret: "****", RefreshToken: "token", SkillId: "amzn1.ask.skill.1" },
          inputArtifacts: [{ name: input }],
        },
      ]);
      return true;
    },
  },

  /* ART */
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

  /* CFG */
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

  /* VAR */
  {
    code: "VAR001",
    name: "pipeline variables in V1",
    gen: V1,
    // Declared and (necessarily) unreferenced: VAR018 is a separate, true finding.
    also: ["VAR018"],
    severity: "error",
    apply(p) {
      p.variables = [{ name: "env", defaultValue: "prod" }];
      return true;
    },
  },
  {
    code: "VAR002",
    name: "51 pipeline variables (all referenced)",
    gen: { ...V2, variables: "off" },
    severity: "error",
    apply(p) {
      p.variables = Array.from({ length: 51 }, (_, i) => ({ name: `v${i}`, defaultValue: "x" }));
      for (let i = 0; i < 51; i += 17) {
        addReference(p, Array.from({ length: 17 }, (_, k) => `#{variables.v${i + k}}`).join(" "));
      }
      return true;
    },
  },
  {
    code: "VAR003",
    name: "duplicate pipeline variable",
    gen: { ...V2, variables: "force" },
    severity: "error",
    apply(p, c) {
      p.variables.push(clone(c.pick(p.variables as Json[])));
      return true;
    },
  },
  {
    code: "VAR003",
    name: "dot in a pipeline variable name",
    gen: { ...V2, variables: "force" },
    apply(p) {
      p.variables.push({ name: "env.name", defaultValue: "x" });
      return true;
    },
  },
  {
    code: "VAR004",
    name: "variable description over 200 characters",
    gen: { ...V2, variables: "force" },
    severity: "error",
    apply(p, c) {
      c.pick(p.variables as Json[]).description = "d".repeat(201);
      return true;
    },
  },
  {
    code: "VAR004",
    name: "variable default over 1000 characters",
    gen: { ...V2, variables: "force" },
    apply(p, c) {
      c.pick(p.variables as Json[]).defaultValue = "d".repeat(1001);
      return true;
    },
  },
  {
    code: "VAR005",
    name: "reference without a namespace",
    severity: "error",
    apply(p) {
      addReference(p, "#{CommitId}");
      return true;
    },
  },
  {
    code: "VAR005",
    name: "reference with two periods",
    apply(p) {
      addReference(p, "#{Source.Variables.CommitId}");
      return true;
    },
  },
  {
    code: "VAR006",
    name: "unknown namespace",
    severity: "error",
    apply(p) {
      addReference(p, "#{NoSuchNamespace.CommitId}");
      return true;
    },
  },
  {
    code: "VAR007",
    name: "namespace of an action in the same runOrder group",
    gen: { namespaces: "force" },
    severity: "error",
    apply(p, c) {
      const hit = namespaceWithKey(p, c, nonSource);
      if (!hit) return false;
      addAction(p, hit.at.stage, manual("SameGroup", { CustomData: `#{${hit.ns}.${hit.key}}` }), runOrderOf(hit.at.action));
      return true;
    },
  },
  {
    code: "VAR008",
    name: "undeclared pipeline variable",
    gen: V2,
    severity: "error",
    apply(p) {
      addReference(p, "#{variables.undeclared_variable}");
      return true;
    },
  },
  {
    code: "VAR009",
    name: "undocumented codepipeline key",
    severity: "warning",
    apply(p) {
      addReference(p, "#{codepipeline.PipelineName}");
      return true;
    },
  },
  {
    code: "VAR010",
    name: "key a source does not emit",
    gen: { namespaces: "force" },
    severity: "warning",
    apply(p, c) {
      const source = pick(c, (p.stages[0].actions as Json[]).filter((a) => a.namespace !== undefined));
      if (!source) return false;
      addReference(p, `#{${source.namespace}.NoSuchKey}`);
      return true;
    },
  },
  {
    code: "VAR011",
    name: "namespace over 100 characters (renamed everywhere)",
    gen: { namespaces: "force" },
    severity: "error",
    apply(p, c) {
      const owner = c.pick(actionsOf(p).filter((a) => a.action.namespace !== undefined));
      renameNamespace(p, owner.action.namespace, "N".repeat(101));
      return valuesWithinLimits(p); // longer references must not push a value past 1000 (CFG001)
    },
  },
  {
    code: "VAR012",
    name: "namespace declared twice in one group",
    gen: { namespaces: "force" },
    severity: "error",
    apply(p, c) {
      const owner = pickAction(p, c, (a) => a.stage > 0 && a.action.namespace !== undefined);
      if (!owner) return false;
      addAction(p, owner.stage, lambdaInvoke("Twin", [], [], { namespace: owner.action.namespace }), runOrderOf(owner.action));
      return true;
    },
  },
  {
    code: "VAR013",
    name: "namespace equal to an artifact name (renamed everywhere)",
    gen: { namespaces: "force" },
    severity: "error",
    apply(p, c) {
      const owner = c.pick(actionsOf(p).filter((a) => a.action.namespace !== undefined));
      renameNamespace(p, owner.action.namespace, c.pick([...producers(p).keys()]));
      return valuesWithinLimits(p);
    },
  },
  {
    code: "VAR014",
    name: "namespace codepipeline",
    // The new namespace has no reference of its own: VAR018 may also say so.
    also: ["VAR018"],
    severity: "error",
    apply(p) {
      addAction(p, lastStage(p), lambdaInvoke("Reserved", [], [], { namespace: "codepipeline" }));
      return true;
    },
  },
  {
    code: "VAR015",
    name: "namespace on a Manual approval",
    gen: withKey("Approval/AWS/Manual"),
    // Nothing can reference a namespace that emits nothing: VAR018 may also say so.
    also: ["VAR018"],
    severity: "warning",
    apply(p, c) {
      pickAction(p, c, isKey("Approval/AWS/Manual"))!.action.namespace = "ApprovalVars";
      return true;
    },
  },
  {
    code: "VAR016",
    name: "reference in an action roleArn",
    severity: "warning",
    apply(p, c) {
      const at = pickAction(p, c, (a) => a.stage > 0 && a.action.actionTypeId.owner === "AWS");
      if (!at) return false;
      at.action.roleArn = `arn:aws:iam::${ACCOUNT}:role/#{codepipeline.PipelineExecutionId}`;
      return true;
    },
  },
  {
    code: "VAR017",
    name: "variable without a default",
    gen: { ...V2, variables: "force" },
    severity: "warning",
    apply(p, c) {
      // Only automatic starts (triggers, change detection) need the default.
      const automatic =
        (p.triggers ?? []).length > 0 ||
        (p.stages[0].actions as Json[]).some((a) => !(a.actionTypeId.provider === "CodeStarSourceConnection" && a.configuration.DetectChanges === "false"));
      if (!automatic) return false;
      delete c.pick(p.variables as Json[]).defaultValue;
      return true;
    },
  },
  {
    code: "VAR018",
    name: "unreferenced pipeline variable",
    gen: V2,
    severity: "warning",
    apply(p) {
      p.variables = [...(p.variables ?? []), { name: "never_used", defaultValue: "x" }];
      return true;
    },
  },
  {
    code: "VAR018",
    name: "unreferenced namespace",
    apply(p, c) {
      const at = pickAction(p, c, (a) => a.action.namespace === undefined && a.stage === 0);
      if (!at) return false;
      at.action.namespace = "NeverReferenced";
      return true;
    },
  },

  /* TRIG */
  {
    code: "TRIG001",
    name: "trigger in a V1 pipeline",
    gen: { ...V1, include: ["Source/AWS/CodeStarSourceConnection"] },
    severity: "error",
    apply(p) {
      const source = (p.stages[0].actions as Json[]).find((a) => a.actionTypeId.provider === "CodeStarSourceConnection");
      p.triggers = [
        { providerType: "CodeStarSourceConnection", gitConfiguration: { sourceActionName: source.name, push: [{ branches: { includes: [source.configuration.BranchName] } }] } },
      ];
      return true;
    },
  },
  {
    code: "TRIG002",
    name: "51 triggers",
    gen: { ...V2, triggers: "force" },
    // 51 triggers cannot point at 51 different connection sources (stage 0 holds at most 50 actions).
    also: ["TRIG006"],
    severity: "error",
    apply(p) {
      const t = p.triggers[0];
      p.triggers = Array.from({ length: 51 }, () => clone(t));
      return true;
    },
  },
  {
    code: "TRIG003",
    name: "provider Connection",
    gen: { ...V2, triggers: "force" },
    // The misspelt member is also an unknown member (GEN005): two facts, each with its own fix hint.
    also: ["GEN005"],
    severity: "error",
    apply(p, c) {
      const t = triggerOf(p, c)!;
      delete t.providerType;
      t.provider = "Connection";
      return true;
    },
  },
  {
    code: "TRIG003",
    name: "unknown providerType",
    gen: { ...V2, triggers: "force" },
    apply(p, c) {
      triggerOf(p, c)!.providerType = "GitHub";
      return true;
    },
  },
  {
    code: "TRIG004",
    name: "trigger without gitConfiguration",
    gen: { ...V2, triggers: "force" },
    severity: "error",
    apply(p, c) {
      delete triggerOf(p, c)!.gitConfiguration;
      return true;
    },
  },
  {
    code: "TRIG004",
    name: "sourceActionName breaking the action-name pattern",
    gen: { ...V2, triggers: "force" },
    apply(p, c) {
      triggerOf(p, c)!.gitConfiguration.sourceActionName = "my source";
      return true;
    },
  },
  {
    code: "TRIG005",
    name: "trigger on a non-connection source",
    gen: { ...V2, triggers: "force", include: ["Source/AWS/S3"] },
    severity: "error",
    apply(p, c) {
      const s3 = (p.stages[0].actions as Json[]).find((a) => a.actionTypeId.provider === "S3");
      triggerOf(p, c)!.gitConfiguration.sourceActionName = s3.name;
      return true;
    },
  },
  {
    code: "TRIG006",
    name: "two triggers on one source",
    gen: { ...V2, triggers: "force" },
    severity: "error",
    apply(p, c) {
      p.triggers.push(clone(triggerOf(p, c)!));
      return true;
    },
  },
  {
    code: "TRIG007",
    name: "four push filters",
    gen: { ...V2, triggers: "force" },
    severity: "error",
    apply(p, c) {
      const git = triggerOf(p, c)!.gitConfiguration;
      git.push = [...(git.push ?? [])];
      while (git.push.length < 4) git.push.push({ tags: { includes: [`v${git.push.length}*`] } });
      return true;
    },
  },
  {
    code: "TRIG008",
    name: "nine include patterns",
    gen: { ...V2, triggers: "force" },
    severity: "error",
    apply(p, c) {
      const criteria = c.pick(branchCriteria(triggerOf(p, c)!));
      while (criteria.includes.length < 9) criteria.includes.push(`team-${criteria.includes.length}/**`);
      return true;
    },
  },
  {
    code: "TRIG008",
    name: "pattern over 255 characters",
    gen: { ...V2, triggers: "force" },
    apply(p, c) {
      const criteria = c.pick(branchCriteria(triggerOf(p, c)!));
      if (criteria.includes.length >= 8) return false;
      criteria.includes.push(`x${"y".repeat(255)}`);
      return true;
    },
  },
  {
    code: "TRIG009",
    name: "pull-request event MERGED",
    gen: { ...V2, triggers: "force" },
    severity: "error",
    apply(p, c) {
      const t = triggerOf(p, c)!;
      const source = triggerSource(p, t);
      const git = t.gitConfiguration;
      git.pullRequest = [...(git.pullRequest ?? [])];
      if (git.pullRequest.length === 0) git.pullRequest.push({ branches: { includes: [source.configuration.BranchName] } });
      git.pullRequest[0].events = ["MERGED"];
      return true;
    },
  },
  {
    code: "TRIG009",
    name: "duplicate pull-request events",
    gen: { ...V2, triggers: "force" },
    severity: "warning",
    apply(p, c) {
      const t = triggerOf(p, c)!;
      const source = triggerSource(p, t);
      const git = t.gitConfiguration;
      git.pullRequest = [...(git.pullRequest ?? [])];
      if (git.pullRequest.length === 0) git.pullRequest.push({ branches: { includes: [source.configuration.BranchName] } });
      git.pullRequest[0].events = ["OPEN", "OPEN"];
      return true;
    },
  },
  {
    code: "TRIG010",
    name: "empty push filter",
    gen: { ...V2, triggers: "force" },
    severity: "error",
    apply(p, c) {
      const git = triggerOf(p, c)!.gitConfiguration;
      if ((git.push ?? []).length >= 3) return false;
      git.push = [...(git.push ?? []), {}];
      return true;
    },
  },
  {
    code: "TRIG011",
    name: "filePaths on a tags-only push filter",
    gen: { ...V2, triggers: "force" },
    severity: "error",
    apply(p, c) {
      const git = triggerOf(p, c)!.gitConfiguration;
      if ((git.push ?? []).length >= 3) return false;
      git.push = [...(git.push ?? []), { tags: { includes: ["v*"] }, filePaths: { includes: ["src/**"] } }];
      return true;
    },
  },
  {
    code: "TRIG012",
    name: "pull-request filter without branches",
    gen: { ...V2, triggers: "force" },
    severity: "error",
    apply(p, c) {
      const git = triggerOf(p, c)!.gitConfiguration;
      if ((git.pullRequest ?? []).length >= 3) return false;
      git.pullRequest = [...(git.pullRequest ?? []), { events: ["OPEN"] }];
      return true;
    },
  },
  {
    code: "TRIG013",
    name: "neither push nor pullRequest",
    gen: { ...V2, triggers: "force" },
    // With no filter, no branch include matches BranchName either (TRIG016).
    also: ["TRIG016"],
    severity: "warning",
    apply(p, c) {
      const git = triggerOf(p, c)!.gitConfiguration;
      delete git.push;
      delete git.pullRequest;
      return true;
    },
  },
  {
    code: "TRIG014",
    name: "nested brace group",
    gen: { ...V2, triggers: "force" },
    severity: "warning",
    apply(p, c) {
      const criteria = c.pick(branchCriteria(triggerOf(p, c)!));
      if (criteria.includes.length >= 8) return false;
      criteria.includes.push("release/{a,{b,c}}");
      return true;
    },
  },
  {
    code: "TRIG015",
    name: "same pattern included and excluded",
    gen: { ...V2, triggers: "force" },
    severity: "warning",
    apply(p, c) {
      const criteria = c.pick(branchCriteria(triggerOf(p, c)!));
      if (criteria.includes.length >= 8 || (criteria.excludes ?? []).length >= 8) return false;
      criteria.includes.push("feature/x");
      criteria.excludes = [...(criteria.excludes ?? []), "feature/x"];
      return true;
    },
  },
  {
    code: "TRIG016",
    name: "BranchName matched by no branch include",
    gen: { ...V2, triggers: "force" },
    severity: "warning",
    apply(p, c) {
      const source = triggerSource(p, triggerOf(p, c)!);
      source.configuration.BranchName = "zz-unmatched";
      return true;
    },
  },

  /* EXEC, TAG, PW */
  {
    code: "EXEC001",
    name: "QUEUED to PARALLEL on update",
    gen: { ...V2, conditions: "off", executionModes: ["PARALLEL"] },
    context: (original) => update({ ...original, executionMode: "QUEUED" }),
    severity: "warning",
    apply: () => true,
  },
  {
    code: "EXEC002",
    name: "update with executions in flight",
    gen: { conditions: "off", executionModes: [undefined, "SUPERSEDED", "QUEUED"] },
    context: (original) => update(original, { activeExecutionCount: 2 }),
    severity: "warning",
    apply: () => true,
  },
  {
    code: "EXEC003",
    name: "update adding a rollback",
    gen: { ...V2, conditions: "off", executionModes: [undefined, "SUPERSEDED", "QUEUED"] },
    context: (original) => update(original),
    severity: "warning",
    apply(p, c) {
      p.stages[c.int(1, p.stages.length - 1)].onFailure = { result: "ROLLBACK" };
      return true;
    },
  },
  {
    code: "TAG001",
    name: "51 tags",
    context: () => ({ ...TEST_CONTEXT, tags: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: "v" })) }),
    severity: "error",
    apply: () => true,
  },
  {
    code: "TAG001",
    name: "aws: tag key",
    context: () => ({ ...TEST_CONTEXT, tags: [{ key: "aws:owner", value: "x" }] }),
    severity: "warning",
    apply: () => true,
  },
  {
    code: "TAG001",
    name: "duplicate tag keys",
    context: () => ({ ...TEST_CONTEXT, tags: [{ key: "team", value: "a" }, { key: "team", value: "b" }] }),
    severity: "error",
    apply: () => true,
  },
  {
    code: "PW002",
    name: "unresolved CloudFormation reference",
    severity: "warning",
    apply(p, c) {
      const at = pickAction(p, c, (a) => a.action.actionTypeId.owner === "AWS")!;
      at.action.roleArn = "${!GetAtt ActionRole.Arn}";
      return true;
    },
  },
];


/* ----- ownership sweeps: the same breakage on any field of its kind ----- */

interface Site {
  readonly parent: Json;
  readonly key: string | number;
  /** A description for messages, e.g. "action name". */
  readonly field: string;
  /** Editing it cannot legitimately raise another code (no references hang on it). */
  readonly safe: boolean;
}

interface Sites {
  readonly strings: Site[];
  readonly enums: Site[];
  readonly lists: Site[];
  readonly integers: Site[];
  readonly configs: Site[];
  readonly objects: Site[];
}

const hasRef = (v: unknown) => JSON.stringify(v ?? null).includes("#{");

/** Branch names some trigger relies on for TRIG016. */
function triggerBranches(p: Json): Set<string> {
  const out = new Set<string>();
  for (const t of p.triggers ?? []) {
    const source = (p.stages[0]?.actions ?? []).find((a: Json) => a.name === t.gitConfiguration?.sourceActionName);
    if (source?.configuration?.BranchName) out.add(source.configuration.BranchName);
  }
  return out;
}

/** Walks the declaration by the model and lists the members of each kind. */
function collectSites(p: Json): Sites {
  const sites: Sites = { strings: [], enums: [], lists: [], integers: [], configs: [], objects: [] };
  const str = (parent: Json, key: string | number, field: string, safe = true) => {
    if (typeof parent?.[key] === "string") sites.strings.push({ parent, key, field, safe });
  };
  const en = (parent: Json, key: string, field: string, safe = true) => {
    if (typeof parent?.[key] === "string") sites.enums.push({ parent, key, field, safe });
  };
  const list = (parent: Json, key: string, field: string, safe: boolean) => {
    if (Array.isArray(parent?.[key])) sites.lists.push({ parent, key, field, safe });
  };
  const int = (parent: Json, key: string, field: string, safe = true) => {
    if (typeof parent?.[key] === "number") sites.integers.push({ parent, key, field, safe });
  };
  const obj = (value: Json, field: string) => {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) sites.objects.push({ parent: value, key: "", field, safe: true });
  };
  const config = (configuration: Json, field: string) => {
    for (const k of Object.keys(configuration ?? {})) {
      const safe = !hasRef(configuration[k]);
      sites.configs.push({ parent: configuration, key: k, field: `${field}.${k}`, safe });
      str(configuration, k, `${field} value ${k}`, safe);
    }
  };
  const triggerSources = new Set((p.triggers ?? []).map((t: Json) => t.gitConfiguration?.sourceActionName));
  const branches = triggerBranches(p);

  obj(p, "declaration");
  str(p, "name", "pipeline name");
  str(p, "roleArn", "pipeline roleArn");
  en(p, "executionMode", "executionMode");
  en(p, "pipelineType", "pipelineType");
  for (const store of stores(p)) {
    obj(store, "artifact store");
    str(store, "location", "bucket");
    en(store, "type", "store type");
    if (store.encryptionKey) {
      obj(store.encryptionKey, "encryption key");
      str(store.encryptionKey, "id", "key id");
      en(store.encryptionKey, "type", "key type");
    }
  }
  (p.stages as Json[]).forEach((stage) => {
    obj(stage, "stage");
    str(stage, "name", "stage name");
    for (const action of stage.actions as Json[]) {
      obj(action, "action");
      str(action, "name", "action name", !triggerSources.has(action.name));
      str(action, "roleArn", "action roleArn");
      int(action, "runOrder", "runOrder", runOrderOf(action) === 1);
      int(action, "timeoutInMinutes", "action timeout");
      obj(action.actionTypeId, "actionTypeId");
      en(action.actionTypeId, "category", "action category");
      en(action.actionTypeId, "owner", "action owner");
      str(action.actionTypeId, "version", "action type version");
      if (action.configuration) config(action.configuration, "action configuration"); // unknown keys are CFG003's
      list(action, "commands", "commands", !hasRef(action.commands));
      (action.commands ?? []).forEach((cmd: string, i: number) => str(action.commands, i, "command", !hasRef(cmd)));
      list(action, "outputVariables", "outputVariables", action.namespace === undefined);
      (action.outputVariables ?? []).forEach((_: string, i: number) => str(action.outputVariables, i, "output variable", action.namespace === undefined));
      list(action, "environmentVariables", "environmentVariables", !hasRef(action.environmentVariables));
      for (const env of action.environmentVariables ?? []) {
        obj(env, "environment variable");
        str(env, "name", "environment variable name");
        str(env, "value", "environment variable value", !hasRef(env.value));
        en(env, "type", "environment variable type");
      }
      for (const out of action.outputArtifacts ?? []) {
        obj(out, "output artifact");
        list(out, "files", "output files", true);
        (out.files ?? []).forEach((_: string, i: number) => str(out.files, i, "output file"));
      }
      for (const input of action.inputArtifacts ?? []) obj(input, "input artifact");
    }
    for (const block of ["beforeEntry", "onSuccess", "onFailure"]) {
      const b = stage[block];
      if (!b) continue;
      obj(b, block);
      if (block === "onFailure") {
        en(b, "result", "onFailure result");
        if (b.retryConfiguration) {
          obj(b.retryConfiguration, "retryConfiguration");
          en(b.retryConfiguration, "retryMode", "retryMode");
        }
      }
      for (const condition of b.conditions ?? []) {
        const feeds = (condition.rules ?? []).some((r: Json) => hasRef(r) || (r.inputArtifacts ?? []).length > 0);
        list(b, "conditions", `${block} conditions`, !feeds);
        obj(condition, "condition");
        en(condition, "result", "condition result");
        list(condition, "rules", "condition rules", !feeds);
        for (const rule of condition.rules ?? []) {
          obj(rule, "rule");
          str(rule, "name", "rule name");
          str(rule, "roleArn", "rule roleArn");
          int(rule, "timeoutInMinutes", "rule timeout");
          obj(rule.ruleTypeId, "ruleTypeId");
          en(rule.ruleTypeId, "category", "rule category");
          en(rule.ruleTypeId, "owner", "rule owner");
          str(rule.ruleTypeId, "version", "rule type version");
          if (rule.configuration) config(rule.configuration, "rule configuration");
          list(rule, "commands", "rule commands", false); // Commands rules require commands (COND015/COND018)
          (rule.commands ?? []).forEach((_: string, i: number) => str(rule.commands, i, "rule command"));
          for (const input of rule.inputArtifacts ?? []) obj(input, "rule input artifact");
        }
      }
    }
  });
  int(p, "version", "version");
  for (const v of p.variables ?? []) {
    obj(v, "variable");
    str(v, "defaultValue", "variable default");
  }
  for (const t of p.triggers ?? []) {
    obj(t, "trigger");
    en(t, "providerType", "providerType");
    const git = t.gitConfiguration;
    obj(git, "gitConfiguration");
    const filters: Array<[string, Json]> = [...(git.push ?? []).map((f: Json) => ["push", f]), ...(git.pullRequest ?? []).map((f: Json) => ["pullRequest", f])];
    // A filter list / pattern list is safe to empty when another filter still includes the branch literally (TRIG016).
    const coveredWithout = (skip: Json) =>
      filters.some(([, f]) => f !== skip && (f.branches?.includes ?? []).some((x: string) => branches.has(x)));
    for (const listKey of ["push", "pullRequest"]) {
      if (!git[listKey]) continue;
      const others = filters.filter(([k]) => k !== listKey);
      const safe = others.some(([, f]) => (f.branches?.includes ?? []).some((x: string) => branches.has(x)));
      list(git, listKey, `trigger ${listKey}`, safe);
    }
    for (const [kind, f] of filters) {
      obj(f, `${kind} filter`);
      if (kind === "pullRequest" && f.events) {
        list(f, "events", "pull-request events", true);
        f.events.forEach((_: string, i: number) => en(f.events, i as unknown as string, "pull-request event"));
      }
      for (const criteriaKey of ["branches", "filePaths", "tags"]) {
        const criteria = f[criteriaKey];
        if (!criteria) continue;
        obj(criteria, `${criteriaKey} criteria`);
        for (const side of ["includes", "excludes"]) {
          if (!criteria[side]) continue;
          const holdsBranch = criteriaKey === "branches" && side === "includes" && criteria[side].some((x: string) => branches.has(x));
          const safe = !holdsBranch || coveredWithout(f);
          // Emptying includes leaves the excludes alone: TRIG016 has nothing to match.
          list(criteria, side, `${criteriaKey} ${side}`, safe && !(side === "includes" && criteriaKey === "branches" && !coveredWithout(f)));
          criteria[side].forEach((x: string, i: number) => str(criteria[side], i, `${criteriaKey} pattern`, !branches.has(x) || coveredWithout(f)));
        }
      }
    }
  }
  return sites;
}

function typedEquivalent(value: string): unknown {
  if (value === "true" || value === "false") return value === "true";
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (/^[[{]/.test(value)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return [value];
    }
  }
  return { value };
}

function sweep(code: string, name: string, kind: keyof Sites, edit: (site: Site, c: Chooser) => boolean, gen?: GenOptions): Mutation {
  return {
    code,
    name: `${name} (sweep)`,
    gen,
    runs: 120,
    apply(p, c) {
      const site = pick(c, collectSites(p)[kind].filter((x) => x.safe));
      return site ? edit(site, c) : false;
    },
  };
}

const SWEEPS: readonly Mutation[] = [
  sweep("GEN004", "empty string in a min-1 string member", "strings", (s) => ((s.parent[s.key] = ""), true)),
  sweep("GEN004", "empty string in a min-1 string member of a V2 pipeline with every feature", "strings", (s) => ((s.parent[s.key] = ""), true), {
    ...V2,
    triggers: "force",
    variables: "force",
    conditions: "force",
  }),
  sweep("GEN006", "wrong-case enum value", "enums", (s) => {
    const v: string = s.parent[s.key];
    const changed = v === v.toLowerCase() ? v.toUpperCase() : v.toLowerCase();
    if (changed === v) return false;
    s.parent[s.key] = changed;
    return true;
  }, { ...V2, triggers: "force", conditions: "force" }),
  sweep("GEN003", "empty list in a min-1 list member", "lists", (s) => ((s.parent[s.key] = []), true), { ...V2, triggers: "force", conditions: "force", include: ["Compute/AWS/Commands"] }),
  // The typical mistake: the typed form of the same value ("true" → true, "15" → 15, JSON text → JSON).
  sweep("GEN001", "configuration value written as its typed equivalent", "configs", (s) => ((s.parent[s.key] = typedEquivalent(s.parent[s.key])), true), { ...V2, conditions: "force" }),
  sweep("GEN001", "null configuration value", "configs", (s) => ((s.parent[s.key] = null), true), { ...V2, conditions: "force" }),
  sweep("GEN002", "non-integer integer member", "integers", (s, c) => ((s.parent[s.key] = c.pick([s.parent[s.key] + 0.5, String(s.parent[s.key])])), true), { ...V2, conditions: "force" }),
  sweep("GEN005", "unknown member on a declaration shape", "objects", (s) => ((s.parent.Bogus = "x"), true), { ...V2, triggers: "force", conditions: "force", variables: "force" }),
];

const TRICKY_STRINGS = [
  "",
  " ",
  "****",
  "#{",
  "#{}",
  "#{a.b.c}",
  "#{variables.}",
  "${!Ref Something}",
  "::",
  "\u0000",
  "\ud800",
  "a\nb",
  "__proto__",
  "constructor",
  "[a-",
  "{a,{b}}",
  "\\",
  "x".repeat(40_000),
  "[a]".repeat(20_000),
  "#{".repeat(2_000),
  "(a+)+$".repeat(500),
];

describe("totality on tricky strings", () => {
  it("any string, enum or configuration member may hold any string", () => {
    fc.assert(
      fc.property(
        arbitraryValidPipeline({ pipelineType: "V2", triggers: "force", conditions: "force", variables: "force" }),
        arbitraryChooser(),
        fc.constantFrom(...TRICKY_STRINGS),
        (generated, c, value) => {
          const pipeline = clone(generated);
          const sites = collectSites(pipeline);
          const site = c.pick([...sites.strings, ...sites.enums, ...sites.configs]);
          site.parent[site.key] = value;
          validateTotal(pipeline, { ...TEST_CONTEXT, operation: "update", deployed: generated });
        },
      ),
      { numRuns: runs(300) },
    );
  }, TIMEOUT);
});

/** Codes no single declaration edit can raise on its own, with the reason. */
const EXEMPT: Readonly<Record<string, string>> = {};

describe("single-rule breakages", () => {
  it("cover every code of the RULES registry", () => {
    const registered = new Set(RULES.flatMap((r) => r.codes));
    const covered = new Set(MUTATIONS.map((m) => m.code));
    const missing = [...registered].filter((code) => !covered.has(code) && !(code in EXEMPT));
    expect(missing).toEqual([]);
    const unknown = [...covered].filter((code) => !registered.has(code));
    expect(unknown).toEqual([]);
  });

  for (const m of [...MUTATIONS, ...SWEEPS]) {
    it(`${m.code}: ${m.name}`, () => {
      fc.assert(
        fc.property(arbitraryValidPipeline(m.gen), arbitraryChooser(), (generated, c) => {
          // fast-check may pass the same value again while shrinking: never mutate it.
          const pipeline = clone(generated);
          const context = m.context ? m.context(clone(pipeline)) : TEST_CONTEXT;
          fc.pre(applyMutation(m, pipeline, c));
          const diagnostics = validate(pipeline, context);
          const codes = codeSet(diagnostics);
          const allowed = new Set([m.code, ...(m.also ?? [])]);
          const extra = codes.filter((code) => !allowed.has(code));
          if (!codes.includes(m.code) || extra.length > 0) {
            throw new Error(`expected {${m.code}}${m.also ? ` (+ ${m.also.join(", ")})` : ""}, got {${codes.join(", ")}}\n${describeDiagnostics(diagnostics)}`);
          }
          if (m.severity) {
            const severities = new Set(diagnostics.filter((d) => d.code === m.code).map((d) => d.severity));
            const expected = m.severity === "both" ? ["error", "warning"] : [m.severity];
            expect([...severities].sort()).toEqual(expected);
          }
        }),
        { numRuns: runs(m.runs ?? 20) },
      );
    }, TIMEOUT);
  }
});

/* ------------------------------------------------------------------------------------------ */
/* 4. Determinism and purity                                                                    */
/* ------------------------------------------------------------------------------------------ */

/** Valid pipelines with one random mutation of the table applied (when it applies), plus its context. */
const arbitraryCase: fc.Arbitrary<{ pipeline: Json; context: ValidationContext; mutation: string }> = fc
  .constantFrom(...MUTATIONS)
  .chain((m) =>
    fc.tuple(arbitraryValidPipeline(m.gen), arbitraryChooser()).map(([generated, c]) => {
      const pipeline = clone(generated);
      const context = m.context ? m.context(clone(pipeline)) : TEST_CONTEXT;
      const applied = applyMutation(m, pipeline, c);
      return { pipeline: applied ? pipeline : generated, context, mutation: applied ? `${m.code}: ${m.name}` : "none" };
    }),
  );

describe("determinism and purity", () => {
  it("validating twice gives identical output, and a deep-frozen input is accepted unchanged", () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryCase, arbitraryPipelineGarbage().map((pipeline) => ({ pipeline, context: TEST_CONTEXT, mutation: "garbage" }))), ({ pipeline, context }) => {
        const snapshot = clone(pipeline);
        const first = validate(pipeline, context);
        expect(pipeline).toEqual(snapshot);
        const frozen = deepFreeze(clone(pipeline));
        const frozenContext = deepFreeze(clone(context));
        const second = validate(frozen, frozenContext);
        expect(second).toEqual(first);
        expect(validate(frozen, frozenContext)).toEqual(first);
      }),
      { numRuns: runs(200) },
    );
  }, TIMEOUT);
});

/* ------------------------------------------------------------------------------------------ */
/* 5. Order independence                                                                        */
/* ------------------------------------------------------------------------------------------ */

/** Reorders the actions of every stage while keeping each runOrder group's actions together in order of group. */
function shuffleWithinGroups(p: Json, c: Chooser): Json {
  const out = clone(p);
  for (const stage of out.stages ?? []) {
    if (!Array.isArray(stage?.actions)) continue;
    const groups = new Map<number, Json[]>();
    for (const a of stage.actions) {
      const ro = runOrderOf(a ?? {});
      groups.set(ro, [...(groups.get(ro) ?? []), a]);
    }
    const positions = stage.actions.map((a: Json) => runOrderOf(a ?? {}));
    const shuffled = new Map([...groups].map(([ro, list]) => [ro, c.shuffle(list)]));
    stage.actions = positions.map((ro: number) => shuffled.get(ro)!.shift());
  }
  return out;
}

/** Shuffles lists whose order carries no validity meaning: variables, triggers, a condition's rules. */
function shuffleUnorderedLists(p: Json, c: Chooser): Json {
  const out = clone(p);
  if (Array.isArray(out.variables)) out.variables = c.shuffle(out.variables);
  if (Array.isArray(out.triggers)) out.triggers = c.shuffle(out.triggers);
  for (const stage of Array.isArray(out.stages) ? out.stages : []) {
    for (const block of ["beforeEntry", "onSuccess", "onFailure"]) {
      for (const condition of Array.isArray(stage?.[block]?.conditions) ? stage[block].conditions : []) {
        if (Array.isArray(condition?.rules)) condition.rules = c.shuffle(condition.rules);
      }
    }
  }
  return out;
}

/**
 * Rebuilds every object with its members in a random order, except the keys of the
 * `artifactStores` map: STORE011 reports the later of two regions sharing a bucket, and for a
 * map "later" is key order (as ART002 reports the later producer in document order).
 */
function permuteMembers(value: Json, c: Chooser, keepOrder = false): Json {
  if (Array.isArray(value)) return value.map((v) => permuteMembers(v, c));
  if (value !== null && typeof value === "object") {
    const keys = keepOrder ? Object.keys(value) : c.shuffle(Object.keys(value));
    return fromEntries(keys.map((k) => [k, permuteMembers(value[k], c, k === "artifactStores")] as const));
  }
  return value;
}

const codeMultiset = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => d.code).sort();
const findingMultiset = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => `${d.code}|${d.severity}|${d.path}`).sort();

describe("order independence", () => {
  it("reordering actions inside a runOrder group does not change the codes reported", () => {
    fc.assert(
      fc.property(arbitraryCase, arbitraryChooser(), ({ pipeline, context }, c) => {
        const before = codeMultiset(validate(pipeline, context));
        const after = codeMultiset(validate(shuffleWithinGroups(pipeline, c), context));
        expect(after).toEqual(before);
      }),
      { numRuns: runs(200) },
    );
  }, TIMEOUT);

  it("reordering variables, triggers or a condition's rules does not change the codes reported", () => {
    fc.assert(
      fc.property(arbitraryCase, arbitraryChooser(), ({ pipeline, context }, c) => {
        const before = codeMultiset(validate(pipeline, context));
        const after = codeMultiset(validate(shuffleUnorderedLists(pipeline, c), context));
        expect(after).toEqual(before);
      }),
      { numRuns: runs(200) },
    );
  }, TIMEOUT);

  it("the order of object members does not change the findings", () => {
    fc.assert(
      fc.property(arbitraryCase, arbitraryChooser(), ({ pipeline, context }, c) => {
        const before = findingMultiset(validate(pipeline, context));
        const after = findingMultiset(validate(permuteMembers(pipeline, c), context));
        expect(after).toEqual(before);
      }),
      { numRuns: runs(200) },
    );
  }, TIMEOUT);
});

/* ------------------------------------------------------------------------------------------ */
/* 6. Paths point into the document                                                             */
/* ------------------------------------------------------------------------------------------ */

const PATH_TOKEN = /\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\.?([^.[\]]+)/g;

/** True when every segment of the path but the last exists (the last may be a missing member). */
function parentExists(root: Json, path: string): boolean {
  if (path === "") return true;
  const tokens: Array<string | number> = [];
  for (const m of path.matchAll(PATH_TOKEN)) tokens.push(m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? (JSON.parse(`"${m[2]}"`) as string) : m[3]!);
  let current: Json = root;
  for (const token of tokens.slice(0, -1)) {
    if (current === null || typeof current !== "object" || !Object.prototype.hasOwnProperty.call(current, token)) return false;
    current = current[token];
  }
  return true;
}

describe("diagnostic paths", () => {
  it("point at the offending member: all segments but the last exist in the declaration", () => {
    fc.assert(
      fc.property(arbitraryCase, ({ pipeline, context }) => {
        // TAG001 is about the context's tags, not the declaration.
        const lost = validate(pipeline, context).filter((d) => d.code !== "TAG001" && !parentExists(pipeline, d.path));
        if (lost.length > 0) throw new Error(describeDiagnostics(lost));
      }),
      { numRuns: runs(300) },
    );
  }, TIMEOUT);
});

/* ------------------------------------------------------------------------------------------ */
/* 7. Pinned counterexamples (found by the properties above)                                   */
/* ------------------------------------------------------------------------------------------ */

describe("pinned counterexamples", () => {
  const codesFor = (doc: Json) => codeSet(validate(doc, TEST_CONTEXT));

  it("ACT003 alone: a Commands action without category keeps its command references (no VAR016 cascade)", () => {
    const doc = validPipeline();
    doc.stages[1].actions.push({
      name: "Run",
      actionTypeId: { owner: "AWS", provider: "Commands", version: "1" },
      runOrder: 2,
      commands: ["echo #{codepipeline.PipelineExecutionId}"],
      inputArtifacts: [{ name: "SourceOutput" }],
    });
    expect(codesFor(doc)).toEqual(["ACT003"]);
  });

  it("ACT004 alone: an unknown action type (CodeBuild under Deploy) fed a clone ref gets no ART008", () => {
    const doc = validPipeline();
    doc.stages[0].actions[0].configuration.OutputArtifactFormat = "CODEBUILD_CLONE_REF";
    expect(codesFor(doc)).toEqual([]);
    doc.stages[1].actions[0].actionTypeId.category = "Deploy";
    expect(codesFor(doc)).toEqual(["ACT004"]);
  });

  it("GEN006 alone: a wrong-case category on a triggered connection source gets no TRIG005", () => {
    const doc = validPipeline();
    doc.stages[0].actions[0] = {
      name: "Source",
      actionTypeId: { category: "Source", owner: "AWS", provider: "CodeStarSourceConnection", version: "1" },
      configuration: {
        ConnectionArn: `arn:aws:codestar-connections:us-east-1:${ACCOUNT}:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f`,
        FullRepositoryId: "acme/web-app",
        BranchName: "main",
      },
      outputArtifacts: [{ name: "SourceOutput" }],
      namespace: "SourceVariables",
    };
    doc.triggers = [{ providerType: "CodeStarSourceConnection", gitConfiguration: { sourceActionName: "Source", push: [{ branches: { includes: ["main"] } }] } }];
    expect(codesFor(doc)).toEqual([]);
    doc.stages[0].actions[0].actionTypeId.category = "source";
    expect(codesFor(doc)).toEqual(["GEN006"]);
  });

  // Regression (CFG005c): a BatchEnabled value that GEN001/GEN004 own gets no CFG005c as well.
  it("GEN001 alone: BatchEnabled written as the boolean true next to CombineArtifacts \"true\" gets no CFG005c", () => {
    const doc = validPipeline();
    Object.assign(doc.stages[1].actions[0].configuration, { BatchEnabled: "true", CombineArtifacts: "true" });
    expect(codesFor(doc)).toEqual([]);
    doc.stages[1].actions[0].configuration.BatchEnabled = true;
    expect(codesFor(doc)).toEqual(["GEN001"]);
    doc.stages[1].actions[0].configuration.BatchEnabled = "";
    expect(codesFor(doc)).toEqual(["GEN004"]);
  });

  // Regression (TRIG016 via glob.ts, found by the garbage soak): V8 refuses regexes past ~32k
  // characters; patterns over 255 are TRIG008's and are never compiled.
  it("TRIG016 never throws on a 40000-character branch pattern (TRIG008 reports it)", () => {
    const doc = validPipeline();
    doc.stages[0].actions[0] = {
      name: "Source",
      actionTypeId: { category: "Source", owner: "AWS", provider: "CodeStarSourceConnection", version: "1" },
      configuration: { ConnectionArn: `arn:aws:codestar-connections:us-east-1:${ACCOUNT}:connection/x`, FullRepositoryId: "acme/web-app", BranchName: "main" },
      outputArtifacts: [{ name: "SourceOutput" }],
      namespace: "SourceVariables",
    };
    doc.triggers = [{ providerType: "CodeStarSourceConnection", gitConfiguration: { sourceActionName: "Source", push: [{ branches: { includes: ["main"] } }] } }];
    expect(codesFor(doc)).toEqual([]);
    for (const pattern of ["x".repeat(40_000), "[a]".repeat(20_000)]) {
      // "Regular expression too large" / "Invalid regular expression: ... Stack overflow"
      doc.triggers[0].gitConfiguration.push[0].branches.excludes = [pattern];
      const codes = codesFor(doc);
      expect(codes).not.toContain(INTERNAL_ERROR);
      expect(codes).toContain("TRIG008");
    }
  });

  it("a rule input artifact breaking the name pattern is ART001's, not an error under the warning-level COND020", () => {
    const doc = validPipeline();
    doc.stages[2].onSuccess = {
      conditions: [
        {
          result: "FAIL",
          rules: [
            {
              name: "Check",
              ruleTypeId: { category: "Rule", owner: "AWS", provider: "CodeBuild", version: "1" },
              configuration: { ProjectName: "check" },
              inputArtifacts: [{ name: "BuildOutput" }],
            },
          ],
        },
      ],
    };
    expect(codesFor(doc)).toEqual([]);
    doc.stages[2].onSuccess.conditions[0].rules[0].inputArtifacts[0].name = "Build.Output";
    expect(codesFor(doc)).toEqual(["ART001"]);
  });
});
