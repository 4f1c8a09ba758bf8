/** STG001–STG007: stage names, action counts, source placement and blockers. */
import { BLOCKER_NAME, LIMITS, STAGE_NAME, satisfies } from "../../pipeline/patterns";
import { checkString } from "../checks";
import { arrayOf, describe, isObject, jsonType } from "../../json";
import { defineRule, type Rule } from "../rule";
import { ENUMS } from "../../pipeline/model-tables.generated";
import { enumState } from "../enums";

const stageName = defineRule({
  id: "STG001",
  title: "Stage name format",
  check(p, _c, report) {
    for (const stage of p.stages) {
      if (!stage.isObject) {
        report.error(stage.path, `Each stage must be an object {name, actions}, not a ${jsonType(arrayOf(p.root.stages)[stage.index])}.`);
        continue;
      }
      checkString(report, `${stage.path}.name`, stage.raw.name, STAGE_NAME, {
        required: true,
        label: "Stage name",
        allowed: "letters, digits and . @ - _ (no spaces)",
      });
    }
  },
});

const uniqueStageNames = defineRule({
  id: "STG002",
  title: "Stage names unique in the pipeline",
  check(p, _c, report) {
    const first = new Map<string, number>();
    for (const stage of p.stages) {
      const name = stage.name;
      if (!satisfies(name, STAGE_NAME)) continue; // STG001's
      const earlier = first.get(name);
      if (earlier === undefined) first.set(name, stage.index);
      else {
        report.error(`${stage.path}.name`,
          `Stage name ${describe(name)} is already used by stages[${earlier}]; stage names must be unique in the pipeline. Rename this stage.`);
      }
    }
  },
});

const stageHasActions = defineRule({
  id: "STG003",
  title: "Stage has at least one action",
  check(p, _c, report) {
    for (const stage of p.stages) {
      if (!stage.isObject) continue; // STG001's
      const actions = stage.raw.actions;
      const at = `${stage.path}.actions`;
      const label = `Stage ${describe(stage.name ?? `stages[${stage.index}]`)}`;
      if (actions === undefined) report.error(at, `${label} has no actions member; every stage needs at least one action.`);
      else if (!Array.isArray(actions)) report.error(at, `${label}: actions must be a list, not a ${jsonType(actions)}.`);
      else if (actions.length === 0) report.error(at, `${label} has no actions; add at least one action or remove the stage.`);
    }
  },
});

const maxActionsPerStage = defineRule({
  id: "STG004",
  title: "At most 50 actions per stage",
  check(p, _c, report) {
    for (const stage of p.stages) {
      if (stage.actions.length > LIMITS.actionsPerStage) {
        report.error(`${stage.path}.actions`,
          `Stage ${describe(stage.name)} has ${stage.actions.length} actions; the limit is ${LIMITS.actionsPerStage} per stage. Move some actions to another stage.`);
      }
    }
  },
});

/** True when the category is a valid non-Source value (missing/unknown/wrong-case are other rules'). */
function isOtherCategory(category: string | undefined): category is string {
  return category !== "Source" && enumState(category, ENUMS.ActionCategory) === "exact";
}

const firstStageIsSource = defineRule({
  id: "STG005",
  title: "First stage = source stage",
  check(p, _c, report) {
    const stage = p.stages[0];
    if (!stage) return;
    const offenders = stage.actions.filter((a) => isOtherCategory(a.type.category));
    const first = offenders[0];
    if (!first) return;
    const more = offenders.length > 1 ? ` (and ${offenders.length - 1} more non-source action${offenders.length > 2 ? "s" : ""})` : "";
    report.error(`${first.path}.actionTypeId.category`,
      `The first stage must contain only Source actions, but ${describe(first.name)} is a ${first.type.category} action${more}. ` +
        "Move it to a later stage.");
  },
});

const sourceOnlyFirst = defineRule({
  id: "STG006",
  title: "Source actions only in the first stage",
  check(p, _c, report) {
    for (const action of p.actions) {
      if (action.stageIndex === 0 || action.type.category !== "Source") continue;
      report.error(`${action.path}.actionTypeId.category`,
        `Source action ${describe(action.name)} is in stage ${describe(action.stage.name ?? action.stageIndex)}; source actions may only be in the first stage. Move it there.`);
    }
  },
});

const blockers = defineRule({
  id: "STG007",
  title: "Blockers",
  check(p, _c, report) {
    for (const stage of p.stages) {
      const list = stage.raw.blockers;
      if (list === undefined) continue;
      const at = `${stage.path}.blockers`;
      report.warning(at,
        "blockers is reserved for future use by CodePipeline (InvalidBlockerDeclarationException is possible); remove it.");
      if (!Array.isArray(list)) {
        report.error(at, `blockers must be a list, not a ${jsonType(list)}.`);
        continue;
      }
      list.forEach((blocker: unknown, i) => {
        const path = `${at}[${i}]`;
        if (!isObject(blocker)) {
          report.error(path, `A blocker must be an object {name, type}, not a ${jsonType(blocker)}.`);
          return;
        }
        checkString(report, `${path}.name`, blocker.name, BLOCKER_NAME, { required: true, label: "Blocker name" });
        const type = blocker.type;
        if (type === undefined) report.error(`${path}.type`, 'Blocker type is required; the only type is "Schedule".');
        else if (enumState(type, ENUMS.BlockerType) === "unknown") {
          report.error(`${path}.type`, `Blocker type ${describe(type)} is not valid; the only type is "Schedule".`);
        }
      });
    }
  },
});

export const stagesRules: readonly Rule[] = [
  stageName,
  uniqueStageNames,
  stageHasActions,
  maxActionsPerStage,
  firstStageIsSource,
  sourceOnlyFirst,
  blockers,
];
