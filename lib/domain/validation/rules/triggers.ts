/**
 * TRIG001–TRIG016: V2 git triggers (push / pull-request filters on a CodeStarSourceConnection
 * source action).
 */
import { ACTION_NAME, FILTER_PATTERN, LIMITS } from "../../pipeline/patterns";
import { checkString } from "../checks";
import { describeGlobIssue, globIssue, globMatches } from "../glob";
import { arrayOf, describe, isObject, isString, jsonType, type JsonObject } from "../json";
import type { ActionRef, PipelineIndex } from "../pipeline-index";
import type { Reporter, Rule } from "../rule";
import { enumState } from "./enums";

const PROVIDER_TYPE = "CodeStarSourceConnection";
const PR_EVENTS = ["OPEN", "UPDATED", "CLOSED"] as const;
const CONNECTION_MESSAGE = "Triggers for connection must reference a CodeStarSourceConnection action";

interface TriggerRef {
  readonly index: number;
  readonly path: string;
  readonly raw: JsonObject;
  /** gitConfiguration when it is an object. */
  readonly git: JsonObject | undefined;
  readonly gitPath: string;
}

/** The object triggers, with their paths; non-objects are TRIG003's. */
function triggersOf(pipeline: PipelineIndex): TriggerRef[] {
  const out: TriggerRef[] = [];
  arrayOf(pipeline.root.triggers).forEach((raw, index) => {
    if (!isObject(raw)) return;
    const path = `triggers[${index}]`;
    out.push({ index, path, raw, git: isObject(raw.gitConfiguration) ? raw.gitConfiguration : undefined, gitPath: `${path}.gitConfiguration` });
  });
  return out;
}

interface FilterRef {
  readonly kind: "push" | "pullRequest";
  readonly raw: JsonObject;
  readonly path: string;
}

/** The object filters of a trigger's push and pullRequest lists. */
function filtersOf(trigger: TriggerRef): FilterRef[] {
  const out: FilterRef[] = [];
  if (trigger.git === undefined) return out;
  for (const kind of ["push", "pullRequest"] as const) {
    arrayOf(trigger.git[kind]).forEach((raw, i) => {
      if (isObject(raw)) out.push({ kind, raw, path: `${trigger.gitPath}.${kind}[${i}]` });
    });
  }
  return out;
}

const CRITERIA = ["tags", "branches", "filePaths"] as const;

/** Calls `visit` for every string pattern of every filter criteria of every trigger. */
function forEachPattern(
  pipeline: PipelineIndex,
  visit: (pattern: string, path: string, list: "includes" | "excludes", criteria: JsonObject, criteriaPath: string) => void,
): void {
  for (const trigger of triggersOf(pipeline)) {
    for (const filter of filtersOf(trigger)) {
      for (const c of CRITERIA) {
        const criteria = filter.raw[c];
        if (!isObject(criteria)) continue;
        const criteriaPath = `${filter.path}.${c}`;
        for (const list of ["includes", "excludes"] as const) {
          arrayOf(criteria[list]).forEach((p, i) => {
            if (isString(p) && p !== "") visit(p, `${criteriaPath}.${list}[${i}]`, list, criteria, criteriaPath);
          });
        }
      }
    }
  }
}

const trig001: Rule = {
  id: "TRIG001",
  title: "Triggers need V2",
  codes: ["TRIG001"],
  check(pipeline, _context, report) {
    const triggers = pipeline.root.triggers;
    if (!pipeline.isExplicitV1 || !Array.isArray(triggers) || triggers.length === 0) return;
    report.error(
      "TRIG001",
      "triggers",
      `Triggers can only be used with V2 pipelines (AWS: "Triggers on tag can only be used with V2 pipelines"). Set "pipelineType": "V2" or remove triggers.`,
    );
  },
};

const trig002: Rule = {
  id: "TRIG002",
  title: "At most 50 triggers",
  codes: ["TRIG002"],
  check(pipeline, _context, report) {
    const triggers = pipeline.root.triggers;
    if (triggers === undefined) return;
    if (!Array.isArray(triggers)) {
      report.error("TRIG002", "triggers", `triggers must be a list, not ${jsonType(triggers)}.`);
    } else if (triggers.length > LIMITS.triggers) {
      report.error("TRIG002", "triggers", `A pipeline holds at most ${LIMITS.triggers} triggers; found ${triggers.length}.`);
    }
  },
};

