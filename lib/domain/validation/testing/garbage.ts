/**
 * `arbitraryJson()` / `arbitraryPipelineGarbage()`: random JSON, and valid pipelines with random
 * subtrees replaced by values of other types, prototype-ish keys, huge strings, deep nesting.
 */
import fc from "fast-check";
import { type GenOptions, PROTOTYPE_NAMES } from "./generator-options";
import { arbitraryValidPipeline } from "./generator";
import { type Json, locations } from "./edits";
import { MEMBERS } from "../../pipeline/members";
import { fromEntries } from "../../json";

const MEMBER_NAMES: readonly string[] = [...new Set(Object.values(MEMBERS).flat())];
const TRICKY_KEYS = [...PROTOTYPE_NAMES, "__defineGetter__", "isPrototypeOf", "length", "0", "", " ", "us-east-1", "${!Ref Region}"];

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
        arbitrary: fc.array(fc.tuple(key, tie("value")), { maxLength: 6 }).map((entries) => fromEntries(entries)),
      },
    ),
  }));
  return fc.oneof({ weight: 8, arbitrary: value }, { weight: 1, arbitrary: deepValue() });
}

/** A very deep chain of objects or arrays (depth up to 1000). */
function deepValue(): fc.Arbitrary<unknown> {
  return fc.tuple(fc.integer({ min: 50, max: 1000 }), fc.boolean(), fc.constantFrom(...MEMBER_NAMES)).map(([depth, arrays, k]) => {
    let v: unknown = "leaf";
    for (let i = 0; i < depth; i++) v = arrays ? [v] : fromEntries([[k, v]]);
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

function otherType(value: unknown, pick: number): unknown {
  const options: unknown[] =
    typeof value === "string"
      ? [42, null, [value], { value }, true, ""]
      : Array.isArray(value)
        ? [{ ...value }, "list", null, 0, [[]], [null]]
        : value !== null && typeof value === "object"
          ? [[value], "object", null, 7, [], fromEntries([["__proto__", value]])]
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
