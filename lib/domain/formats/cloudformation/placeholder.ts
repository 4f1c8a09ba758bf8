/**
 * Intrinsic ↔ placeholder string (format described in pipeline/unresolved-reference.ts). Both
 * directions go through the `yaml` library with the CloudFormation tags, so the text is exact:
 * `fromPlaceholder(toPlaceholder(x))` equals `x`, including nested functions and short vs long form.
 */
import { isMap, isScalar, isSeq, parseDocument } from "yaml";
import {
  isUnresolvedReference,
  UNRESOLVED_REFERENCE_PREFIX,
  UNRESOLVED_REFERENCE_SUFFIX,
  unresolvedReferenceBody,
} from "../../pipeline/unresolved-reference";
import { isIntrinsic, type CfnObject, type CfnValue, type ShortForm } from "./intrinsics";
import { nodeToValue, YAML_OPTIONS } from "./parse-yaml";
import { flowText } from "./yaml-nodes";

/** Parsed intrinsics are immutable, and export compares subtrees repeatedly: render each once. */
const rendered = new WeakMap<object, string>();

export function toPlaceholder(intrinsic: ShortForm | CfnObject): string {
  let text = rendered.get(intrinsic);
  if (text === undefined) {
    text = render(intrinsic);
    rendered.set(intrinsic, text);
  }
  return text;
}

function render(intrinsic: ShortForm | CfnObject): string {
  const text = flowText(intrinsic);
  // The marker's `!` doubles as the short form's tag character.
  const body = text.startsWith("!") ? text.slice(1) : text;
  return UNRESOLVED_REFERENCE_PREFIX + body + UNRESOLVED_REFERENCE_SUFFIX;
}

/** The intrinsic a placeholder stands for; undefined when the text is not one we can read. */
export function fromPlaceholder(value: string): ShortForm | CfnObject | undefined {
  if (!isUnresolvedReference(value)) return undefined;
  const body = unresolvedReferenceBody(value);
  const doc = parseDocument(body.startsWith("{") ? body : `!${body}`, YAML_OPTIONS);
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  const root = doc.contents;
  if (!isScalar(root) && !isSeq(root) && !isMap(root)) return undefined;
  let parsed: CfnValue;
  try {
    parsed = nodeToValue(doc, root);
  } catch {
    return undefined;
  }
  return isIntrinsic(parsed) ? parsed : undefined;
}