const trig003: Rule = {
  id: "TRIG003",
  title: "providerType",
  codes: ["TRIG003"],
  check(pipeline, _context, report) {
    arrayOf(pipeline.root.triggers).forEach((raw, index) => {
      const path = `triggers[${index}]`;
      if (!isObject(raw)) {
        report.error("TRIG003", path, `A trigger must be an object {"providerType": "${PROVIDER_TYPE}", "gitConfiguration": {...}}, not ${jsonType(raw)}.`);
        return;
      }
      const value = raw.providerType;
      if (value === undefined) {
        const hint = raw.provider !== undefined ? ` The member is "providerType", not "provider" (a user-guide example uses the wrong name).` : "";
        report.error("TRIG003", `${path}.providerType`, `A trigger needs "providerType": "${PROVIDER_TYPE}".${hint}`);
        return;
      }
      const state = enumState(value, [PROVIDER_TYPE]);
      if (state === "not-string" || state === "unknown") {
        report.error("TRIG003", `${path}.providerType`, `providerType must be "${PROVIDER_TYPE}" (the only trigger provider); ${describe(value)} is not valid.`);
      }
    });
  },
};

const trig004: Rule = {
  id: "TRIG004",
  title: "gitConfiguration / sourceActionName",
  codes: ["TRIG004"],
  check(pipeline, _context, report) {
    for (const trigger of triggersOf(pipeline)) {
      const git = trigger.raw.gitConfiguration;
      if (trigger.git === undefined) {
        report.error(
          "TRIG004",
          trigger.gitPath,
          git === undefined
            ? `A trigger needs gitConfiguration with the sourceActionName of a CodeStarSourceConnection source action.`
            : `gitConfiguration must be an object, not ${jsonType(git)}.`,
        );
        continue;
      }
      checkString(report, "TRIG004", `${trigger.gitPath}.sourceActionName`, trigger.git.sourceActionName, ACTION_NAME, {
        required: true,
        label: "gitConfiguration.sourceActionName",
        allowed: "letters, digits and . @ - _",
      });
    }
  },
};

/** The trigger's source action name when it is a valid action name (TRIG004 reports the rest). */
function sourceActionName(trigger: TriggerRef): string | undefined {
  const name = trigger.git?.sourceActionName;
  return isString(name) && ACTION_NAME.pattern!.test(name) && name.length <= ACTION_NAME.max ? name : undefined;
}

function isConnectionSource(action: ActionRef): boolean {
  return action.type.category === "Source" && action.type.provider === PROVIDER_TYPE;
}

/** The connection source action a trigger names, if it names one. */
function targetOf(pipeline: PipelineIndex, name: string): ActionRef | undefined {
  return pipeline.stages[0]?.actions.find((a) => a.name === name && isConnectionSource(a));
}

const trig005: Rule = {
  id: "TRIG005",
  title: "Trigger targets a connection source action",
  codes: ["TRIG005"],
  check(pipeline, _context, report) {
    for (const trigger of triggersOf(pipeline)) {
      const name = sourceActionName(trigger);
      if (name === undefined || targetOf(pipeline, name) !== undefined) continue;
      const named = pipeline.actions.find((a) => a.name === name);
      const detail =
        named === undefined
          ? `no action is named "${name}"`
          : named.stageIndex !== 0
            ? `"${name}" is not a source action of the first stage`
            : `"${name}" is a ${named.type.provider ?? "non-connection"} action`;
      report.error(
        "TRIG005",
        `${trigger.gitPath}.sourceActionName`,
        `${CONNECTION_MESSAGE}: ${detail}. Name a CodeStarSourceConnection (GitHub, GitLab, Bitbucket) action of the source stage.`,
      );
    }
  },
};

const trig006: Rule = {
  id: "TRIG006",
  title: "One trigger per source action",
  codes: ["TRIG006"],
  check(pipeline, _context, report) {
    const seen = new Set<string>();
    for (const trigger of triggersOf(pipeline)) {
      const name = sourceActionName(trigger);
      if (name === undefined) continue;
      if (seen.has(name)) {
        report.error(
          "TRIG006",
          `${trigger.gitPath}.sourceActionName`,
          `A second trigger for source action "${name}": you can't specify more than one trigger per source action. Merge the filters into one trigger (up to ${LIMITS.gitFilters} push and ${LIMITS.gitFilters} pullRequest filters).`,
        );
      } else {
        seen.add(name);
      }
    }
  },
};

const trig007: Rule = {
  id: "TRIG007",
  title: "Filter list sizes",
  codes: ["TRIG007"],
  check(pipeline, _context, report) {
    for (const trigger of triggersOf(pipeline)) {
      if (trigger.git === undefined) continue;
      for (const kind of ["push", "pullRequest"] as const) {
        const filters = trigger.git[kind];
        const path = `${trigger.gitPath}.${kind}`;
        if (filters === undefined) continue;
        if (!Array.isArray(filters)) {
          report.error("TRIG007", path, `${kind} must be a list of 1 to ${LIMITS.gitFilters} filters, not ${jsonType(filters)}.`);
          continue;
        }
        if (filters.length > LIMITS.gitFilters) {
          report.error("TRIG007", path, `A trigger holds at most ${LIMITS.gitFilters} ${kind} filters; found ${filters.length}. Combine patterns inside a filter's includes instead.`);
        }
        filters.forEach((f, i) => {
          if (!isObject(f)) report.error("TRIG007", `${path}[${i}]`, `A ${kind} filter must be an object, not ${jsonType(f)}.`);
        });
      }
    }
  },
};

