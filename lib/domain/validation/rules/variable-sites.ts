/**
 * Every `#{...}` occurrence of a declaration, found in one walk per validation and shared by the
 * VAR rules and COND021. Split by where it sits:
 * - action sites: where CodePipeline resolves references (configuration values, environment
 *   variable values, commands of Compute actions). These are checked during the walk and only
 *   their findings are kept (VAR005–VAR010): most references are fine, and keeping a record per
 *   string would cost a 500-action pipeline more than the check itself;
 * - rule sites: stage-condition rule configuration values and commands;
 * - literal sites: names, artifact names, actionTypeId, runOrder, region, roleArn, namespace,
 *   where references are taken literally (VAR016).
 * Also the namespaces usable by references (valid pattern, not reserved) and what is used.
 */
import { NAMESPACE, satisfies } from "../../pipeline/patterns";
import { isObject, type JsonObject } from "../../json";
import { joinPath } from "../path";
import { memoize, type ActionRef, type PipelineIndex } from "../../pipeline/pipeline-index";
import {
  actionScope,
  checkReference,
  CODEPIPELINE_NAMESPACE,
  scanReferences,
  VARIABLES_NAMESPACE,
  type Reference,
  type ReferenceFinding,
  type ReferenceScope,
} from "../variable-references";
import { conditionIndex, type RuleRef } from "./condition-index";

/** One string holding `#{`. Path parts are joined lazily by `sitePath`: `<owner>.<member>[<index>].<sub>`. */
export class TextSite {
  constructor(
    readonly text: string,
    readonly refs: readonly Reference[],
    /** The resolving action, for action sites. */
    readonly action: ActionRef | undefined,
    /** The rule, for rule sites. */
    readonly rule: RuleRef | undefined,
    /** For literal sites: the field in words ("artifact names"). */
    readonly field: string | undefined,
    readonly owner: string,
    readonly member: string,
    readonly index: number | undefined,
    readonly sub: string | undefined,
  ) {}
}

export interface NamespaceEntry {
  readonly namespace: string;
  readonly owners: readonly ActionRef[];
}

export interface ActionFinding {
  readonly site: TextSite;
  readonly finding: ReferenceFinding;
}

export interface ReferenceIndex {
  /** Problems of references in action fields that resolve them (VAR005–VAR010). */
  readonly actionFindings: readonly ActionFinding[];
  readonly ruleSites: readonly TextSite[];
  readonly literalSites: readonly TextSite[];
  /** Namespaces and pipeline variables referenced anywhere by a well-formed reference. */
  readonly usedNamespaces: ReadonlySet<string>;
  readonly usedVariables: ReadonlySet<string>;
  /** Action namespaces that pass VAR011 and are not reserved (VAR014), with their owners, in document order. */
  readonly usableNamespaces: readonly NamespaceEntry[];
}

export function sitePath(site: TextSite): string {
  let path = joinPath(site.owner, site.member);
  if (site.index !== undefined) path += `[${site.index}]`;
  return site.sub === undefined ? path : joinPath(path, site.sub);
}

export function referenceIndex(pipeline: PipelineIndex): ReferenceIndex {
  return memoize(pipeline, referenceIndex, build);
}

const TYPE_FIELDS = ["category", "owner", "provider", "version"] as const;

function hasRef(value: unknown): value is string {
  return typeof value === "string" && value.includes("#{");
}

/** Collects sites; callers test `hasRef` first so that nothing is allocated for plain strings. */
class Collector {
  readonly actionFindings: ActionFinding[] = [];
  readonly ruleSites: TextSite[] = [];
  readonly literalSites: TextSite[] = [];
  readonly usedNamespaces = new Set<string>();
  readonly usedVariables = new Set<string>();

  private lastNamespace: string | undefined;

  use(refs: readonly Reference[]): void {
    for (const r of refs) {
      if (r.problem !== undefined) continue;
      const ns = r.namespace!;
      if (ns === VARIABLES_NAMESPACE) this.usedVariables.add(r.key!);
      else if (ns !== this.lastNamespace) {
        // References cluster on a few namespaces; skip re-adding the one just seen.
        this.usedNamespaces.add(ns);
        this.lastNamespace = ns;
      }
    }
  }

  /** A resolving string of `action`: checked now, kept only when something is wrong. */
  resolving(pipeline: PipelineIndex, action: ActionRef, scope: ReferenceScope, text: string, member: string, index: number | undefined, sub: string | undefined): void {
    const refs = scanReferences(text);
    this.use(refs);
    let site: TextSite | undefined;
    for (const ref of refs) {
      const finding = checkReference(pipeline, ref, scope);
      if (finding === undefined) continue;
      site ??= new TextSite(text, refs, action, undefined, undefined, action.path, member, index, sub);
      this.actionFindings.push({ site, finding });
    }
  }

  add(
    list: TextSite[],
    text: string,
    action: ActionRef | undefined,
    rule: RuleRef | undefined,
    field: string | undefined,
    owner: string,
    member: string,
    index: number | undefined,
    sub: string | undefined,
  ): void {
    const refs = scanReferences(text);
    this.use(refs);
    list.push(new TextSite(text, refs, action, rule, field, owner, member, index, sub));
  }

  /** A string member of `obj` where references are taken literally. */
  member(obj: JsonObject, owner: string, member: string, field: string): void {
    const text = obj[member];
    if (hasRef(text)) this.add(this.literalSites, text, undefined, undefined, field, owner, member, undefined, undefined);
  }

