/**
 * TRIG010–TRIG016: what trigger filters mean — required combinations, glob sanity, dead
 * includes, and whether the source action's BranchName is among the branches a trigger builds.
 */
import { FILTER_PATTERN } from "../../pipeline/patterns";
import { describeGlobIssue, globIssue, globMatches } from "../glob";
import { arrayOf, describe, isObject, isString, type JsonObject } from "../../json";
import { defineRule, type Rule } from "../rule";
import { filtersOf, forEachFilterWithoutBranches, forEachPattern, sourceActionName, targetOf, triggersOf } from "./trigger-helpers";

const pushFilterNeedsTagsOrBranches = defineRule({
  id: "TRIG010",
  title: "Push filter needs tags or branches",
  check(pipeline, _context, report) {
    forEachFilterWithoutBranches(pipeline, (filter) => {
      if (filter.kind !== "push" || filter.raw.tags !== undefined) return;
      report.error(filter.path, `A push filter must specify tags or branches. Add "branches": {"includes": ["main"]} or "tags": {"includes": ["v*"]}.`);
    });
  },
});

const filePathsNeedBranches = defineRule({
  id: "TRIG011",
  title: "filePaths need branches",
  check(pipeline, _context, report) {
    forEachFilterWithoutBranches(pipeline, (filter) => {
      if (filter.raw.filePaths === undefined) return;
      if (filter.kind === "push") {
        if (filter.raw.tags === undefined) return; // TRIG010
        report.error(`${filter.path}.filePaths`, `filePaths can only be used together with branches; tags and filePaths cannot be combined. Add "branches" or remove "filePaths".`);
      } else {
        report.error(`${filter.path}.filePaths`, `filePaths can only be used together with branches. Add "branches": {"includes": [...]} to this pull-request filter.`);
      }
    });
  },
});

const pullRequestNeedsBranches = defineRule({
  id: "TRIG012",
  title: "Pull-request filter needs branches",
  check(pipeline, _context, report) {
    forEachFilterWithoutBranches(pipeline, (filter) => {
      if (filter.kind !== "pullRequest" || filter.raw.filePaths !== undefined) return; // filePaths: TRIG011
      report.error(filter.path, `A pull-request filter must specify branches (the destination branches of the pull request), e.g. "branches": {"includes": ["main"]}.`);
    });
  },
});

const pushOrPullRequest = defineRule({
  id: "TRIG013",
  title: "Neither push nor pullRequest",
  check(pipeline, _context, report) {
    for (const trigger of triggersOf(pipeline)) {
      if (trigger.git === undefined || trigger.git.push !== undefined || trigger.git.pullRequest !== undefined) continue;
      report.warning(
        trigger.gitPath,
        `This trigger has neither push nor pullRequest filters; its behaviour is undocumented (CDK rejects it). Add a push or pullRequest filter, or remove the trigger.`,
      );
    }
  },
});

const globSanity = defineRule({
  id: "TRIG014",
  title: "Glob sanity",
  check(pipeline, _context, report) {
    forEachPattern(pipeline, (pattern, path) => {
      if (pattern.length > FILTER_PATTERN.max) return; // TRIG008
      const issue = globIssue(pattern);
      if (issue) report.warning(path, `Glob ${describe(pattern)} is malformed: ${describeGlobIssue(issue)}.`);
    });
  },
});

const includedAndExcluded = defineRule({
  id: "TRIG015",
  title: "Same pattern in includes and excludes",
  check(pipeline, _context, report) {
    forEachPattern(pipeline, (pattern, path, list, criteria) => {
      if (list !== "includes") return;
      if (arrayOf(criteria.excludes).includes(pattern)) {
        report.warning(path, `${describe(pattern)} is both included and excluded; excludes win, so this include never matches. Remove it from one of the lists.`);
      }
    });
  },
});

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

const branchNameMatchesFilters = defineRule({
  id: "TRIG016",
  title: "BranchName vs branch filters",
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
      // Only when the trigger filters branches at all: a tag-only trigger builds tags by design.
      if (!filtered || matched || unknown) continue;
      // Reported on BranchName: it is the value that is silently ignored by automatic starts.
      report.warning(
        `${action.path}.configuration.BranchName`,
        `Source action "${name}" has BranchName "${branch}", but none of its trigger's branch filters match it. With a trigger, BranchName is only used for manual starts, so those would build a branch the trigger never builds. Align BranchName with the branch includes.`,
      );
    }
  },
});

export const triggerFilterRules: readonly Rule[] = [pushFilterNeedsTagsOrBranches, filePathsNeedBranches, pullRequestNeedsBranches, pushOrPullRequest, globSanity, includedAndExcluded, branchNameMatchesFilters];
