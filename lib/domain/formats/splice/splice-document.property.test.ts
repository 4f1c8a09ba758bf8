/**
 * The reprinter on arbitrary documents and on the fixture corpus: a document edited (members
 * added, removed, changed, reordered) is written back by splicing (never by the fallback) and
 * reads back as exactly the edited value; unedited, it is the same text.
 */
/// <reference types="vite/client" />
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isObject, setOwn, type JsonMap } from "../../json";
import { ShortForm, type CfnObject, type CfnValue } from "../cloudformation/intrinsics";
import { newDocument, YAML_STRINGIFY_OPTIONS } from "../cloudformation/yaml-nodes";
import { FormatError } from "../errors";
import { parseText, sourceTextOf } from "../parse-text";
import { sameValue } from "./reprint";
import { spliceDocument } from "./splice-document";

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 150) };

const documentArb: fc.Arbitrary<JsonMap> = fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 4 }), {
  minKeys: 1,
  maxKeys: 6,
}) as fc.Arbitrary<JsonMap>;

const corpus = import.meta.glob<string>("../../../../tests/fixtures/pipelines/*.{json,yaml,yml}", { query: "?raw", import: "default", eager: true });

function copy(value: CfnValue): CfnValue {
  if (value instanceof ShortForm) return new ShortForm(value.fn, copy(value.value));
  if (Array.isArray(value)) return value.map(copy);
  if (isObject(value)) {
    const out: CfnObject = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, copy(v as CfnValue));
    return out;
  }
  return value;
}

/** Applies one edit per seed to a copy of `value`, on a collection chosen by the seed. */
function edited(value: CfnObject, seeds: readonly number[]): CfnObject {
  const root = copy(value) as CfnObject;
  for (const seed of seeds) {
    const collections: (CfnObject | CfnValue[])[] = [];
    const walk = (v: CfnValue) => {
      if (Array.isArray(v)) {
        collections.push(v);
        v.forEach(walk);
      } else if (isObject(v) && !(v instanceof ShortForm)) {
        collections.push(v as CfnObject);
        Object.values(v).forEach((x) => walk(x as CfnValue));
      }
    };
    walk(root);
    const target = collections[seed % collections.length]!;
    const op = Math.floor(seed / 7) % 4;
    if (Array.isArray(target)) {
      if (op === 0 || target.length === 0) target.splice(seed % (target.length + 1), 0, { added: seed });
      else if (op === 1 && target.length > 1) target.splice(seed % target.length, 1);
      else if (op === 2) target[seed % target.length] = `changed ${seed}`;
      else target.reverse();
    } else {
      const keys = Object.keys(target);
      if (op === 0 || keys.length === 0) setOwn(target, `new${seed}`, [seed, "x"]);
      else if (op === 1 && keys.length > 1) delete target[keys[seed % keys.length]!];
      else if (op === 2) setOwn(target, keys[seed % keys.length]!, seed % 2 === 0 ? `changed ${seed}` : { nested: seed });
      else {
        const entries = Object.entries(target).reverse();
        for (const k of keys) delete target[k];
        for (const [k, v] of entries) setOwn(target, k, v);
      }
    }
  }
  return root;
}

const seedsArb = fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 4 });

const texts = {
  yaml: (v: JsonMap) => newDocument(v).toString(YAML_STRINGIFY_OPTIONS),
  json: (v: JsonMap) => `${JSON.stringify(v, null, 2)}\n`,
};

describe("splicing arbitrary documents", { timeout: 120_000 }, () => {
  for (const syntax of ["yaml", "json"] as const) {
    it(`${syntax}: edits are written into the text and read back exactly`, () => {
      fc.assert(
        fc.property(documentArb, seedsArb, (original, seeds) => {
          const text = texts[syntax](original);
          const parsed = parseText(text);
          if (parsed instanceof FormatError) throw parsed;
          // `" ": null` is YAML and also JSON members without braces, which JSON reading prefers.
          fc.pre(parsed.syntax === syntax);
          const source = sourceTextOf(parsed);
          expect(spliceDocument(source, parsed.value)).toBe(text);
          const next = edited(original, seeds);
          const out = spliceDocument(source, next);
          expect(out, `${text}\n→ ${JSON.stringify(next)}`).toBeDefined();
          const back = parseText(out!);
          if (back instanceof FormatError) throw back;
          expect(sameValue(back.value, next)).toBe(true);
        }),
        RUNS,
      );
    });
  }

  it("the corpus: edits anywhere in real templates and API documents", () => {
    const names = Object.keys(corpus);
    fc.assert(
      fc.property(fc.constantFrom(...names), seedsArb, (name, seeds) => {
        const parsed = parseText(corpus[name]!, name);
        if (parsed instanceof FormatError) throw parsed;
        const next = edited(parsed.value as CfnObject, seeds);
        const out = spliceDocument(sourceTextOf(parsed), next);
        expect(out, `${name} → ${seeds.join(",")}`).toBeDefined();
        const back = parseText(out!, name);
        if (back instanceof FormatError) throw back;
        expect(sameValue(back.value, next)).toBe(true);
      }),
      RUNS,
    );
  });
});
