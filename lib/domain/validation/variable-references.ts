/**
 * `#{namespace.key}` variable references: a scanner for one string, the namespaces and keys a
 * place in the pipeline can see, and the check of one reference against them. Shared by the
 * VAR and COND rules and by the canvas (autocompletion, live hints), so it reports findings as
 * plain values and knows nothing of the diagnostics sink.
 *
 * Syntax (user guide; observed service message for VAR005): `#{<ns>.<key>}` with exactly one
 * period, and `<ns>`, `<key>` both matching `[A-Za-z0-9@\-_]+` (case-sensitive).
 */
import { fixedOutputVariables, PROVIDERS, type ProviderEntry } from "../catalog/catalog";
import type { Severity } from "./diagnostic";
import { arrayOf, describe, isString } from "../json";
import type { ActionRef, PipelineIndex } from "../pipeline/pipeline-index";

export type ReferenceProblem =
  | "unclosed"
  | "empty"
  | "missing-period"
  | "extra-period"
  | "invalid-namespace"
  | "invalid-key";

export interface Reference {
  /** The occurrence as written: `#{` to `}` inclusive; for an unclosed one, up to the next `#{` or the end. */
  readonly text: string;
  /** Offset of the `#` in the scanned string. */
  readonly offset: number;
  /** Offset just past the occurrence. */
  readonly end: number;
  /** The part before the period, when the body has exactly one period (even if malformed). */
  readonly namespace: string | undefined;
  /** The part after the period, when the body has exactly one period (even if malformed). */
  readonly key: string | undefined;
  /** Why the occurrence is not a valid reference; undefined when it is valid. */
  readonly problem: ReferenceProblem | undefined;
}

const PART = /^[A-Za-z0-9@\-_]+$/;

/** Fast pre-check: does the text contain anything that looks like a reference? */
export function hasReference(text: string): boolean {
  return text.includes("#{");
}

const NO_REFERENCES: readonly Reference[] = [];
const SCAN_CACHE = new Map<string, readonly Reference[]>();
// Above the strings with references of a quota-max pipeline (500 actions with several each), so
// that re-validating one does not clear the cache on its way through.
const SCAN_CACHE_LIMIT = 10_000;

/**
 * Every `#{...}` occurrence in the text, in order, valid or not. Cached (bounded) by text: the
 * designer re-validates the same strings on every edit, and a scan allocates per occurrence.
 */
export function scanReferences(text: string): readonly Reference[] {
  if (!text.includes("#{")) return NO_REFERENCES;
  const cached = SCAN_CACHE.get(text);
  if (cached !== undefined) return cached;
  const refs = scan(text);
  if (SCAN_CACHE.size >= SCAN_CACHE_LIMIT) SCAN_CACHE.clear();
  SCAN_CACHE.set(text, refs);
  return refs;
}

function scan(text: string): Reference[] {
  const out: Reference[] = [];
  let from = text.indexOf("#{");
  while (from !== -1) {
    const close = text.indexOf("}", from + 2);
    const nextOpen = text.indexOf("#{", from + 2);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      // No "}" before the next "#{": report this one as unclosed and resume at the next.
      const end = nextOpen === -1 ? text.length : nextOpen;
      out.push({ text: text.slice(from, end), offset: from, end, namespace: undefined, key: undefined, problem: "unclosed" });
      from = nextOpen;
      continue;
    }
    out.push(parseOccurrence(text, from, close + 1));
    from = text.indexOf("#{", close + 1);
  }
  return out;
}

