/**
 * ART rules: artifact names, uniqueness, per-provider counts, produced-before-consumed,
 * and provider-specific artifact conventions.
 */
import { findActionProvider, type ArtifactBounds, type ProviderEntry } from "../../catalog/catalog";
import { ARTIFACT_NAME, LIMITS, OUTPUT_FILE, satisfies } from "../../pipeline/patterns";
import { checkString } from "../checks";
import { arrayOf, describe, isObject, isString, jsonType } from "../../json";
import { joinPath } from "../path";
import { runsBefore, type ActionRef, type ArtifactRef, type PipelineIndex } from "../../pipeline/pipeline-index";
import { defineRule, type Reporter, type Rule } from "../rule";
import { actionLabel, capitalize, forEachConditionRule, isType, validTypeId } from "./actions-support";

const NAME_ALLOWED = "letters, digits, _ and - (no '.', '@' or spaces)";

/** A name that passes ART001; other rules skip the rest so a bad name gives one finding. */
function validName(ref: ArtifactRef): ref is ArtifactRef & { name: string } {
  return ref.name !== undefined && satisfies(ref.name, ARTIFACT_NAME);
}

const isCodeBuild = (a: ActionRef) => a.type.owner === "AWS" && a.type.provider === "CodeBuild" && (a.type.category === "Build" || a.type.category === "Test");

const LISTS = [
  ["inputArtifacts", "Input artifact"],
  ["outputArtifacts", "Output artifact"],
] as const;

const artifactName = defineRule({
  id: "ART001",
  title: "Artifact name format",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      if (!action.isObject) continue;
      for (const [member, label] of LISTS) checkArtifactList(report, action.raw[member], action.path, member, label);
    }
    // Stage-condition rules read artifacts too (COND020 checks where they come from, not their names).
    for (const stage of pipeline.stages) {
      forEachConditionRule(stage, (rule, path) =>
        checkArtifactList(report, rule.inputArtifacts, path, "inputArtifacts", "Rule input artifact"),
      );
    }
  },
});

/** `ownerPath`: the action or rule holding the list `member` (paths are built only to report). */
function checkArtifactList(report: Reporter, list: unknown, ownerPath: string, member: string, label: string): void {
  if (list === undefined || (Array.isArray(list) && list.length === 0)) return;
  if (!Array.isArray(list)) {
    report.error(`${ownerPath}.${member}`, `${member} must be a list of {"name": ...} objects, not a ${jsonType(list)}.`);
    return;
  }
  for (let i = 0; i < list.length; i++) {
    const entry: unknown = list[i];
    if (isObject(entry) && satisfies(entry.name, ARTIFACT_NAME)) continue; // fast path
    const entryPath = `${ownerPath}.${member}[${i}]`;
    if (!isObject(entry)) {
      const hint = isString(entry) ? ` Write {"name": ${describe(entry)}}.` : "";
      report.error(entryPath, `${label} must be an object with a name, not a ${jsonType(entry)}.${hint}`);
      continue;
    }
    checkString(report, joinPath(entryPath, "name"), entry.name, ARTIFACT_NAME, {
      required: true,
      label: `${label} name`,
      allowed: NAME_ALLOWED,
    });
  }
}

const uniqueOutputNames = defineRule({
  id: "ART002",
  title: "Output artifact names unique across the pipeline",
  check(pipeline, _context, report) {
    for (const [name, producers] of pipeline.producers) {
      if (producers.length < 2 || !satisfies(name, ARTIFACT_NAME)) continue;
      const first = producers[0]!;
      let seenFirst = false;
      for (let p = 0; p < producers.length; p++) {
        const action = producers[p]!;
        // An action listed twice produced the name twice; skip it once it has been handled.
        if (p > 0 && producers[p - 1] === action) continue;
        for (const output of action.outputs) {
          if (output.name !== name) continue;
          if (!seenFirst) {
            seenFirst = true;
            continue;
          }
          report.error(
            joinPath(output.path, "name"),
            `Output Artifact Bundle name must be unique within the pipeline. ${name} has been used more than once (first by ${actionLabel(first)}). Rename this output and the inputs that consume it.`,
          );
        }
      }
    }
  },
});

function countOf(value: unknown): number | undefined {
  if (value === undefined) return 0;
  return Array.isArray(value) ? value.length : undefined; // not a list: ART001's
}

function range(b: ArtifactBounds): string {
  return b.min === b.max ? `exactly ${b.min}` : `${b.min} to ${b.max}`;
}

