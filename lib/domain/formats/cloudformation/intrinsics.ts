/**
 * CloudFormation intrinsic functions as the importers hold them. Short forms (`!Ref X`) come out
 * of the YAML parser as `ShortForm` instances so that export can write the same tag again; long
 * forms (`{"Ref": "X"}`, `{"Fn::Join": [...]}`) are plain one-key objects and stay that way.
 */
import { isObject, type JsonPrimitive } from "../../json";

/** A parsed template value: JSON plus short-form intrinsics. */
export type CfnValue = JsonPrimitive | CfnValue[] | CfnObject | ShortForm;
export interface CfnObject {
  [key: string]: CfnValue;
}

/** A short-form intrinsic: `!GetAtt A.B` is `new ShortForm("GetAtt", "A.B")`. */
export class ShortForm {
  constructor(
    /** The tag without `!`: `Ref`, `GetAtt`, `Join`, ... */
    readonly fn: string,
    /** The argument exactly as written: scalar, list or mapping. */
    readonly value: CfnValue,
  ) {}
}

/**
 * Short-form tags CloudFormation accepts (user guide "Intrinsic function reference", plus the
 * AWS::LanguageExtensions transform's ToJsonString/Length/ForEach and Fn::Transform's `!Transform`).
 */
export const SHORT_FORM_FUNCTIONS = [
  "Ref", "Sub", "GetAtt", "Join", "Select", "If", "ImportValue", "FindInMap", "Split", "Base64",
  "GetAZs", "Cidr", "Equals", "Not", "And", "Or", "Condition", "Transform", "ToJsonString", "Length",
  "ForEach",
] as const;

/** The long-form key of a short-form function: `Ref` and `Condition` have no `Fn::` prefix. */
export function longFormKey(fn: string): string {
  return fn === "Ref" || fn === "Condition" ? fn : `Fn::${fn}`;
}

function isLongFormKey(key: string): boolean {
  return key === "Ref" || key === "Condition" || key.startsWith("Fn::");
}

/** `{"Fn::Join": [...]}`, `{"Ref": "X"}`: an object with one key that names an intrinsic. */
export function isLongForm(value: unknown): value is CfnObject {
  if (!isObject(value) || value instanceof ShortForm) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && isLongFormKey(keys[0]!);
}

export function isIntrinsic(value: unknown): value is ShortForm | CfnObject {
  return value instanceof ShortForm || isLongForm(value);
}

/** The function name of an intrinsic, for messages: `!GetAtt`, `Fn::GetAtt`. */
export function intrinsicName(value: ShortForm | CfnObject): string {
  return value instanceof ShortForm ? `!${value.fn}` : Object.keys(value)[0]!;
}

/**
 * The same value with every short form replaced by its long form, for JSON output (JSON has no
 * tags). `!GetAtt A.B.C` becomes `{"Fn::GetAtt": ["A", "B.C"]}` as CloudFormation reads it.
 */
export function toLongForms(value: CfnValue): CfnValue {
  if (value instanceof ShortForm) {
    let arg = toLongForms(value.value);
    if (value.fn === "GetAtt" && typeof arg === "string" && arg.includes(".")) {
      const dot = arg.indexOf(".");
      arg = [arg.slice(0, dot), arg.slice(dot + 1)];
    }
    const out: CfnObject = {};
    Object.defineProperty(out, longFormKey(value.fn), { value: arg, enumerable: true, writable: true, configurable: true });
    return out;
  }
  if (Array.isArray(value)) return value.map(toLongForms);
  if (isObject(value)) {
    const out: CfnObject = {};
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, k, { value: toLongForms(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/** Structural equality of template values, including key order and short vs long form. */
export function cfnEqual(a: CfnValue, b: CfnValue): boolean {
  if (a instanceof ShortForm || b instanceof ShortForm) {
    return a instanceof ShortForm && b instanceof ShortForm && a.fn === b.fn && cfnEqual(a.value, b.value);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => cfnEqual(v, b[i]!));
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && cfnEqual(a[k]!, b[k]!));
  }
  // NaN (YAML `.nan`) equals itself here; -0 and 0 are the same document value.
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}