function parseOccurrence(text: string, offset: number, end: number): Reference {
  const occurrence = text.slice(offset, end);
  const start = offset + 2;
  const close = end - 1;
  const period = text.indexOf(".", start);
  let namespace: string | undefined;
  let key: string | undefined;
  let problem: ReferenceProblem | undefined;
  if (start === close) problem = "empty";
  else if (period === -1 || period > close) problem = "missing-period";
  else if (text.indexOf(".", period + 1) < close && text.indexOf(".", period + 1) !== -1) problem = "extra-period";
  else {
    namespace = text.slice(start, period);
    key = text.slice(period + 1, close);
    if (!PART.test(namespace)) problem = "invalid-namespace";
    else if (!PART.test(key)) problem = "invalid-key";
  }
  return { text: occurrence, offset, end, namespace, key, problem };
}

/**
 * For autocompletion: when `cursor` sits inside an unfinished or finished reference, what has
 * been typed so far. `namespace` is the text between `#{` and the period (or the cursor), `key`
 * the text after the period up to the cursor (undefined before a period is typed).
 */
export function referenceAtCursor(
  text: string,
  cursor: number,
): { readonly offset: number; readonly namespace: string; readonly key: string | undefined } | undefined {
  const open = text.lastIndexOf("#{", cursor - 2);
  if (open === -1) return undefined;
  const typed = text.slice(open + 2, cursor);
  if (typed.includes("}")) return undefined;
  const period = typed.indexOf(".");
  return period === -1
    ? { offset: open, namespace: typed, key: undefined }
    : { offset: open, namespace: typed.slice(0, period), key: typed.slice(period + 1) };
}

const FORMAT_HINT =
  "Valid format for a pipeline execution variable reference is a namespace and a key separated by a period (.)";

/** What is wrong with a malformed reference and how to write it, for messages. */
export function describeReferenceProblem(ref: Reference): string {
  const t = describe(ref.text); // shortened: an unclosed "#{" runs to the end of the value
  switch (ref.problem) {
    case undefined:
      return `${t} is a valid reference.`;
    case "unclosed":
      return `${t} has no closing "}", so it is taken literally. Close it: #{namespace.key}.`;
    case "empty":
      return `${t} is empty. ${FORMAT_HINT}, e.g. #{SourceVariables.CommitId}.`;
    case "missing-period":
      return `${t} has no namespace. ${FORMAT_HINT}, e.g. #{SourceVariables.CommitId} or #{variables.name}.`;
    case "extra-period":
      return `${t} has more than one period. ${FORMAT_HINT}; namespaces and keys cannot contain periods.`;
    case "invalid-namespace":
      return `${t}: the namespace ${JSON.stringify(ref.namespace)} may only contain letters, digits, @, - and _. ${FORMAT_HINT}.`;
    case "invalid-key":
      return `${t}: the key ${JSON.stringify(ref.key)} may only contain letters, digits, @, - and _. ${FORMAT_HINT}.`;
  }
}

// ---------------------------------------------------------------------------------------------
// Namespaces and keys
// ---------------------------------------------------------------------------------------------

/** Reserved namespace of execution-wide values. */
export const CODEPIPELINE_NAMESPACE = "codepipeline";
/** Namespace of pipeline-level variables (V2). */
export const VARIABLES_NAMESPACE = "variables";
/** The only `codepipeline` key the user guide documents. */
export const CODEPIPELINE_KEYS: readonly string[] = ["PipelineExecutionId"];

// Providers whose user-guide pages say they produce no output variables (VAR015).
const EMITS_NOTHING_KEYS = new Set([
  "Approval/AWS/Manual",
  "Deploy/AWS/CodeDeploy",
  "Deploy/AWS/S3",
  "Deploy/AWS/ECS",
  "Deploy/AWS/CodeDeployToECS",
  "Deploy/AWS/ElasticBeanstalk",
  "Deploy/AWS/AppConfig",
  "Test/AWS/DeviceFarm",
  "Deploy/AWS/ServiceCatalog",
  "Deploy/ThirdParty/AlexaSkillsKit",
]);
const EMITS_NOTHING: ReadonlySet<ProviderEntry> = new Set(
  PROVIDERS.filter((p) => p.kind === "action" && EMITS_NOTHING_KEYS.has(`${p.category}/${p.owner}/${p.provider}`)),
);
const NO_KEYS: readonly string[] = [];

