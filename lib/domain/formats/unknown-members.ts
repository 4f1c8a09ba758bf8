/**
 * Warnings for members the model does not define (a typo, a newer API field, a CloudFormation
 * key in an API document). They stay in the declaration and in every export; the warning only
 * tells the user they are there.
 */
import type { ShapeName } from "../pipeline/members";
import { isUnresolvedReference } from "../pipeline/unresolved-reference";
import { isObject, type JsonValue } from "../json";
import { childPointer } from "./pointer";
import { FIELDS, type Field } from "./shapes";
import type { FormatWarning } from "./types";

// Prototype-less member tables, so that a key such as "constructor" is never taken for a member.
type FieldTable = Readonly<Record<string, Field | undefined>>;
const TABLES = {} as Record<ShapeName, FieldTable>;
for (const name of Object.keys(FIELDS) as ShapeName[]) {
  TABLES[name] = Object.assign(Object.create(null) as Record<string, Field>, FIELDS[name]);
}
const ARTIFACT_STORE: Field = { kind: "shape", shape: "ArtifactStore" };

/**
 * Walks every member the model knows. The path is a stack of keys turned into a pointer only
 * for a warning, so a declaration without unknown members (the usual case, imported on every
 * CLI run) builds no strings.
 */
export function unknownMemberWarnings(value: JsonValue, field: Field, path = ""): FormatWarning[] {
  const warnings: FormatWarning[] = [];
  const keys: (string | number)[] = [];
  const pointer = (key: string): string => childPointer(keys.reduce<string>(childPointer, path), key);
  const walk = (v: JsonValue, f: Field): void => {
    if (isUnresolvedReference(v)) return;
    if (f.kind === "list" && Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        keys.push(i);
        walk(v[i]!, f.of);
        keys.pop();
      }
    } else if (f.kind === "storeMap" && isObject(v)) {
      for (const region in v) {
        if (!Object.hasOwn(v, region)) continue;
        keys.push(region);
        walk(v[region] as JsonValue, ARTIFACT_STORE);
        keys.pop();
      }
    } else if (f.kind === "shape" && isObject(v)) {
      const table = TABLES[f.shape];
      for (const key in v) {
        if (!Object.hasOwn(v, key)) continue;
        const member = table[key];
        if (member === undefined) warnings.push(unknown(f.shape, key, pointer(key)));
        else {
          keys.push(key);
          walk(v[key] as JsonValue, member);
          keys.pop();
        }
      }
    }
  };
  walk(value, field);
  return warnings;
}

function unknown(shape: ShapeName, key: string, path: string): FormatWarning {
  return {
    code: "unknown-member",
    message: `${key} is not a member of ${shape} in the CodePipeline model; it is kept as written`,
    path,
  };
}
