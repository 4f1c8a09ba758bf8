/**
 * TRIG001–TRIG009: V2 git triggers — V2 requirement, counts, providerType, target source action,
 * filter and pattern list shapes, pull-request events. Filter semantics are in triggers-filters.ts.
 */
import { ENUMS } from "../../pipeline/model-tables.generated";
import { ACTION_NAME, FILTER_PATTERN, LIMITS, PROVIDER, satisfies } from "../../pipeline/patterns";
import { checkString } from "../checks";
import { arrayOf, describe, isObject, jsonType } from "../../json";
import { defineRule, type Reporter, type Rule } from "../rule";
import { enumState } from "../enums";
import { CONNECTION_PROVIDER, CRITERIA, filtersOf, PROVIDER_TYPE, sourceActionName, targetOf, triggersOf } from "./trigger-helpers";
import { triggerFilterRules } from "./triggers-filters";

const PR_EVENTS = ENUMS.GitPullRequestEventType;
const CONNECTION_MESSAGE = "Triggers for connection must reference a CodeStarSourceConnection action";

const triggersNeedV2 = defineRule({
  id: "TRIG001",
  title: "Triggers need V2",
  check(pipeline, _context, report) {
    const triggers = pipeline.root.triggers;
    // An empty list configures nothing (and is what some tools emit for V1): not reported.
    if (!pipeline.isExplicitV1 || !Array.isArray(triggers) || triggers.length === 0) return;
    report.error(
      "triggers",
      `Triggers can only be used with V2 pipelines (AWS: "Triggers on tag can only be used with V2 pipelines"). Set "pipelineType": "V2" or remove triggers.`,
    );
  },
});

const maxTriggers = defineRule({
  id: "TRIG002",
  title: "At most 50 triggers",
  check(pipeline, _context, report) {
    const triggers = pipeline.root.triggers;
    if (triggers === undefined) return;
    if (!Array.isArray(triggers)) {
      report.error("triggers", `triggers must be a list, not ${jsonType(triggers)}.`);
    } else if (triggers.length > LIMITS.triggers) {
      report.error("triggers", `A pipeline holds at most ${LIMITS.triggers} triggers; found ${triggers.length}.`);
    }
  },
});

const providerType = defineRule({
  id: "TRIG003",
  title: "providerType",
  check(pipeline, _context, report) {
    arrayOf(pipeline.root.triggers).forEach((raw, index) => {
      const path = `triggers[${index}]`;
      if (!isObject(raw)) {
        report.error(path, `A trigger must be an object {"providerType": "${PROVIDER_TYPE}", "gitConfiguration": {...}}, not ${jsonType(raw)}.`);
        return;
      }
      const value = raw.providerType;
      if (value === undefined) {
        const hint = raw.provider !== undefined ? ` The member is "providerType", not "provider" (a user-guide example uses the wrong name).` : "";
        report.error(`${path}.providerType`, `A trigger needs "providerType": "${PROVIDER_TYPE}".${hint}`);
        return;
      }
      const state = enumState(value, ENUMS.TriggerProviderType);
      if (state === "not-string" || state === "unknown") {
        report.error(`${path}.providerType`, `providerType must be "${PROVIDER_TYPE}" (the only trigger provider); ${describe(value)} is not valid.`);
      }
    });
  },
});

const gitConfiguration = defineRule({
  id: "TRIG004",
  title: "gitConfiguration / sourceActionName",
  check(pipeline, _context, report) {
    for (const trigger of triggersOf(pipeline)) {
      const git = trigger.raw.gitConfiguration;
      if (trigger.git === undefined) {
        report.error(
          trigger.gitPath,
          git === undefined
            ? `A trigger needs gitConfiguration with the sourceActionName of a CodeStarSourceConnection source action.`
            : `gitConfiguration must be an object, not ${jsonType(git)}.`,
        );
        continue;
      }
      checkString(report, `${trigger.gitPath}.sourceActionName`, trigger.git.sourceActionName, ACTION_NAME, {
        required: true,
        label: "gitConfiguration.sourceActionName",
        allowed: "letters, digits and . @ - _",
      });
    }
  },
});

const targetsConnectionSource = defineRule({
  id: "TRIG005",
  title: "Trigger targets a connection source action",
  check(pipeline, _context, report) {
    for (const trigger of triggersOf(pipeline)) {
      const name = sourceActionName(trigger);
      if (name === undefined || targetOf(pipeline, name) !== undefined) continue;
      const named = pipeline.actions.find((a) => a.name === name);
      if (named !== undefined && named.stageIndex === 0) {
        // A trigger needs a CodeStarSourceConnection action whatever else the action is, so an
        // unknown or custom provider (ACT004's finding about the action) does not excuse it.
        // A missing or malformed provider is ACT003's: what the action is meant to be is unknown.
        if (!satisfies(named.type.provider, PROVIDER)) continue;
        // A connection provider under an unknown category is ACT004's alone.
        if (named.type.provider === CONNECTION_PROVIDER && named.provider === undefined) continue;
      }
      const detail =
        named === undefined
          ? `no action is named "${name}"`
          : named.stageIndex !== 0
            ? `"${name}" is not a source action of the first stage`
            : named.type.provider !== CONNECTION_PROVIDER
              ? `"${name}" is a ${named.type.provider} action`
              : `"${name}" is not in the Source category`;
      report.error(
        `${trigger.gitPath}.sourceActionName`,
        `${CONNECTION_MESSAGE}: ${detail}. Name a CodeStarSourceConnection (GitHub, GitLab, Bitbucket) action of the source stage.`,
      );
    }
  },
});