const artifactCounts = defineRule({
  id: "ART003",
  title: "Artifact counts per provider",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      const entry = action.provider;
      if (!entry || !validTypeId(action)) continue;
      const narrower = entry.narrowerDocumentedBounds;
      checkCount(report, action, entry, "inputArtifacts", entry.inputArtifacts, narrower?.inputArtifacts);
      checkCount(report, action, entry, "outputArtifacts", entry.outputArtifacts, narrower?.outputArtifacts);
    }
  },
});

/**
 * Lambda deploy and InspectorScan document 1 input but also input-less modes; CFG005l/CFG005m
 * decide from the configuration whether 0 inputs is right, so the narrower minimum is theirs.
 */
const INPUT_MIN_BY_MODE: ReadonlySet<ProviderEntry> = new Set(
  [findActionProvider("Deploy", "AWS", "Lambda"), findActionProvider("Invoke", "AWS", "InspectorScan")].filter(
    (e): e is ProviderEntry => e !== undefined,
  ),
);

function checkCount(
  report: Reporter,
  action: ActionRef,
  entry: ProviderEntry,
  member: "inputArtifacts" | "outputArtifacts",
  bounds: ArtifactBounds | null,
  narrow: ArtifactBounds | undefined,
): void {
  if (!bounds) return; // not documented: skip
  const count = countOf(action.raw[member]);
  if (count === undefined) return;
  const outsideNarrow = narrow !== undefined && (count > narrow.max || (count < narrow.min && !INPUT_MIN_BY_MODE.has(entry)));
  if (count >= bounds.min && count <= bounds.max && !outsideNarrow) return;
  const word = member === "inputArtifacts" ? "input" : "output";
  const path = `${action.path}.${member}`;
  const provider = entry.providerIsUserDefined ? "A custom action type" : entry.provider;
  const name = action.name ?? "(unnamed)";
  if (count < bounds.min) {
    report.error(
      path,
      `Action ${name} declares ${count} ${word} artifacts which is less than the minimum count (${bounds.min}). ${provider} takes ${range(bounds)} ${word} artifacts; add ${bounds.min - count}.`,
    );
  } else if (count > bounds.max) {
    report.error(
      path,
      `Action ${name} declares ${count} ${word} artifacts which is greater than the maximum count (${bounds.max}). ${provider} takes ${range(bounds)} ${word} artifacts; remove ${count - bounds.max}.`,
    );
  } else if (outsideNarrow) {
    report.warning(
      path,
      `Action ${name} declares ${count} ${word} artifacts; the ${entry.narrowerDocumentedBounds!.source} documents ${range(narrow!)} for ${entry.provider} (other sources allow ${range(bounds)}). It may fail; prefer ${range(narrow!)}.`,
    );
  }
}

const inputsProducedEarlier = defineRule({
  id: "ART004",
  title: "Inputs produced earlier",
  codes: ["ART004a", "ART004b", "ART004c", "ART004d"],
  check(pipeline, _context, report) {
    for (const consumer of pipeline.actions) {
      const inputs = consumer.inputs;
      for (let k = 0; k < inputs.length; k++) {
        const input = inputs[k]!;
        if (input.name === undefined || producedEarlier(pipeline, consumer, input.name)) continue;
        if (!validName(input) || repeatsEarlierInput(inputs, k)) continue; // ART001 / ART005
        reportNotProducedEarlier(pipeline, consumer, input, report);
      }
    }
  },
});

function repeatsEarlierInput(inputs: readonly ArtifactRef[], k: number): boolean {
  const name = inputs[k]!.name;
  for (let j = 0; j < k; j++) if (inputs[j]!.name === name) return true;
  return false;
}

function producedEarlier(pipeline: PipelineIndex, consumer: ActionRef, name: string): boolean {
  const producers = pipeline.producers.get(name);
  if (producers) for (const producer of producers) if (runsBefore(producer, consumer)) return true;
  return false;
}

