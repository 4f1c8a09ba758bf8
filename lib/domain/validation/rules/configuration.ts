/**
 * CFG rules on action configuration maps, driven by the provider catalog: limits, required
 * keys, unknown keys, allowed values, polling sources, custom queryable values.
 * Conditional requirements (CFG005a–s) are in configuration-conditional*.ts.
 */
import { ACTION_PROVIDERS, type ProviderEntry } from "../../catalog/catalog";
import { CONFIG_KEY, CONFIG_VALUE } from "../../pipeline/patterns";
import { describe, isString, jsonType, type JsonObject } from "../../json";
import { joinPath } from "../path";
import { memoize, type ActionRef, type PipelineIndex } from "../../pipeline/pipeline-index";
import { defineRule, type Reporter, type Rule } from "../rule";
import { actionLabel, capitalize, hasReference, isType } from "./actions-support";

interface KeySpec {
  readonly key: string;
  readonly required: boolean;
  readonly allowed?: readonly string[];
  /** Values are lists joined by this separator. */
  readonly separator?: string;
}

interface ProviderSpec {
  readonly keys: ReadonlyMap<string, KeySpec>;
  readonly required: readonly string[];
  /** Keys checked by a CFG005 sub-rule instead of CFG003 (numbered families). */
  readonly ownedElsewhere?: RegExp;
}

/** Catalog rows whose configuration keys are documented (not user-defined, not catalog-only). */
const SPECS = new Map<ProviderEntry, ProviderSpec>();
for (const entry of ACTION_PROVIDERS) {
  if (entry.providerIsUserDefined || entry.catalogOnly || entry.configuration.length === 0) continue;
  const keys = new Map<string, KeySpec>();
  for (const c of entry.configuration) {
    // StackSet Capabilities is documented "Comma-separated, no spaces" without a separator flag.
    const separator = c.multiValueSeparator ?? (c.allowedValues && /^comma-separated/i.test(c.description) ? "," : undefined);
    keys.set(c.key, { key: c.key, required: c.required, allowed: c.allowedValues, separator });
  }
  SPECS.set(entry, {
    keys,
    required: entry.configuration.filter((c) => c.required).map((c) => c.key),
    // Image<N>ArtifactName / Image<N>ContainerName: N out of 1..4 is CFG005g's.
    ownedElsewhere: entry.provider === "CodeDeployToECS" ? /^Image\d+(?:ArtifactName|ContainerName)$/ : undefined,
  });
}

function configPath(action: ActionRef, key?: string): string {
  const path = joinPath(action.path, "configuration");
  return key === undefined ? path : joinPath(path, key);
}

const configurationLimits = defineRule({
  id: "CFG001",
  title: "Configuration key/value limits",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      const raw = action.raw.configuration;
      if (raw === undefined) continue;
      const config = action.configuration;
      if (!config) {
        report.error(configPath(action), `configuration must be an object mapping keys to string values, not a ${jsonType(raw)}.`);
        continue;
      }
      for (const key in config) {
        // Empty keys are GEN004's, non-string values GEN001's.
        if (key.length > CONFIG_KEY.max) {
          report.error(configPath(action, key), `Configuration key ${describe(key)} has ${key.length} characters; keys may have at most ${CONFIG_KEY.max}.`);
        }
        const value = config[key];
        if (isString(value) && value.length > CONFIG_VALUE.max) {
          report.error(
            configPath(action, key),
            `ActionConfiguration Map value must satisfy constraint: [Member must have length less than or equal to ${CONFIG_VALUE.max}]. ${key} has ${value.length} characters (variable references count as written); shorten it or move the content into a file in an input artifact.`,
          );
        }
      }
    }
  },
});

const requiredKeys = defineRule({
  id: "CFG002",
  title: "Required keys per provider",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      const entry = action.provider;
      const spec = entry && SPECS.get(entry);
      if (!spec || spec.required.length === 0) continue;
      // A configuration that is not an object is CFG001's.
      if (action.raw.configuration !== undefined && !action.configuration) continue;
      const config = action.configuration ?? {};
      for (const key of spec.required) {
        if (config[key] !== undefined) continue; // "" is GEN004's
        report.error(
          configPath(action, key),
          `${capitalize(actionLabel(action))} is missing the required configuration key ${key} for ${entry.provider}. Add ${key}.`,
        );
      }
    }
  },
});

function suggestKey(spec: ProviderSpec, key: string): string {
  const lower = key.toLowerCase();
  let prefix: string | undefined;
  for (const known of spec.keys.keys()) {
    const k = known.toLowerCase();
    if (k === lower) return ` Keys are case-sensitive: did you mean ${known}?`;
    if (prefix === undefined && lower.length >= 3 && (k.startsWith(lower) || lower.startsWith(k))) prefix = known;
  }
  if (prefix !== undefined) return ` Did you mean ${prefix}?`;
  return ` Known keys: ${[...spec.keys.keys()].join(", ")}.`;
}

interface ConfiguredAction {
  readonly action: ActionRef;
  readonly entry: ProviderEntry;
  readonly spec: ProviderSpec;
  readonly config: JsonObject;
}

/**
 * Actions whose provider has documented configuration keys, with an object configuration: listed
 * once per index and shared by the rules that read them.
 */
