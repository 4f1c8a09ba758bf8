/**
 * AWS member order (members.ts) for exported documents: known members first in the service
 * model's order, then unknown members in the order they had. Configuration maps, artifactStores
 * regions and unknown members' contents keep their own order (they have no model order).
 */
import { MEMBERS, type ShapeName } from "../pipeline/members";
import { isObject, setOwn, type JsonMap, type JsonValue } from "../json";
import { FIELDS, type Field } from "./shapes";

export function orderKeys(value: JsonValue, field: Field): JsonValue {
  switch (field.kind) {
    case "list":
      return Array.isArray(value) ? value.map((item) => orderKeys(item, field.of)) : value;
    case "storeMap":
      return isObject(value) ? mapValues(value, (v) => orderKeys(v, { kind: "shape", shape: "ArtifactStore" })) : value;
    case "shape":
      return isObject(value) ? orderShape(value, field.shape) : value;
    default:
      return value;
  }
}

/** `object`'s keys in `order` first (those present), then the rest as they were. */
export function orderedObject(object: JsonMap, order: readonly string[]): JsonMap {
  const out: JsonMap = {};
  for (const key of order) if (Object.hasOwn(object, key)) setOwn(out, key, object[key]!);
  for (const [key, v] of Object.entries(object)) if (!order.includes(key)) setOwn(out, key, v);
  return out;
}

function orderShape(value: JsonMap, shape: ShapeName): JsonMap {
  const members: readonly string[] = MEMBERS[shape];
  const fields = FIELDS[shape] as Record<string, Field>;
  const ordered = orderedObject(value, members);
  return mapValues(ordered, (v, k) => (members.includes(k) ? orderKeys(v, fields[k]!) : v));
}

function mapValues(object: JsonMap, f: (value: JsonValue, key: string) => JsonValue): JsonMap {
  const out: JsonMap = {};
  for (const [k, v] of Object.entries(object)) setOwn(out, k, f(v, k));
  return out;
}