function reportNotProducedEarlier(pipeline: PipelineIndex, consumer: ActionRef, input: ArtifactRef & { name: string }, report: Reporter): void {
  const path = joinPath(input.path, "name");
  const name = input.name;
  const producers = pipeline.producers.get(name);
  if (!producers) {
    report.as("ART004a").error(
      path,
      `Input artifact ${describe(name)} of ${actionLabel(consumer)} is not produced by any action. Its name must exactly match (case-sensitive) an output artifact of an action that runs earlier.`,
    );
    return;
  }
  let selfProduced = false;
  let sameStage: ActionRef | undefined;
  for (const producer of producers) {
    if (producer === consumer) selfProduced = true;
    else if (producer.stageIndex === consumer.stageIndex) sameStage ??= producer;
  }
  if (selfProduced && !sameStage) {
    report.as("ART004d").error(
      path,
      `${capitalize(actionLabel(consumer))} consumes its own output artifact ${describe(name)}. An action cannot read what it produces; take the input from an earlier action or rename the output.`,
    );
  } else if (sameStage) {
    report.as("ART004c").error(
      path,
      `Input artifact ${describe(name)} of ${actionLabel(consumer)} is produced by ${actionLabel(sameStage)} with runOrder ${sameStage.runOrder}, which does not run before this action (runOrder ${consumer.runOrder}). Give the consumer a higher runOrder than the producer.`,
    );
  } else {
    const later = producers.find((p) => p !== consumer)!;
    report.as("ART004b").error(
      path,
      `Input artifact ${describe(name)} of ${actionLabel(consumer)} is produced only in a later stage (${actionLabel(later)}). Move the producing action to an earlier stage or this action to a later one.`,
    );
  }
}

const duplicateInputs = defineRule({
  id: "ART005",
  title: "Duplicate inputs in one action",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      const inputs = action.inputs;
      if (inputs.length < 2) continue;
      for (let k = 1; k < inputs.length; k++) {
        const input = inputs[k]!;
        if (!validName(input) || !repeatsEarlierInput(inputs, k)) continue;
        report.error(
          joinPath(input.path, "name"),
          `Input artifact ${describe(input.name)} is listed more than once in ${actionLabel(action)}. Remove the duplicate entry.`,
        );
      }
    }
  },
});

const outputFiles = defineRule({
  id: "ART006",
  title: "files only on Compute outputs",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      for (const output of action.outputs) {
        if (!isObject(output.raw)) continue;
        const files = output.raw.files;
        // An empty list is GEN003's; removing it fixes both.
        if (files === undefined || (Array.isArray(files) && files.length === 0)) continue;
        const path = joinPath(output.path, "files");
        if (validTypeId(action) && action.type.category !== "Compute") {
          report.error(
            path,
            `Output artifact files are only for Compute actions: CodePipeline answers "The following action cannot contain a commands field: ${action.name ?? "(unnamed)"}". Remove files (for CodeBuild, select files in the buildspec's artifacts section).`,
          );
          continue;
        }
        if (!Array.isArray(files)) {
          report.error(path, `files must be a list of file paths or globs, not a ${jsonType(files)}.`);
          continue;
        }
        if (files.length > LIMITS.outputFiles) {
          report.error(path, `files has ${files.length} entries; at most ${LIMITS.outputFiles} are allowed. Use globs to select several files at once.`);
        }
        files.forEach((file, i) => checkString(report, joinPath(path, i), file, OUTPUT_FILE, { label: "Output file path" }));
      }
    }
  },
});

/** Names consumed by any action or stage-condition rule. */
function consumedNames(pipeline: PipelineIndex): Set<string> {
  const names = new Set<string>();
  for (const action of pipeline.actions) {
    const raw = action.raw.inputArtifacts;
    // A bare string (entry or whole list) is ART001's shape error, but clearly meant as a use.
    if (isString(raw)) names.add(raw);
    for (const input of action.inputs) {
      if (input.name !== undefined) names.add(input.name);
      else if (isString(input.raw)) names.add(input.raw);
    }
  }
  for (const stage of pipeline.stages) {
    forEachConditionRule(stage, (rule) => {
      for (const input of arrayOf(rule.inputArtifacts)) if (isObject(input) && isString(input.name)) names.add(input.name);
    });
  }
  return names;
}

const unusedOutputs = defineRule({
  id: "ART007",
  title: "Unused outputs",
  check(pipeline, _context, report) {
    if (pipeline.producers.size === 0) return;
    const consumed = consumedNames(pipeline);
    for (const action of pipeline.actions) {
      for (const output of action.outputs) {
        // Duplicates are ART002's: which copy is consumed is ambiguous.
        if (!validName(output) || consumed.has(output.name) || pipeline.producers.get(output.name)!.length > 1) continue;
        report.warning(
          joinPath(output.path, "name"),
          `Output artifact ${describe(output.name)} of ${actionLabel(action)} is not used by any later action or rule. Remove it, or dismiss this warning if you keep it for download.`,
        );
      }
    }
  },
});