  /** Strings of a list, or a member of each object of a list, taken literally. */
  list(list: unknown, owner: string, member: string, sub: string | undefined, field: string): void {
    if (!Array.isArray(list)) return;
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      const text = sub === undefined ? item : isObject(item) ? item[sub] : undefined;
      if (hasRef(text)) this.add(this.literalSites, text, undefined, undefined, field, owner, member, i, sub);
    }
  }

  typeId(typeId: unknown, owner: string, member: string): void {
    if (!isObject(typeId)) return;
    for (const f of TYPE_FIELDS) {
      const text = typeId[f];
      if (hasRef(text)) this.add(this.literalSites, text, undefined, undefined, `${member}.${f}`, owner, member, undefined, f);
    }
  }
}

function build(pipeline: PipelineIndex): ReferenceIndex {
  const c = new Collector();
  const root = pipeline.root;
  c.member(root, "", "name", "the pipeline name");
  c.member(root, "", "roleArn", "roleArn");
  for (const stage of pipeline.stages) c.member(stage.raw, stage.path, "name", "stage names");

  for (const action of pipeline.actions) {
    const raw = action.raw;
    const p = action.path;
    let scope: ReferenceScope | undefined;
    const config = action.configuration;
    if (config !== undefined) {
      for (const key in config) {
        const text = config[key];
        if (hasRef(text)) c.resolving(pipeline, action, (scope ??= actionScope(action)), text, "configuration", undefined, key);
      }
    }
    const env = raw.environmentVariables;
    if (Array.isArray(env)) {
      for (let i = 0; i < env.length; i++) {
        const e = env[i];
        const text = isObject(e) ? e.value : undefined;
        if (hasRef(text)) c.resolving(pipeline, action, (scope ??= actionScope(action)), text, "environmentVariables", i, "value");
      }
    }
    const commands = raw.commands;
    if (action.type.category === "Compute") {
      if (Array.isArray(commands)) {
        for (let i = 0; i < commands.length; i++) {
          const text = commands[i];
          if (hasRef(text)) c.resolving(pipeline, action, (scope ??= actionScope(action)), text, "commands", i, undefined);
        }
      }
    } else if (Array.isArray(commands)) {
      // `commands` on other actions is rejected elsewhere (ACT); a reference there still counts as a use.
      for (const text of commands) if (hasRef(text)) c.use(scanReferences(text));
    }
    // The index already holds these as strings (or undefined): cheaper than the raw objects.
    if (hasRef(action.name)) c.member(raw, p, "name", "action names");
    const type = action.type;
    if (hasRef(type.category) || hasRef(type.owner) || hasRef(type.provider) || hasRef(type.version)) c.typeId(raw.actionTypeId, p, "actionTypeId");
    if (hasRef(action.region)) c.member(raw, p, "region", "region");
    if (hasRef(action.namespace)) c.member(raw, p, "namespace", "namespace");
    for (const a of action.inputs) if (hasRef(a.name)) c.member(a.raw as JsonObject, a.path, "name", "artifact names");
    for (const a of action.outputs) if (hasRef(a.name)) c.member(a.raw as JsonObject, a.path, "name", "artifact names");
    c.member(raw, p, "runOrder", "runOrder");
    c.member(raw, p, "roleArn", "roleArn");
    c.list(raw.outputVariables, p, "outputVariables", undefined, "outputVariables names");
  }

  for (const rule of conditionIndex(pipeline).rules) {
    const raw = rule.raw;
    if (raw === undefined) continue;
    const config = rule.configuration;
    if (config !== undefined) {
      for (const key in config) {
        const text = config[key];
        if (hasRef(text)) c.add(c.ruleSites, text, undefined, rule, undefined, rule.path, "configuration", undefined, key);
      }
    }
    const commands = raw.commands;
    if (Array.isArray(commands)) {
      for (let i = 0; i < commands.length; i++) {
        const text = commands[i];
        if (hasRef(text)) c.add(c.ruleSites, text, undefined, rule, undefined, rule.path, "commands", i, undefined);
      }
    }
    c.member(raw, rule.path, "name", "rule names");
    c.typeId(raw.ruleTypeId, rule.path, "ruleTypeId");
    c.member(raw, rule.path, "region", "region");
    c.member(raw, rule.path, "roleArn", "roleArn");
    c.list(raw.inputArtifacts, rule.path, "inputArtifacts", "name", "artifact names");
  }

  c.list(root.variables, "", "variables", "name", "pipeline variable names");
  const triggers = root.triggers;
  if (Array.isArray(triggers)) {
    for (let i = 0; i < triggers.length; i++) {
      const t = triggers[i];
      if (isObject(t) && isObject(t.gitConfiguration)) c.member(t.gitConfiguration, `triggers[${i}].gitConfiguration`, "sourceActionName", "sourceActionName");
    }
  }

  const usableNamespaces: NamespaceEntry[] = [];
  pipeline.namespaceOwners.forEach((owners, namespace) => {
    if (namespace === CODEPIPELINE_NAMESPACE || namespace === VARIABLES_NAMESPACE || !satisfies(namespace, NAMESPACE)) return;
    usableNamespaces.push({ namespace, owners });
  });

  return {
    actionFindings: c.actionFindings,
    ruleSites: c.ruleSites,
    literalSites: c.literalSites,
    usedNamespaces: c.usedNamespaces,
    usedVariables: c.usedVariables,
    usableNamespaces,
  };
}
