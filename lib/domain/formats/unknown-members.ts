/**
 * Warnings for members the model does not define (a typo, a newer API field, a CloudFormation
 * key in an API document). They stay in the declaration and in every export; the warning only
 * tells the user they are there.
 */
import { MEMBERS, type ShapeName } from "../pipeline/members";
import { isUnresolvedReference } from "../pipeline/unresolved-reference";
import { isObject, type JsonValue } from "../json";
import { childPointer } from "./pointer";
import { FIELDS, type Field } from "./shapes";
import type { FormatWarning } from "./types";

export function unknownMemberWarnings(value: JsonValue, field: Field, path = ""): FormatWarning[] {
  const warnings: FormatWarning[] = [];
  const walk = (v: JsonValue, f: Field, p: string): void => {
    if (isUnresolvedReference(v)) return;
    if (f.kind === "list" && Array.isArray(v)) v.forEach((item, i) => walk(item, f.of, childPointer(p, i)));
    else if (f.kind === "storeMap" && isObject(v)) {
      for (const [region, store] of Object.entries(v)) walk(store, { kind: "shape", shape: "ArtifactStore" }, childPointer(p, region));
    } else if (f.kind === "shape" && isObject(v)) {
      const members: readonly string[] = MEMBERS[f.shape];
      for (const [key, child] of Object.entries(v)) {
        if (members.includes(key)) walk(child, (FIELDS[f.shape] as Record<string, Field>)[key]!, childPointer(p, key));
        else warnings.push(unknown(f.shape, key, childPointer(p, key)));
      }
    }
  };
  walk(value, field, path);
  return warnings;
}

function unknown(shape: ShapeName, key: string, path: string): FormatWarning {
  return {
    code: "unknown-member",
    message: `${key} is not a member of ${shape} in the CodePipeline model; it is kept as written`,
    path,
  };
}