const oneTriggerPerSource = defineRule({
  id: "TRIG006",
  title: "One trigger per source action",
  check(pipeline, _context, report) {
    const seen = new Set<string>();
    for (const trigger of triggersOf(pipeline)) {
      const name = sourceActionName(trigger);
      if (name === undefined) continue;
      if (seen.has(name)) {
        report.error(
          `${trigger.gitPath}.sourceActionName`,
          `A second trigger for source action "${name}": you can't specify more than one trigger per source action. Merge the filters into one trigger (up to ${LIMITS.gitFilters} push and ${LIMITS.gitFilters} pullRequest filters).`,
        );
      } else {
        seen.add(name);
      }
    }
  },
});

const filterListSizes = defineRule({
  id: "TRIG007",
  title: "Filter list sizes",
  check(pipeline, _context, report) {
    for (const trigger of triggersOf(pipeline)) {
      if (trigger.git === undefined) continue;
      for (const kind of ["push", "pullRequest"] as const) {
        const filters = trigger.git[kind];
        const path = `${trigger.gitPath}.${kind}`;
        if (filters === undefined) continue;
        if (!Array.isArray(filters)) {
          report.error(path, `${kind} must be a list of 1 to ${LIMITS.gitFilters} filters, not ${jsonType(filters)}.`);
          continue;
        }
        if (filters.length > LIMITS.gitFilters) {
          report.error(path, `A trigger holds at most ${LIMITS.gitFilters} ${kind} filters; found ${filters.length}. Combine patterns inside a filter's includes instead.`);
        }
        filters.forEach((f, i) => {
          if (!isObject(f)) report.error(`${path}[${i}]`, `A ${kind} filter must be an object, not ${jsonType(f)}.`);
        });
      }
    }
  },
});

function checkPatternList(report: Reporter, path: string, list: unknown): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    report.error(path, `Filter patterns must be a list of 1 to ${LIMITS.filterPatterns} strings, not ${jsonType(list)}.`);
    return;
  }
  if (list.length > LIMITS.filterPatterns) {
    report.error(path, `At most ${LIMITS.filterPatterns} patterns are allowed here; found ${list.length}. Merge patterns with {a,b} groups or wildcards.`);
  }
  list.forEach((p, i) => {
    checkString(report, `${path}[${i}]`, p, FILTER_PATTERN, { label: "Filter pattern" });
  });
}

const patternListSizes = defineRule({
  id: "TRIG008",
  title: "Pattern list sizes",
  check(pipeline, _context, report) {
    for (const trigger of triggersOf(pipeline)) {
      for (const filter of filtersOf(trigger)) {
        for (const c of CRITERIA) {
          const criteria = filter.raw[c];
          if (criteria === undefined || (c === "tags" && filter.kind === "pullRequest")) continue; // pull-request tags: GEN005
          const path = `${filter.path}.${c}`;
          if (!isObject(criteria)) {
            report.error(path, `${c} must be an object {"includes": [...], "excludes": [...]}, not ${jsonType(criteria)}.`);
            continue;
          }
          checkPatternList(report, `${path}.includes`, criteria.includes);
          checkPatternList(report, `${path}.excludes`, criteria.excludes);
        }
      }
    }
  },
});

const pullRequestEvents = defineRule({
  id: "TRIG009",
  title: "Pull-request events",
  check(pipeline, _context, report) {
    for (const trigger of triggersOf(pipeline)) {
      for (const filter of filtersOf(trigger)) {
        const events = filter.raw.events;
        if (filter.kind !== "pullRequest" || events === undefined) continue;
        const path = `${filter.path}.events`;
        if (!Array.isArray(events)) {
          report.error(path, `events must be a list of OPEN, UPDATED, CLOSED, not ${jsonType(events)}.`);
          continue;
        }
        if (events.length > PR_EVENTS.length) {
          report.error(path, `events holds at most ${PR_EVENTS.length} values; found ${events.length}.`);
        }
        const seen = new Set<string>();
        events.forEach((e, i) => {
          const state = enumState(e, PR_EVENTS);
          if (state === "not-string" || state === "unknown") {
            report.error(`${path}[${i}]`, `${describe(e)} is not a pull-request event; use OPEN, UPDATED or CLOSED (omit events for all three).`);
          } else if (state === "exact") {
            if (seen.has(e as string)) report.warning(`${path}[${i}]`, `Event ${e} is listed twice; remove the duplicate.`);
            seen.add(e as string);
          }
        });
      }
    }
  },
});

export const triggersRules: readonly Rule[] = [
  triggersNeedV2,
  maxTriggers,
  providerType,
  gitConfiguration,
  targetsConnectionSource,
  oneTriggerPerSource,
  filterListSizes,
  patternListSizes,
  pullRequestEvents,
  ...triggerFilterRules,
];