function checkPatternList(report: Reporter, path: string, list: unknown): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    report.error("TRIG008", path, `Filter patterns must be a list of 1 to ${LIMITS.filterPatterns} strings, not ${jsonType(list)}.`);
    return;
  }
  if (list.length > LIMITS.filterPatterns) {
    report.error("TRIG008", path, `At most ${LIMITS.filterPatterns} patterns are allowed here; found ${list.length}. Merge patterns with {a,b} groups or wildcards.`);
  }
  list.forEach((p, i) => {
    checkString(report, "TRIG008", `${path}[${i}]`, p, FILTER_PATTERN, { label: "Filter pattern" });
  });
}

const trig008: Rule = {
  id: "TRIG008",
  title: "Pattern list sizes",
  codes: ["TRIG008"],
  check(pipeline, _context, report) {
    for (const trigger of triggersOf(pipeline)) {
      for (const filter of filtersOf(trigger)) {
        for (const c of CRITERIA) {
          const criteria = filter.raw[c];
          if (criteria === undefined || (c === "tags" && filter.kind === "pullRequest")) continue; // pull-request tags: GEN005
          const path = `${filter.path}.${c}`;
          if (!isObject(criteria)) {
            report.error("TRIG008", path, `${c} must be an object {"includes": [...], "excludes": [...]}, not ${jsonType(criteria)}.`);
            continue;
          }
          checkPatternList(report, `${path}.includes`, criteria.includes);
          checkPatternList(report, `${path}.excludes`, criteria.excludes);
        }
      }
    }
  },
};

const trig009: Rule = {
  id: "TRIG009",
  title: "Pull-request events",
  codes: ["TRIG009"],
  check(pipeline, _context, report) {
    for (const trigger of triggersOf(pipeline)) {
      for (const filter of filtersOf(trigger)) {
        const events = filter.raw.events;
        if (filter.kind !== "pullRequest" || events === undefined) continue;
        const path = `${filter.path}.events`;
        if (!Array.isArray(events)) {
          report.error("TRIG009", path, `events must be a list of OPEN, UPDATED, CLOSED, not ${jsonType(events)}.`);
          continue;
        }
        if (events.length > PR_EVENTS.length) {
          report.error("TRIG009", path, `events holds at most ${PR_EVENTS.length} values; found ${events.length}.`);
        }
        const seen = new Set<string>();
        events.forEach((e, i) => {
          const state = enumState(e, PR_EVENTS);
          if (state === "not-string" || state === "unknown") {
            report.error("TRIG009", `${path}[${i}]`, `${describe(e)} is not a pull-request event; use OPEN, UPDATED or CLOSED (omit events for all three).`);
          } else if (state === "exact") {
            if (seen.has(e as string)) report.warning("TRIG009", `${path}[${i}]`, `Event ${e} is listed twice; remove the duplicate.`);
            seen.add(e as string);
          }
        });
      }
    }
  },
};

/** Calls `visit` for each object filter that has no branches criteria. */
function forEachFilterWithoutBranches(pipeline: PipelineIndex, visit: (filter: FilterRef) => void): void {
  for (const trigger of triggersOf(pipeline)) {
    for (const filter of filtersOf(trigger)) if (filter.raw.branches === undefined) visit(filter);
  }
}

const trig010: Rule = {
  id: "TRIG010",
  title: "Push filter needs tags or branches",
  codes: ["TRIG010"],
  check(pipeline, _context, report) {
    forEachFilterWithoutBranches(pipeline, (filter) => {
      if (filter.kind !== "push" || filter.raw.tags !== undefined) return;
      report.error("TRIG010", filter.path, `A push filter must specify tags or branches. Add "branches": {"includes": ["main"]} or "tags": {"includes": ["v*"]}.`);
    });
  },
};

const trig011: Rule = {
  id: "TRIG011",
  title: "filePaths need branches",
  codes: ["TRIG011"],
  check(pipeline, _context, report) {
    forEachFilterWithoutBranches(pipeline, (filter) => {
      if (filter.raw.filePaths === undefined) return;
      if (filter.kind === "push") {
        if (filter.raw.tags === undefined) return; // TRIG010
        report.error("TRIG011", `${filter.path}.filePaths`, `filePaths can only be used together with branches; tags and filePaths cannot be combined. Add "branches" or remove "filePaths".`);
      } else {
        report.error("TRIG011", `${filter.path}.filePaths`, `filePaths can only be used together with branches. Add "branches": {"includes": [...]} to this pull-request filter.`);
      }
    });
  },
};

