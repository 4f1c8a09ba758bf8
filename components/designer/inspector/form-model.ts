/**
 * The inspector's configuration form, derived from the provider catalog: one field per catalog
 * key (in catalog order) plus one per unknown key present in the configuration. Pure, so the
 * mapping from catalog metadata to widgets is tested without a DOM.
 */
import type { ConfigurationKey, ProviderEntry } from "@/lib/domain/catalog/catalog";

/** `multi`: several allowed values joined by a separator (CloudFormation Capabilities). */
export type FieldKind = "text" | "select" | "boolean" | "json" | "secret" | "multi";

export interface ConfigField {
  readonly key: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly description: string;
  /** For `select`: the catalog's allowed values. `boolean` always offers "true"/"false". */
  readonly options: readonly string[];
  /** Values are a list joined by this separator (CloudFormation Capabilities: ","). */
  readonly separator?: string;
  /** In the configuration but not in the catalog: shown with a remove button. */
  readonly unknown: boolean;
  readonly conditionalRequired?: string;
}

/**
 * Keys whose value is a JSON document stored as a string. The catalog describes them in words
 * only, so they are listed here by provider (category/owner/provider/key).
 */
const JSON_KEYS: ReadonlySet<string> = new Set([
  "Build/AWS/CodeBuild/EnvironmentVariables",
  "Test/AWS/CodeBuild/EnvironmentVariables",
  "Rule/AWS/CodeBuild/EnvironmentVariables",
  "Deploy/AWS/CloudFormation/ParameterOverrides",
  "Deploy/AWS/CloudFormationStackInstances/ParameterOverrides",
  "Invoke/AWS/CodePipeline/Variables",
  "Invoke/AWS/CodePipeline/SourceRevisions",
  "Invoke/AWS/StepFunctions/Input",
]);

/**
 * True when the key's value is a JSON document. StepFunctions `Input` is JSON only when
 * `InputType` is `Literal` (the default); with `FilePath` it is a path in the input artifact.
 */
export function isJsonKey(entry: ProviderEntry | undefined, key: string, configuration: Readonly<Record<string, unknown>> = {}): boolean {
  if (!entry) return false;
  if (!JSON_KEYS.has(`${entry.category}/${entry.owner}/${entry.provider}/${key}`)) return false;
  if (entry.provider === "StepFunctions" && key === "Input") return configuration.InputType !== "FilePath";
  return true;
}

function isBooleanKey(c: ConfigurationKey): boolean {
  const v = c.allowedValues;
  return v !== undefined && v.length === 2 && v.includes("true") && v.includes("false");
}

export function fieldKind(entry: ProviderEntry | undefined, c: ConfigurationKey, configuration: Readonly<Record<string, unknown>> = {}): FieldKind {
  if (c.secret) return "secret";
  if (isJsonKey(entry, c.key, configuration)) return "json";
  if (isBooleanKey(c)) return "boolean";
  // A multi-valued key ("CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND") cannot be a single select.
  if (c.allowedValues && c.allowedValues.length > 0) return c.multiValueSeparator ? "multi" : "select";
  return "text";
}

/** The fields of an action's (or rule's) configuration form. */
export function configurationFields(
  entry: ProviderEntry | undefined,
  configuration: Readonly<Record<string, unknown>>,
): ConfigField[] {
  const fields: ConfigField[] = [];
  const known = new Set<string>();
  for (const c of entry?.configuration ?? []) {
    known.add(c.key);
    const kind = fieldKind(entry, c, configuration);
    fields.push({
      key: c.key,
      kind,
      required: c.required,
      description: c.description,
      options: kind === "boolean" ? ["true", "false"] : kind === "select" || kind === "multi" ? (c.allowedValues ?? []) : [],
      ...(c.multiValueSeparator ? { separator: c.multiValueSeparator } : {}),
      unknown: false,
      ...(c.conditionalRequired ? { conditionalRequired: c.conditionalRequired } : {}),
    });
  }
  for (const key of Object.keys(configuration)) {
    if (known.has(key)) continue;
    fields.push({ key, kind: "text", required: false, description: "", options: [], unknown: true });
  }
  return fields;
}

/** The parse error of a JSON field's text, or undefined when it parses (an empty value is fine). */
export function jsonError(text: string): string | undefined {
  if (text.trim() === "") return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * A configuration with one key set; an empty string removes an optional key so that clearing
 * a field does not leave `"Key": ""`, which CodePipeline rejects for most keys. `keepEmpty`
 * is for keys outside the catalog, whose row would vanish mid-edit otherwise.
 */
export function withConfigValue(
  configuration: Readonly<Record<string, unknown>>,
  key: string,
  value: string | undefined,
  keepEmpty = false,
): Record<string, unknown> {
  const next: Record<string, unknown> = { ...configuration };
  if (value === undefined || (value === "" && !keepEmpty)) delete next[key];
  else next[key] = value;
  return next;
}

/** The values of a multi-valued key, in the order given, without empty items. */
export function splitMulti(value: string, separator: string): string[] {
  return value.split(separator).map((v) => v.trim()).filter((v) => v !== "");
}

/** The stored string after toggling one value, keeping the catalog's order for known values. */
export function toggleMulti(value: string, separator: string, item: string, on: boolean, order: readonly string[]): string {
  const current = splitMulti(value, separator).filter((v) => v !== item);
  if (on) current.push(item);
  const rank = (v: string) => (order.includes(v) ? order.indexOf(v) : order.length);
  return current.sort((a, b) => rank(a) - rank(b)).join(separator);
}