// Keys per catalog entry, computed once (undefined: user-defined or unknown).
const KEYS_BY_ENTRY = new Map<ProviderEntry, readonly string[] | undefined>();
for (const p of PROVIDERS) {
  if (p.kind !== "action") continue;
  const fixed = fixedOutputVariables(p);
  KEYS_BY_ENTRY.set(p, EMITS_NOTHING.has(p) ? NO_KEYS : fixed !== undefined && fixed.length > 0 ? fixed : undefined);
}

/** True when the provider is documented to produce no output variables (a namespace on it has no effect). */
export function emitsNoVariables(entry: ProviderEntry | undefined): boolean {
  return entry !== undefined && EMITS_NOTHING.has(entry);
}

function isCommandsAction(action: ActionRef): boolean {
  return action.type.category === "Compute" && action.type.provider === "Commands";
}

/**
 * The keys an action's namespace will hold: the catalog's fixed list, the `outputVariables` a
 * Commands action exports, `[]` for providers that emit nothing, or undefined when the keys are
 * user-defined or unknown (CodeBuild, Lambda, CloudFormation, custom actions).
 */
export function outputKeysOf(action: ActionRef): readonly string[] | undefined {
  if (isCommandsAction(action)) {
    const keys: string[] = [];
    for (const v of arrayOf(action.raw.outputVariables)) if (isString(v)) keys.push(v);
    return keys;
  }
  return action.provider === undefined ? undefined : KEYS_BY_ENTRY.get(action.provider);
}

/**
 * Where a reference is evaluated. Namespaces of actions in earlier stages are visible, and of
 * actions in stage `stageIndex` whose runOrder is below `runOrderBelow`.
 */
export interface ReferenceScope {
  readonly stageIndex: number;
  readonly runOrderBelow: number;
}

export type ConditionBlock = "beforeEntry" | "onSuccess" | "onFailure";

/** An action sees the namespaces of actions that finish before it starts (Earlier). */
export function actionScope(action: ActionRef): ReferenceScope {
  return { stageIndex: action.stageIndex, runOrderBelow: action.runOrder };
}

/**
 * A stage-condition rule: before entry, only earlier stages have run; on success or failure,
 * the stage's own actions have run too.
 */
export function ruleScope(stageIndex: number, block: ConditionBlock): ReferenceScope {
  return { stageIndex, runOrderBelow: block === "beforeEntry" ? -Infinity : Infinity };
}

export function inScope(owner: ActionRef, scope: ReferenceScope): boolean {
  return (
    owner.stageIndex < scope.stageIndex ||
    (owner.stageIndex === scope.stageIndex && owner.runOrder < scope.runOrderBelow)
  );
}

export interface AvailableNamespace {
  readonly namespace: string;
  readonly source: "codepipeline" | "variables" | "action";
  /** The owning action, for action namespaces. */
  readonly action?: ActionRef;
  /** The keys it holds; undefined when they are user-defined (any key may exist). */
  readonly keys: readonly string[] | undefined;
}

/** Every namespace (with its keys) that a reference at `scope` may use, for autocompletion. */
export function availableReferences(pipeline: PipelineIndex, scope: ReferenceScope): AvailableNamespace[] {
  const out: AvailableNamespace[] = [{ namespace: CODEPIPELINE_NAMESPACE, source: "codepipeline", keys: CODEPIPELINE_KEYS }];
  if (pipeline.variableNames.size > 0) {
    out.push({ namespace: VARIABLES_NAMESPACE, source: "variables", keys: [...pipeline.variableNames] });
  }
  for (const [namespace, owners] of pipeline.namespaceOwners) {
    if (!PART.test(namespace) || namespace === CODEPIPELINE_NAMESPACE || namespace === VARIABLES_NAMESPACE) continue;
    const owner = owners.find((o) => inScope(o, scope));
    if (owner) out.push({ namespace, source: "action", action: owner, keys: outputKeysOf(owner) });
  }
  return out;
}

