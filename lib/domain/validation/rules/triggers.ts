/**
 * TRIG001–TRIG009: V2 git triggers — V2 requirement, counts, providerType, target source action,
 * filter and pattern list shapes, pull-request events. Filter semantics are in triggers-filters.ts.
 */
import { GitPullRequestEventTypeSchema, TriggerProviderTypeSchema } from "../../pipeline/declaration";
import { ACTION_NAME, FILTER_PATTERN, LIMITS } from "../../pipeline/patterns";
import { checkString } from "../checks";
import { arrayOf, describe, isObject, jsonType } from "../../json";
import type { Reporter, Rule } from "../rule";
import { enumState } from "./enums";
import { CONNECTION_PROVIDER, CRITERIA, filtersOf, PROVIDER_TYPE, sourceActionName, targetOf, triggersOf } from "./trigger-helpers";
import { triggerFilterRules } from "./triggers-filters";

const PR_EVENTS = GitPullRequestEventTypeSchema.options;
const CONNECTION_MESSAGE = "Triggers for connection must reference a CodeStarSourceConnection action";

const trig001: Rule = {
  id: "TRIG001",
  title: "Triggers need V2",
  codes: ["TRIG001"],
  check(pipeline, _context, report) {
    const triggers = pipeline.root.triggers;
    // An empty list configures nothing (and is what some tools emit for V1): not reported.
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
      const state = enumState(value, TriggerProviderTypeSchema.options);
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

const trig005: Rule = {
  id: "TRIG005",
  title: "Trigger targets a connection source action",
  codes: ["TRIG005"],
  check(pipeline, _context, report) {
    for (const trigger of triggersOf(pipeline)) {
      const name = sourceActionName(trigger);
      if (name === undefined || targetOf(pipeline, name) !== undefined) continue;
      const named = pipeline.actions.find((a) => a.name === name);
      // A first-stage action of an unknown type is ACT004's; what it is cannot be judged here.
      if (named !== undefined && named.stageIndex === 0 && named.provider === undefined) continue;
      const detail =
        named === undefined
          ? `no action is named "${name}"`
          : named.stageIndex !== 0
            ? `"${name}" is not a source action of the first stage`
            : named.type.provider !== CONNECTION_PROVIDER
              ? `"${name}" is a ${named.type.provider ?? "non-connection"} action`
              : `"${name}" is not in the Source category`;
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
  ...triggerFilterRules,
];