function configuredActions(pipeline: PipelineIndex): readonly ConfiguredAction[] {
  return memoize(pipeline, configuredActions, (index) => {
    const out: ConfiguredAction[] = [];
    for (const action of index.actions) {
      const entry = action.provider;
      const spec = entry === undefined ? undefined : SPECS.get(entry);
      const config = action.configuration;
      if (entry !== undefined && spec !== undefined && config !== undefined) out.push({ action, entry, spec, config });
    }
    return out;
  });
}

const unknownKeys = defineRule({
  id: "CFG003",
  title: "Unknown keys",
  check(pipeline, _context, report) {
    for (const { action, entry, spec, config } of configuredActions(pipeline)) {
      for (const key in config) {
        if (key === "" || key.length > CONFIG_KEY.max || spec.keys.has(key) || spec.ownedElsewhere?.test(key)) continue;
        report.warning(
          configPath(action, key),
          `${key} is not a configuration key of ${entry.provider} (${entry.category}); it is ignored or fails at run time.${suggestKey(spec, key)}`,
        );
      }
    }
  },
});

const allowedValues = defineRule({
  id: "CFG004",
  title: "Allowed values",
  check(pipeline, _context, report) {
    for (const { action, spec, config } of configuredActions(pipeline)) {
      for (const key in config) {
        const keySpec = spec.keys.get(key);
        const value = config[key];
        // "" is GEN004's, non-strings GEN001's; a variable reference resolves at run time.
        if (!keySpec?.allowed || !isString(value) || value === "" || hasReference(value)) continue;
        const path = configPath(action, key);
        if (keySpec.separator === undefined) {
          if (keySpec.allowed.includes(value)) continue;
          report.warning(path, `${key} ${describe(value)} is not an allowed value${caseHint(value, keySpec.allowed)}; use one of ${keySpec.allowed.join(", ")}.`);
          continue;
        }
        checkList(report, path, key, value, keySpec as Required<KeySpec>);
      }
    }
  },
});

function caseHint(value: string, allowed: readonly string[]): string {
  const lower = value.toLowerCase();
  const match = allowed.find((a) => a.toLowerCase() === lower);
  return match === undefined ? "" : ` (values are case-sensitive: ${describe(match)})`;
}

function checkList(report: Reporter, path: string, key: string, value: string, spec: Required<KeySpec>): void {
  const items = value.split(spec.separator);
  const spaced = items.some((item) => item !== item.trim());
  const unknown = items.map((i) => i.trim()).filter((i) => !spec.allowed.includes(i));
  if (!spaced && unknown.length === 0) return;
  const parts: string[] = [];
  if (spaced) parts.push(`it must be separated by "${spec.separator}" without spaces`);
  if (unknown.length > 0) parts.push(`${unknown.map((u) => describe(u)).join(", ")} ${unknown.length === 1 ? "is" : "are"} not allowed`);
  const fixed = items.map((i) => i.trim()).filter((i) => spec.allowed.includes(i)).join(spec.separator);
  report.warning(
    path,
    `${key} ${describe(value)}: ${parts.join(" and ")}. Allowed values: ${spec.allowed.join(", ")}${fixed !== "" && fixed !== value ? `, e.g. ${describe(fixed)}` : ""}.`,
  );
}

const POLLING_SOURCES: readonly (readonly [string, string, string])[] = [
  ["Source", "AWS", "S3"],
  ["Source", "AWS", "CodeCommit"],
  ["Source", "ThirdParty", "GitHub"],
];

const pollingSources = defineRule({
  id: "CFG006",
  title: "Polling sources",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      if (action.type.category !== "Source" || !POLLING_SOURCES.some(([c, o, p]) => isType(action, c, o, p))) continue;
      const value = action.configuration?.PollForSourceChanges;
      if (value !== undefined && value !== "true") continue;
      const state = value === undefined ? "omits PollForSourceChanges, so it polls" : "polls (PollForSourceChanges is \"true\")";
      const events = action.type.provider === "GitHub" ? "a webhook" : "an EventBridge rule";
      report.warning(
        configPath(action, "PollForSourceChanges"),
        `${capitalize(actionLabel(action))} ${state}: polling pipelines count toward the fixed 300-per-region quota and stop polling after 30 days without executions. Set PollForSourceChanges to "false" and start the pipeline with ${events}.`,
      );
    }
  },
});

const QUERYABLE = /^[A-Za-z0-9_-]{1,20}$/;

const customQueryableValue = defineRule({
  id: "CFG007",
  title: "Custom queryable values",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      // Only the Jenkins plugin's queryable property (ProjectName) is known offline; other custom
      // types declare theirs at registration, which we cannot see.
      if (action.type.owner !== "Custom" || !action.provider?.providerIsUserDefined) continue;
      if (!action.provider.configuration.some((c) => c.key === "ProjectName")) continue;
      const value = action.configuration?.ProjectName;
      if (!isString(value) || value === "" || hasReference(value) || QUERYABLE.test(value)) continue;
      report.error(
        configPath(action, "ProjectName"),
        `ProjectName ${describe(value)} is the queryable property of this custom action type, so it must be at most 20 characters of letters, digits, _ and -. Rename the job (e.g. ${describe(value.replace(/[^A-Za-z0-9_-]+/g, "-").slice(0, 20))}).`,
      );
    }
  },
});

export const configurationRules: readonly Rule[] = [configurationLimits, requiredKeys, unknownKeys, allowedValues, pollingSources, customQueryableValue];