export type ReferenceCode = "VAR005" | "VAR006" | "VAR007" | "VAR008" | "VAR009" | "VAR010";

export interface ReferenceFinding {
  readonly code: ReferenceCode;
  readonly severity: Severity;
  readonly message: string;
}

/**
 * Checks one reference seen from `scope`: syntax (VAR005), namespace exists (VAR006), its
 * owner runs earlier (VAR007), pipeline variable declared (VAR008), built-in key (VAR009),
 * known output key (VAR010). Undefined when the reference is fine.
 */
export function checkReference(
  pipeline: PipelineIndex,
  ref: Reference,
  scope: ReferenceScope,
): ReferenceFinding | undefined {
  if (ref.problem !== undefined) {
    // An unclosed "#{" is not a reference at all to the service (taken literally): a likely
    // mistake rather than a rejection.
    return {
      code: "VAR005",
      severity: ref.problem === "unclosed" ? "warning" : "error",
      message: describeReferenceProblem(ref),
    };
  }
  const namespace = ref.namespace!;
  const key = ref.key!;
  const t = ref.text;
  if (namespace === CODEPIPELINE_NAMESPACE) {
    if (CODEPIPELINE_KEYS.includes(key)) return undefined;
    return {
      code: "VAR009",
      severity: "warning",
      message: `${t}: "${key}" is not a documented codepipeline variable; the only one is #{codepipeline.PipelineExecutionId}.`,
    };
  }
  if (namespace === VARIABLES_NAMESPACE) {
    if (pipeline.variableNames.has(key)) return undefined;
    return {
      code: "VAR008",
      severity: "error",
      message: `${t} refers to pipeline variable "${key}", which is not declared. Add {"name": "${key}"} to the pipeline's variables or fix the name${hint(key, pipeline.variableNames)}.`,
    };
  }
  const owners = pipeline.namespaceOwners.get(namespace);
  if (owners === undefined) {
    return {
      code: "VAR006",
      severity: "error",
      message: `${t} is referencing a namespace that does not exist. Set "namespace": "${namespace}" on the action that produces the variable, or fix the namespace${hint(namespace, pipeline.namespaceOwners.keys())}.`,
    };
  }
  let owner: ActionRef | undefined;
  for (const o of owners) {
    if (inScope(o, scope)) {
      owner = o;
      break;
    }
  }
  if (owner === undefined) {
    const o = owners[0]!;
    return {
      code: "VAR007",
      severity: "error",
      message: `${t} refers to action "${o.name ?? "?"}" (stage "${o.stage.name ?? o.stageIndex}", runOrder ${o.runOrder}), which has not finished at this point, so the variable cannot be resolved. Reference it from a later stage, or from a higher runOrder in the same stage.`,
    };
  }
  const keys = outputKeysOf(owner);
  if (keys === undefined || keys.includes(key)) return undefined;
  if (emitsNoVariables(owner.provider)) return undefined; // VAR015 warns about the namespace itself
  const producer = `action "${owner.name ?? "?"}"`;
  const message = isCommandsAction(owner)
    ? `${t}: ${producer} does not export "${key}". Add "${key}" to its outputVariables${keys.length ? ` (now: ${keys.join(", ")})` : ""}.`
    : `${t}: ${producer} (${owner.type.provider}) produces no variable "${key}"${hint(key, keys)}; it produces ${keys.join(", ")}.`;
  return { code: "VAR010", severity: "warning", message };
}

/** ", did you mean X?" when a candidate differs only in letter case. */
function hint(value: string, candidates: Iterable<string>): string {
  const lower = value.toLowerCase();
  for (const c of candidates) if (c !== value && c.toLowerCase() === lower) return ` (did you mean "${c}"?)`;
  return "";
}