const CLONE_REF = "CODEBUILD_CLONE_REF";

const cloneRefConsumers = defineRule({
  id: "ART008",
  title: "Clone-ref artifacts",
  check(pipeline, _context, report) {
    let cloneRefs: Map<string, ActionRef> | undefined;
    for (const action of pipeline.actions) {
      const isGitSource = isType(action, "Source", "AWS", "CodeCommit") || isType(action, "Source", "AWS", "CodeStarSourceConnection");
      if (!isGitSource || action.configuration?.OutputArtifactFormat !== CLONE_REF) continue;
      for (const output of action.outputs) {
        if (output.name !== undefined) (cloneRefs ??= new Map()).set(output.name, action);
      }
    }
    if (!cloneRefs) return;
    const message = (name: string, consumer: string, source: ActionRef) =>
      `Input artifact ${describe(name)} is a CODEBUILD_CLONE_REF artifact of ${actionLabel(source)}, which only CodeBuild actions can use; ${consumer} cannot read it. Feed this action from a CodeBuild output, or set OutputArtifactFormat to CODE_ZIP.`;
    for (const action of pipeline.actions) {
      // An unknown action type is ACT004's finding; whether it can read a clone ref is unknowable.
      if (isCodeBuild(action) || !validTypeId(action) || action.provider === undefined) continue;
      for (const input of action.inputs) {
        const source = input.name !== undefined ? cloneRefs.get(input.name) : undefined;
        if (source) report.warning(joinPath(input.path, "name"), message(input.name!, actionLabel(action), source));
      }
    }
    for (const stage of pipeline.stages) {
      forEachConditionRule(stage, (rule, path) => {
        const provider = isObject(rule.ruleTypeId) ? rule.ruleTypeId.provider : undefined;
        if (provider === "CodeBuild") return;
        arrayOf(rule.inputArtifacts).forEach((input, k) => {
          const name = isObject(input) && isString(input.name) ? input.name : undefined;
          const source = name !== undefined ? cloneRefs!.get(name) : undefined;
          if (source) report.warning(`${path}.inputArtifacts[${k}].name`, message(name!, `rule ${describe(rule.name)}`, source));
        });
      });
    }
  },
});

const BUILDSPEC_IDENTIFIER = /^[A-Za-z0-9_]{1,127}$/;

const codeBuildOutputNames = defineRule({
  id: "ART009",
  title: "CodeBuild multi-output names",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      if (action.outputs.length < 2 || !isCodeBuild(action)) continue;
      for (const output of action.outputs) {
        if (!validName(output) || BUILDSPEC_IDENTIFIER.test(output.name)) continue;
        report.warning(
          joinPath(output.path, "name"),
          `With several output artifacts, CodeBuild matches each name to a secondary-artifact identifier in the buildspec, and identifiers may contain only letters, digits and underscores; ${describe(output.name)} fails at run time. Rename it, e.g. ${describe(output.name.replace(/-/g, "_"))}.`,
        );
      }
    }
  },
});

const cloudFormationOutputFile = defineRule({
  id: "ART010",
  title: "CloudFormation output artifact requires OutputFileName",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      if (!isType(action, "Deploy", "AWS", "CloudFormation")) continue;
      const fileName = action.configuration?.OutputFileName;
      const outputs = action.outputs.length;
      if (outputs === 1 && fileName === undefined) {
        report.warning(
          joinPath(action.path, "outputArtifacts"),
          `${capitalize(actionLabel(action))} declares an output artifact but no OutputFileName, so no stack outputs are written to it. Set configuration OutputFileName (e.g. "outputs.json") or remove the output artifact.`,
        );
      } else if (outputs === 0 && fileName !== undefined && Array.isArray(action.raw.outputArtifacts ?? [])) {
        report.warning(
          joinPath(joinPath(action.path, "configuration"), "OutputFileName"),
          `OutputFileName is set but ${actionLabel(action)} has no output artifact to write it to. Add an output artifact or remove OutputFileName.`,
        );
      }
    }
  },
});

export const artifactsRules: readonly Rule[] = [artifactName, uniqueOutputNames, artifactCounts, inputsProducedEarlier, duplicateInputs, outputFiles, unusedOutputs, cloneRefConsumers, codeBuildOutputNames, cloudFormationOutputFile];
