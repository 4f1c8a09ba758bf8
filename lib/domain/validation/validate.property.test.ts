/**
 * Property-based tests of the validation engine as a whole (fast-check):
 *
 * 1. totality: `validate` never throws and never reports PW000 on random JSON or on
 *    pipeline-shaped garbage;
 * 2. generated valid pipelines (testing/generator.ts) give no diagnostics at all;
 * 3. determinism, and the input is never mutated;
 * 4. order independence (actions within a runOrder group, object member order);
 * 5. diagnostic paths point into the declaration;
 * 6. pinned counterexamples the properties found.
 *
 * Single-rule breakages (each mutation of a valid pipeline reports exactly its code) are in
 * breakages.property.test.ts. PW_PROPERTY_SCALE=10 multiplies every numRuns for a long local soak.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromEntries } from "../json";
import type { ValidationContext } from "./context";
import type { Diagnostic } from "./diagnostic";
import { parsePath } from "./path";
import { arbitraryChooser, type Chooser } from "./testing/chooser";
import { clone, deepFreeze, type Json, runOrderOf } from "./testing/edits";
import { TEST_CONTEXT, validPipeline } from "./testing/fixtures";
import { arbitraryJson, arbitraryPipelineGarbage } from "./testing/garbage";
import { arbitraryValidPipeline } from "./testing/generator";
import { ACCOUNT } from "./testing/generator-options";
import { MUTATIONS } from "./testing/mutations";
import { applyMutation } from "./testing/mutations/mutation";
import { collectSites } from "./testing/mutations/sites";
import { codeSet, describeDiagnostics, runs, TIMEOUT } from "./testing/properties";
import { INTERNAL_ERROR, validate } from "./validate";

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
/* 3. Determinism and purity                                                                    */
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
/* 4. Order independence                                                                        */
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
/* 5. Paths point into the document                                                             */
/* ------------------------------------------------------------------------------------------ */

/** True when every segment of the path but the last exists (the last may be a missing member). */
function parentExists(root: Json, path: string): boolean {
  let current: Json = root;
  for (const segment of parsePath(path).slice(0, -1)) {
    if (current === null || typeof current !== "object" || !Object.prototype.hasOwnProperty.call(current, segment)) return false;
    current = current[segment];
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
/* 6. Pinned counterexamples (found by the properties above)                                   */
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
