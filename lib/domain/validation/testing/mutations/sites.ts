/** The members of a generated pipeline by kind (strings, enums, lists, integers, configuration values, objects), for sweeps and totality checks. */
import { type Json, runOrderOf } from "../edits";
import { stores } from "./helpers";

export interface Site {
  readonly parent: Json;
  readonly key: string | number;
  /** A description for messages, e.g. "action name". */
  readonly field: string;
  /** Editing it cannot legitimately raise another code (no references hang on it). */
  readonly safe: boolean;
}

export interface Sites {
  readonly strings: Site[];
  readonly enums: Site[];
  readonly lists: Site[];
  readonly integers: Site[];
  readonly configs: Site[];
  readonly objects: Site[];
}

const hasRef = (v: unknown) => JSON.stringify(v ?? null).includes("#{");

/** Branch names some trigger relies on for TRIG016. */
export function triggerBranches(p: Json): Set<string> {
  const out = new Set<string>();
  for (const t of p.triggers ?? []) {
    const source = (p.stages[0]?.actions ?? []).find((a: Json) => a.name === t.gitConfiguration?.sourceActionName);
    if (source?.configuration?.BranchName) out.add(source.configuration.BranchName);
  }
  return out;
}

/** Walks the declaration by the model and lists the members of each kind. */
export function collectSites(p: Json): Sites {
  const sites: Sites = { strings: [], enums: [], lists: [], integers: [], configs: [], objects: [] };
  const str = (parent: Json, key: string | number, field: string, safe = true) => {
    if (typeof parent?.[key] === "string") sites.strings.push({ parent, key, field, safe });
  };
  const en = (parent: Json, key: string, field: string, safe = true) => {
    if (typeof parent?.[key] === "string") sites.enums.push({ parent, key, field, safe });
  };
  const list = (parent: Json, key: string, field: string, safe: boolean) => {
    if (Array.isArray(parent?.[key])) sites.lists.push({ parent, key, field, safe });
  };
  const int = (parent: Json, key: string, field: string, safe = true) => {
    if (typeof parent?.[key] === "number") sites.integers.push({ parent, key, field, safe });
  };
  const obj = (value: Json, field: string) => {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) sites.objects.push({ parent: value, key: "", field, safe: true });
  };
  const config = (configuration: Json, field: string) => {
    for (const k of Object.keys(configuration ?? {})) {
      const safe = !hasRef(configuration[k]);
      sites.configs.push({ parent: configuration, key: k, field: `${field}.${k}`, safe });
      str(configuration, k, `${field} value ${k}`, safe);
    }
  };
  const triggerSources = new Set((p.triggers ?? []).map((t: Json) => t.gitConfiguration?.sourceActionName));
  const branches = triggerBranches(p);

  obj(p, "declaration");
  str(p, "name", "pipeline name");
  str(p, "roleArn", "pipeline roleArn");
  en(p, "executionMode", "executionMode");
  en(p, "pipelineType", "pipelineType");
  for (const store of stores(p)) {
    obj(store, "artifact store");
    str(store, "location", "bucket");
    en(store, "type", "store type");
    if (store.encryptionKey) {
      obj(store.encryptionKey, "encryption key");
      str(store.encryptionKey, "id", "key id");
      en(store.encryptionKey, "type", "key type");
    }
  }
  (p.stages as Json[]).forEach((stage) => {
    obj(stage, "stage");
    str(stage, "name", "stage name");
    for (const action of stage.actions as Json[]) {
      obj(action, "action");
      str(action, "name", "action name", !triggerSources.has(action.name));
      str(action, "roleArn", "action roleArn");
      int(action, "runOrder", "runOrder", runOrderOf(action) === 1);
      int(action, "timeoutInMinutes", "action timeout");
      obj(action.actionTypeId, "actionTypeId");
      en(action.actionTypeId, "category", "action category");
      en(action.actionTypeId, "owner", "action owner");
      str(action.actionTypeId, "version", "action type version");
      if (action.configuration) config(action.configuration, "action configuration"); // unknown keys are CFG003's
      list(action, "commands", "commands", !hasRef(action.commands));
      (action.commands ?? []).forEach((cmd: string, i: number) => str(action.commands, i, "command", !hasRef(cmd)));
      list(action, "outputVariables", "outputVariables", action.namespace === undefined);
      (action.outputVariables ?? []).forEach((_: string, i: number) => str(action.outputVariables, i, "output variable", action.namespace === undefined));
      list(action, "environmentVariables", "environmentVariables", !hasRef(action.environmentVariables));
      for (const env of action.environmentVariables ?? []) {
        obj(env, "environment variable");
        str(env, "name", "environment variable name");
        str(env, "value", "environment variable value", !hasRef(env.value));
        en(env, "type", "environment variable type");
      }
      for (const out of action.outputArtifacts ?? []) {
        obj(out, "output artifact");
        list(out, "files", "output files", true);
        (out.files ?? []).forEach((_: string, i: number) => str(out.files, i, "output file"));
      }
      for (const input of action.inputArtifacts ?? []) obj(input, "input artifact");
    }
    for (const block of ["beforeEntry", "onSuccess", "onFailure"]) {
      const b = stage[block];
      if (!b) continue;
      obj(b, block);
      if (block === "onFailure") {
        en(b, "result", "onFailure result");
        if (b.retryConfiguration) {
          obj(b.retryConfiguration, "retryConfiguration");
          en(b.retryConfiguration, "retryMode", "retryMode");
        }
      }
      for (const condition of b.conditions ?? []) {
        const feeds = (condition.rules ?? []).some((r: Json) => hasRef(r) || (r.inputArtifacts ?? []).length > 0);
        list(b, "conditions", `${block} conditions`, !feeds);
        obj(condition, "condition");
        en(condition, "result", "condition result");
        list(condition, "rules", "condition rules", !feeds);
        for (const rule of condition.rules ?? []) {
          obj(rule, "rule");
          str(rule, "name", "rule name");
          str(rule, "roleArn", "rule roleArn");
          int(rule, "timeoutInMinutes", "rule timeout");
          obj(rule.ruleTypeId, "ruleTypeId");
          en(rule.ruleTypeId, "category", "rule category");
          en(rule.ruleTypeId, "owner", "rule owner");
          str(rule.ruleTypeId, "version", "rule type version");
          if (rule.configuration) config(rule.configuration, "rule configuration");
          list(rule, "commands", "rule commands", false); // Commands rules require commands (COND015/COND018)
          (rule.commands ?? []).forEach((_: string, i: number) => str(rule.commands, i, "rule command"));
          for (const input of rule.inputArtifacts ?? []) obj(input, "rule input artifact");
        }
      }
    }
  });
  int(p, "version", "version");
  for (const v of p.variables ?? []) {
    obj(v, "variable");
    str(v, "defaultValue", "variable default");
  }
  for (const t of p.triggers ?? []) {
    obj(t, "trigger");
    en(t, "providerType", "providerType");
    const git = t.gitConfiguration;
    obj(git, "gitConfiguration");
    const filters: Array<[string, Json]> = [...(git.push ?? []).map((f: Json) => ["push", f]), ...(git.pullRequest ?? []).map((f: Json) => ["pullRequest", f])];
    // A filter list / pattern list is safe to empty when another filter still includes the branch literally (TRIG016).
    const coveredWithout = (skip: Json) =>
      filters.some(([, f]) => f !== skip && (f.branches?.includes ?? []).some((x: string) => branches.has(x)));
    for (const listKey of ["push", "pullRequest"]) {
      if (!git[listKey]) continue;
      const others = filters.filter(([k]) => k !== listKey);
      const safe = others.some(([, f]) => (f.branches?.includes ?? []).some((x: string) => branches.has(x)));
      list(git, listKey, `trigger ${listKey}`, safe);
    }
    for (const [kind, f] of filters) {
      obj(f, `${kind} filter`);
      if (kind === "pullRequest" && f.events) {
        list(f, "events", "pull-request events", true);
        f.events.forEach((_: string, i: number) => en(f.events, i as unknown as string, "pull-request event"));
      }
      for (const criteriaKey of ["branches", "filePaths", "tags"]) {
        const criteria = f[criteriaKey];
        if (!criteria) continue;
        obj(criteria, `${criteriaKey} criteria`);
        for (const side of ["includes", "excludes"]) {
          if (!criteria[side]) continue;
          const holdsBranch = criteriaKey === "branches" && side === "includes" && criteria[side].some((x: string) => branches.has(x));
          const safe = !holdsBranch || coveredWithout(f);
          // Emptying includes leaves the excludes alone: TRIG016 has nothing to match.
          list(criteria, side, `${criteriaKey} ${side}`, safe && !(side === "includes" && criteriaKey === "branches" && !coveredWithout(f)));
          criteria[side].forEach((x: string, i: number) => str(criteria[side], i, `${criteriaKey} pattern`, !branches.has(x) || coveredWithout(f)));
        }
      }
    }
  }
  return sites;
}
