/**
 * The API declaration → AWS::CodePipeline::Pipeline Properties, the inverse of to-declaration.ts.
 * When the pipeline came from a template, the original Properties guide the result: an unchanged
 * subtree is returned exactly as written (short/long forms, `false` vs `"false"`, key order), and a
 * changed one keeps the original key order, scalar types of unchanged leaves and the
 * CloudFormation-only properties.
 */
import { isUnresolvedReference } from "../../pipeline/unresolved-reference";
import type { ShapeName } from "../../pipeline/members";
import { isObject, own, setOwn, type JsonMap, type JsonValue } from "../../json";
import { childPointer } from "../pointer";
import { memberField, TAG_LIST, type Field } from "../shapes";
import type { FormatWarning } from "../types";
import { cfnEqual, isIntrinsic, type CfnObject, type CfnValue } from "./intrinsics";
import { cloudFormationKey, cloudFormationKeyRole, TAGS_PROPERTY } from "./names";
import { fromPlaceholder } from "./placeholder";
import { restoreScalar } from "./scalars";
import { anyToApi, toApi, type ConvertContext } from "./to-declaration";

export interface PropertiesInput {
  readonly declaration: JsonMap;
  /** API-shaped tags ([{key, value}]) to write as `Tags`; undefined writes none. */
  readonly tags: JsonValue | undefined;
  readonly logicalId: string;
  /** The resource's Properties as imported, if it came from a template. */
  readonly original?: CfnValue;
  /** The template had no Name: leave it out while the name still equals the logical id. */
  readonly nameAbsent?: boolean;
}

interface Context {
  readonly warnings: FormatWarning[];
}

export function declarationToProperties(input: PropertiesInput, warnings: FormatWarning[]): CfnObject {
  const ctx: Context = { warnings };
  const original = isObject(input.original) && !isIntrinsic(input.original) ? (input.original as CfnObject) : undefined;
  const extra = new Map<string, CfnValue>();
  if (input.tags !== undefined) extra.set(TAGS_PROPERTY, toCfn(input.tags, TAG_LIST, original?.[TAGS_PROPERTY], "/tags", ctx));
  const properties = shapeToCfn(input.declaration, "PipelineDeclaration", original, "", ctx, extra);
  if (input.nameAbsent === true && input.declaration["name"] === input.logicalId) {
    const { Name: _generated, ...rest } = properties;
    return rest;
  }
  return properties;
}

/** An API value where `field` is expected → the template value. */
function toCfn(value: JsonValue, field: Field, original: CfnValue | undefined, path: string, ctx: Context): CfnValue {
  if (original !== undefined && cfnEqual(toApi(original, field, path, quiet()), value)) return original;
  if (isUnresolvedReference(value)) return fromReference(value, path, ctx);
  switch (field.kind) {
    case "string":
    case "int":
      if (Array.isArray(value) || isObject(value)) break;
      return restoreScalar(field.kind, original, value);
    case "config":
      if (!isObject(value)) break;
      return objectToCfn(value, asObject(original), (k, v, o) => toCfn(v, { kind: "string" }, o, childPointer(path, k), ctx));
    case "storeMap":
      return storesToCfn(value, original, path, ctx);
    case "list": {
      if (!Array.isArray(value)) break;
      const olds = Array.isArray(original) ? original : [];
      return value.map((item, i) => toCfn(item, field.of, alignedOriginal(olds, item, i, field.of), childPointer(path, i), ctx));
    }
    case "shape":
      if (!isObject(value)) break;
      return shapeToCfn(value, field.shape, asObject(original), path, ctx);
  }
  return anyToCfn(value, original, path, ctx);
}

function shapeToCfn(
  value: JsonMap,
  shape: ShapeName,
  original: CfnObject | undefined,
  path: string,
  ctx: Context,
  extra = new Map<string, CfnValue>(),
): CfnObject {
  const out = new Map<string, CfnValue>();
  for (const [key, v] of Object.entries(value)) {
    const cfnKey = cloudFormationKey(shape, key);
    const childPath = childPointer(path, key);
    if (shape === "PipelineDeclaration" && key === "version" && (original === undefined || !Object.hasOwn(original, "Version"))) {
      ctx.warnings.push({
        code: "dropped",
        message: "version is assigned by CodePipeline and has no AWS::CodePipeline::Pipeline property; it is left out of the template",
        path: childPath,
      });
      continue;
    }
    if (out.has(cfnKey)) {
      ctx.warnings.push({ code: "dropped", message: `${key} would be written as ${cfnKey}, which another member already is; it is left out`, path: childPath });
      continue;
    }
    const field = memberField(shape, key);
    const old = original === undefined ? undefined : own(original, cfnKey);
    out.set(cfnKey, field === undefined ? anyToCfn(v, old, childPath, ctx) : toCfn(v, field, old, childPath, ctx));
  }
  // Properties the declaration cannot hold come back from the template as they were.
  for (const [key, v] of Object.entries(original ?? {})) {
    if (!out.has(key) && !extra.has(key) && key !== TAGS_PROPERTY && cloudFormationKeyRole(shape, key).role === "template-only") {
      out.set(key, v);
    }
  }
  for (const [key, v] of extra) if (!out.has(key)) out.set(key, v);
  return ordered(out, original, shape === "PipelineDeclaration" ? ["Name"] : []);
}