const trig012: Rule = {
  id: "TRIG012",
  title: "Pull-request filter needs branches",
  codes: ["TRIG012"],
  check(pipeline, _context, report) {
    forEachFilterWithoutBranches(pipeline, (filter) => {
      if (filter.kind !== "pullRequest" || filter.raw.filePaths !== undefined) return; // filePaths: TRIG011
      report.error("TRIG012", filter.path, `A pull-request filter must specify branches (the destination branches of the pull request), e.g. "branches": {"includes": ["main"]}.`);
    });
  },
};

const trig013: Rule = {
  id: "TRIG013",
  title: "Neither push nor pullRequest",
  codes: ["TRIG013"],
  check(pipeline, _context, report) {
    for (const trigger of triggersOf(pipeline)) {
      if (trigger.git === undefined || trigger.git.push !== undefined || trigger.git.pullRequest !== undefined) continue;
      report.warning(
        "TRIG013",
        trigger.gitPath,
        `This trigger has neither push nor pullRequest filters; its behaviour is undocumented (CDK rejects it). Add a push or pullRequest filter, or remove the trigger.`,
      );
    }
  },
};

const trig014: Rule = {
  id: "TRIG014",
  title: "Glob sanity",
  codes: ["TRIG014"],
  check(pipeline, _context, report) {
    forEachPattern(pipeline, (pattern, path) => {
      if (pattern.length > FILTER_PATTERN.max) return; // TRIG008
      const issue = globIssue(pattern);
      if (issue) report.warning("TRIG014", path, `Glob ${describe(pattern)} is malformed: ${describeGlobIssue(issue)}.`);
    });
  },
};

const trig015: Rule = {
  id: "TRIG015",
  title: "Same pattern in includes and excludes",
  codes: ["TRIG015"],
  check(pipeline, _context, report) {
    forEachPattern(pipeline, (pattern, path, list, criteria) => {
      if (list !== "includes") return;
      if (arrayOf(criteria.excludes).includes(pattern)) {
        report.warning("TRIG015", path, `${describe(pattern)} is both included and excluded; excludes win, so this include never matches. Remove it from one of the lists.`);
      }
    });
  },
};

/** Whether a branch passes one filter's branches criteria; undefined when a pattern is not a valid glob. */
function branchPasses(criteria: JsonObject, branch: string): boolean | undefined {
  const includes = arrayOf(criteria.includes);
  const excludes = arrayOf(criteria.excludes);
  let included = includes.length === 0;
  for (const p of includes) {
    if (!isString(p)) continue;
    const m = globMatches(p, branch);
    if (m === undefined) return undefined;
    if (m) included = true;
  }
  for (const p of excludes) {
    if (!isString(p)) continue;
    const m = globMatches(p, branch);
    if (m === undefined) return undefined;
    if (m) return false;
  }
  return included;
}

const trig016: Rule = {
  id: "TRIG016",
  title: "BranchName vs branch filters",
  codes: ["TRIG016"],
  check(pipeline, _context, report) {
    for (const trigger of triggersOf(pipeline)) {
      const name = sourceActionName(trigger);
      const action = name !== undefined ? targetOf(pipeline, name) : undefined;
      const branch = action?.configuration?.BranchName;
      if (action === undefined || !isString(branch) || branch === "" || branch.includes("#{")) continue;
      let filtered = false;
      let matched = false;
      let unknown = false;
      for (const filter of filtersOf(trigger)) {
        if (!isObject(filter.raw.branches)) continue;
        filtered = true;
        const passes = branchPasses(filter.raw.branches, branch);
        if (passes === undefined) unknown = true; // TRIG014 reports the bad glob
        else if (passes) matched = true;
      }
      if (!filtered || matched || unknown) continue;
      report.warning(
        "TRIG016",
        `${action.path}.configuration.BranchName`,
        `Source action "${name}" has BranchName "${branch}", but none of its trigger's branch filters match it. With a trigger, BranchName is only used for manual starts, so those would build a branch the trigger never builds. Align BranchName with the branch includes.`,
      );
    }
  },
};

export const triggersRules: readonly Rule[] = [
  trig001,
  trig002,
  trig003,
  trig004,
  trig005,
  trig006,
  trig007,
  trig008,
  trig009,
  trig010,
  trig011,
  trig012,
  trig013,
  trig014,
  trig015,
  trig016,
];
