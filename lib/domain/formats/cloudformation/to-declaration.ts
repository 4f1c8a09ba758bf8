/**
 * AWS::CodePipeline::Pipeline Properties → the API declaration. Known members are renamed
 * (PascalCase → camelCase) and their scalars converted to the API's types; configuration keys are
 * not renamed; intrinsics become placeholder strings with a warning; everything else is kept as
 * written (the validator, not the importer, decides what is wrong).
 */
import type { ShapeName } from "../../pipeline/members";
import type { SourcePosition } from "../errors";
import { isObject, setOwn, type JsonMap, type JsonValue } from "../../json";
import { childPointer } from "../pointer";
import { FIELDS, PIPELINE, TAG_LIST, type Field } from "../shapes";
import type { FormatWarning } from "../types";
import { intrinsicName, isIntrinsic, ShortForm, type CfnObject, type CfnValue } from "./intrinsics";
import { cloudFormationKeyRole, TAGS_PROPERTY } from "./names";
import { toPlaceholder } from "./placeholder";
import { apiScalar } from "./scalars";

export interface ConvertContext {
  readonly warnings: FormatWarning[];
  readonly positions?: WeakMap<object, SourcePosition>;
}

export interface ConvertedProperties {
  readonly declaration: JsonMap;
  readonly tags: JsonValue | undefined;
  readonly nameAbsent: boolean;
}

export function propertiesToDeclaration(properties: CfnObject, logicalId: string, ctx: ConvertContext): ConvertedProperties {
  const declaration = toApi(properties, PIPELINE, "", ctx) as JsonMap;
  const tags = Object.hasOwn(properties, TAGS_PROPERTY) ? toApi(properties[TAGS_PROPERTY]!, TAG_LIST, "/tags", ctx) : undefined;
  const nameAbsent = !Object.hasOwn(properties, "Name");
  if (nameAbsent) {
    const named: JsonMap = {};
    setOwn(named, "name", logicalId);
    for (const [k, v] of Object.entries(declaration)) setOwn(named, k, v);
    ctx.warnings.push({
      code: "generated-name",
      message: `the template sets no Name, so CloudFormation generates one; the logical id "${logicalId}" stands in for it (export leaves Name out unless you change it)`,
      path: "/name",
    });
    return { declaration: named, tags, nameAbsent };
  }
  return { declaration, tags, nameAbsent };
}

/** A template value where `field` is expected → the API value. */
export function toApi(value: CfnValue, field: Field, path: string, ctx: ConvertContext): JsonValue {
  if (isIntrinsic(value)) return placeholder(value, path, ctx);
  switch (field.kind) {
    case "string":
    case "int":
      return anyToApi(apiScalar(field.kind, value), path, ctx);
    case "config":
      if (!isObject(value)) break;
      return mapObject(value as CfnObject, (k, v) => [k, toApi(v, { kind: "string" }, childPointer(path, k), ctx)]);
    case "storeMap":
      return storesToApi(value, path, ctx);
    case "list":
      if (!Array.isArray(value)) break;
      return value.map((item, i) => toApi(item, field.of, childPointer(path, i), ctx));
    case "shape":
      if (!isObject(value)) break;
      return shapeToApi(value as CfnObject, field.shape, path, ctx);
  }
  return anyToApi(value, path, ctx);
}

function shapeToApi(value: CfnObject, shape: ShapeName, path: string, ctx: ConvertContext): JsonMap {
  const out: JsonMap = {};
  for (const [key, v] of Object.entries(value)) {
    const role = cloudFormationKeyRole(shape, key);
    if (role.role === "member") {
      const field = (FIELDS[shape] as Record<string, Field>)[role.member]!;
      setOwn(out, role.member, toApi(v, field, childPointer(path, role.member), ctx));
    } else if (role.role === "unknown") {
      setOwn(out, key, anyToApi(v, childPointer(path, key), ctx));
    } else if (!(shape === "PipelineDeclaration" && key === TAGS_PROPERTY)) {
      ctx.warnings.push({
        code: "cloudformation-only",
        message: `${key} is not part of the pipeline declaration; it is kept for CloudFormation export only`,
        path: childPointer(path, key),
        ...at(value, ctx),
      });
    }
  }
  return out;
}

/**
 * CloudFormation `ArtifactStores: [{Region, ArtifactStore}]` → the API's map keyed by region.
 * A list that cannot be a map without losing something (a missing or repeated Region, an extra
 * key) is kept as written, with a warning; the validator reports it.
 */
function storesToApi(value: CfnValue, path: string, ctx: ConvertContext): JsonValue {
  if (!Array.isArray(value)) return anyToApi(value, path, ctx);
  const out: JsonMap = {};
  const convertible = value.every((entry) => {
    if (!isObject(entry) || entry instanceof ShortForm || isIntrinsic(entry)) return false;
    const keys = Object.keys(entry).sort().join(",");
    if (keys !== "ArtifactStore,Region") return false;
    const region = entry["Region"]!;
    const key = isIntrinsic(region) ? toPlaceholder(region) : apiScalar("string", region);
    if (typeof key !== "string" || Object.hasOwn(out, key)) return false;
    setOwn(out, key, null);
    return true;
  });
  if (!convertible) {
    ctx.warnings.push({
      code: "not-converted",
      message: "ArtifactStores is not a list of {Region, ArtifactStore} with distinct regions, so it cannot become the API's artifactStores map; it is kept as written",
      path,
      ...at(value, ctx),
    });
    return anyToApi(value, path, ctx);
  }
  const stores: JsonMap = {};
  for (const entry of value as CfnObject[]) {
    const region = entry["Region"]!;
    const key = isIntrinsic(region) ? placeholder(region, childPointer(path, "(region)"), ctx) : (apiScalar("string", region) as string);
    setOwn(stores, key, toApi(entry["ArtifactStore"]!, { kind: "shape", shape: "ArtifactStore" }, childPointer(path, key), ctx));
  }
  return stores;
}

/** Any value: keys as written, intrinsics as placeholders. */
export function anyToApi(value: CfnValue, path: string, ctx: ConvertContext): JsonValue {
  if (isIntrinsic(value)) return placeholder(value, path, ctx);
  if (Array.isArray(value)) return value.map((item, i) => anyToApi(item, childPointer(path, i), ctx));
  if (isObject(value)) return mapObject(value as CfnObject, (k, v) => [k, anyToApi(v, childPointer(path, k), ctx)]);
  return value as JsonValue;
}

function placeholder(value: ShortForm | CfnObject, path: string, ctx: ConvertContext): string {
  const text = toPlaceholder(value);
  ctx.warnings.push({
    code: "unresolved-reference",
    message: `${path || "/"} is the CloudFormation intrinsic ${intrinsicName(value)}, resolved only on deploy; it is kept as ${text}`,
    path,
    ...at(value, ctx),
  });
  return text;
}

function mapObject(value: CfnObject, f: (key: string, value: CfnValue) => [string, JsonValue]): JsonMap {
  const out: JsonMap = {};
  for (const [k, v] of Object.entries(value)) {
    const [key, converted] = f(k, v);
    setOwn(out, key, converted);
  }
  return out;
}

function at(value: CfnValue, ctx: ConvertContext): { position?: SourcePosition } {
  const position = typeof value === "object" && value !== null ? ctx.positions?.get(value) : undefined;
  return position === undefined ? {} : { position };
}