/** `ArtifactStores` list from the API's map, matching original entries by region. */
function storesToCfn(value: JsonValue, original: CfnValue | undefined, path: string, ctx: Context): CfnValue {
  if (!isObject(value)) return anyToCfn(value, original, path, ctx);
  const olds = (Array.isArray(original) ? original : []).filter((e): e is CfnObject => isObject(e) && !isIntrinsic(e));
  const regionOf = (entry: CfnObject) => toApi(entry["Region"] ?? null, { kind: "string" }, "", quiet());
  return Object.entries(value).map(([region, store]) => {
    const old = olds.find((e) => regionOf(e) === region);
    const entry = new Map<string, CfnValue>([
      ["Region", toCfn(region, { kind: "string" }, old?.["Region"], childPointer(path, region), ctx)],
      ["ArtifactStore", toCfn(store, { kind: "shape", shape: "ArtifactStore" }, old?.["ArtifactStore"], childPointer(path, region), ctx)],
    ]);
    return ordered(entry, old, []);
  });
}

/** Values outside the model (unknown members): keys as they are, placeholders back to intrinsics. */
function anyToCfn(value: JsonValue, original: CfnValue | undefined, path: string, ctx: Context): CfnValue {
  if (original !== undefined && cfnEqual(anyToApi(original, path, quiet()), value)) return original;
  if (isUnresolvedReference(value)) return fromReference(value, path, ctx);
  if (Array.isArray(value)) {
    const olds = Array.isArray(original) ? original : [];
    return value.map((item, i) => anyToCfn(item, olds[i], childPointer(path, i), ctx));
  }
  if (isObject(value)) return objectToCfn(value, asObject(original), (k, v, o) => anyToCfn(v, o, childPointer(path, k), ctx));
  return value;
}

function objectToCfn(
  value: JsonMap,
  original: CfnObject | undefined,
  convert: (key: string, value: JsonValue, original: CfnValue | undefined) => CfnValue,
): CfnObject {
  const out = new Map<string, CfnValue>();
  for (const [k, v] of Object.entries(value)) out.set(k, convert(k, v, original === undefined ? undefined : own(original, k)));
  return ordered(out, original, []);
}

/** The intrinsic a placeholder stands for; the text itself (with a warning) if it is not readable. */
function fromReference(value: string, path: string, ctx: Context): CfnValue {
  const intrinsic = fromPlaceholder(value);
  if (intrinsic !== undefined) return intrinsic;
  ctx.warnings.push({
    code: "not-converted",
    message: `${path || "/"} looks like an unresolved reference (${value}) but is not a readable intrinsic; it is written as a string`,
    path,
  });
  return value;
}

/** The original list item that `item` replaces: same index when names agree, else same name. */
function alignedOriginal(olds: CfnValue[], item: JsonValue, index: number, of: Field): CfnValue | undefined {
  const named = of.kind === "shape" && memberField(of.shape, "name") !== undefined && isObject(item) && typeof item["name"] === "string";
  if (!named) return olds[index];
  const nameOf = (old: CfnValue | undefined) => (isObject(old) && !isIntrinsic(old) ? toApi((old as CfnObject)["Name"] ?? null, { kind: "string" }, "", quiet()) : undefined);
  if (nameOf(olds[index]) === item["name"]) return olds[index];
  return olds.find((old) => nameOf(old) === item["name"]) ?? olds[index];
}

/**
 * Keys in the original's order, then new ones in the order given; `first` keys that the original
 * lacked go in front (a Name added to a template that had none).
 */
function ordered(values: Map<string, CfnValue>, original: CfnObject | undefined, first: readonly string[]): CfnObject {
  const out: CfnObject = {};
  const originalKeys = original === undefined ? [] : Object.keys(original);
  const added = original === undefined ? [] : first.filter((k) => values.has(k) && !originalKeys.includes(k));
  const keys = [...added, ...originalKeys.filter((k) => values.has(k))];
  for (const k of values.keys()) if (!keys.includes(k)) keys.push(k);
  for (const k of keys) setOwn(out, k, values.get(k)!);
  return out;
}

function asObject(value: CfnValue | undefined): CfnObject | undefined {
  return isObject(value) && !isIntrinsic(value) ? (value as CfnObject) : undefined;
}

/** A conversion context whose warnings nobody reads (comparisons only). */
function quiet(): ConvertContext {
  return { warnings: [] };
}
