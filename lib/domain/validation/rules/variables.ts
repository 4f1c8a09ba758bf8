/**
 * VAR001–VAR018: pipeline variables, action namespaces and `#{ns.key}` references in action
 * fields. References inside stage-condition rules are COND021's (conditions-rules.ts).
 */
import {
  LIMITS,
  NAMESPACE,
  satisfies,
  VARIABLE_DEFAULT,
  VARIABLE_DESCRIPTION,
  VARIABLE_NAME,
} from "../../pipeline/patterns";
import { checkString } from "../checks";
import { arrayOf, describe, isObject, isString, jsonType } from "../../json";
import type { PipelineIndex } from "../../pipeline/pipeline-index";
import { defineRule, type Rule } from "../rule";
import {
  CODEPIPELINE_NAMESPACE,
  emitsNoVariables,
  VARIABLES_NAMESPACE,
  type ReferenceCode,
} from "../variable-references";
import { referenceIndex, sitePath } from "./variable-sites";

const NAME_ALLOWED = "letters, digits, @, - and _";

const variablesNeedV2 = defineRule({
  id: "VAR001",
  title: "Pipeline variables need V2",
  check(pipeline, _context, report) {
    const variables = pipeline.root.variables;
    if (!pipeline.isExplicitV1 || !Array.isArray(variables) || variables.length === 0) return;
    report.error("variables", `Pipeline variables need a V2 pipeline. Set "pipelineType": "V2" or remove variables.`);
  },
});

const maxVariables = defineRule({
  id: "VAR002",
  title: "At most 50 pipeline variables",
  check(pipeline, _context, report) {
    const variables = pipeline.root.variables;
    if (variables === undefined) return;
    if (!Array.isArray(variables)) {
      report.error("variables", `variables must be a list of {"name": ..., "defaultValue": ...}, not ${jsonType(variables)}.`);
    } else if (variables.length > LIMITS.variables) {
      report.error("variables", `A pipeline holds at most ${LIMITS.variables} variables; found ${variables.length}.`);
    }
  },
});

const variableName = defineRule({
  id: "VAR003",
  title: "Pipeline variable name",
  check(pipeline, _context, report) {
    const seen = new Set<string>();
    arrayOf(pipeline.root.variables).forEach((v, i) => {
      const path = `variables[${i}]`;
      if (!isObject(v)) {
        report.error(path, `A pipeline variable must be an object {"name": ..., "defaultValue": ...}, not ${jsonType(v)}.`);
        return;
      }
      if (!checkString(report, `${path}.name`, v.name, VARIABLE_NAME, { required: true, label: "Pipeline variable name", allowed: NAME_ALLOWED })) return;
      const name = v.name as string;
      if (seen.has(name)) report.error(`${path}.name`, `Pipeline variable "${name}" is declared twice; variable names must be unique.`);
      seen.add(name);
    });
  },
});

const variableDefaultAndDescription = defineRule({
  id: "VAR004",
  title: "Variable default and description",
  check(pipeline, _context, report) {
    arrayOf(pipeline.root.variables).forEach((v, i) => {
      if (!isObject(v)) return;
      checkString(report, `variables[${i}].defaultValue`, v.defaultValue, VARIABLE_DEFAULT, { label: "Variable defaultValue" });
      checkString(report, `variables[${i}].description`, v.description, VARIABLE_DESCRIPTION, { label: "Variable description" });
    });
  },
});

const MAX_FINDINGS_PER_FIELD = 10;

const referencesResolve = defineRule({
  id: "VAR005",
  title: "Variable references resolve (syntax, namespace, order, declared variable, known key)",
  codes: ["VAR005", "VAR006", "VAR007", "VAR008", "VAR009", "VAR010"] satisfies ReferenceCode[],
  check(pipeline, _context, report) {
    // A reference has at most one of these problems; the reference index checked them all.
    // A value may hold thousands of broken references: report the first few per field, then a count.
    const perField = new Map<string, number>();
    for (const { site, finding } of referenceIndex(pipeline).actionFindings) {
      const path = sitePath(site);
      const seen = (perField.get(path) ?? 0) + 1;
      perField.set(path, seen);
      if (seen <= MAX_FINDINGS_PER_FIELD) report.as(finding.code).report(finding.severity, path, finding.message);
    }
    for (const [path, seen] of perField) {
      if (seen > MAX_FINDINGS_PER_FIELD) {
        report.warning(path, `${seen - MAX_FINDINGS_PER_FIELD} more variable-reference problems in this field are not listed; fix the ones above first.`);
      }
    }
  },
});

const namespaceFormat = defineRule({
  id: "VAR011",
  title: "Namespace format",
  check(pipeline, _context, report) {
    const options = { label: "Namespace", allowed: `${NAME_ALLOWED} (no periods, which would break #{namespace.key})` };
    // String namespaces are checked once per distinct value.
    pipeline.namespaceOwners.forEach((owners, namespace) => {
      if (satisfies(namespace, NAMESPACE)) return;
      for (const owner of owners) checkString(report, `${owner.path}.namespace`, namespace, NAMESPACE, options);
    });
    for (const action of pipeline.actions) {
      const ns = action.raw.namespace;
      if (ns !== undefined && action.namespace === undefined) checkString(report, `${action.path}.namespace`, ns, NAMESPACE, options);
    }
  },
});

const uniqueNamespaces = defineRule({
  id: "VAR012",
  title: "Namespace unique in the pipeline",
  check(pipeline, _context, report) {
    for (const { namespace, owners } of referenceIndex(pipeline).usableNamespaces) {
      for (let i = 1; i < owners.length; i++) {
        report.error(`${owners[i]!.path}.namespace`, `Namespaces must be unique across the pipeline definition; "${namespace}" is already used by action "${owners[0]!.name ?? "?"}". Choose a different namespace.`);
      }
    }
  },
});

const namespaceNotArtifactName = defineRule({
  id: "VAR013",
  title: "Namespace differs from every artifact name",
  check(pipeline, _context, report) {
    for (const { namespace, owners } of referenceIndex(pipeline).usableNamespaces) {
      if (!pipeline.producers.has(namespace)) continue; // case-sensitive, as names are everywhere else
      for (const owner of owners) {
        report.error(`${owner.path}.namespace`, `Namespace "${namespace}" is also an artifact name; namespaces cannot conflict with artifact names. Rename one, e.g. "${namespace}Variables".`);
      }
    }
  },
});

const reservedNamespaces = defineRule({
  id: "VAR014",
  title: "Reserved namespaces",
  check(pipeline, _context, report) {
    for (const reserved of [CODEPIPELINE_NAMESPACE, VARIABLES_NAMESPACE]) {
      for (const owner of pipeline.namespaceOwners.get(reserved) ?? []) {
        report.error(
          `${owner.path}.namespace`,
          reserved === CODEPIPELINE_NAMESPACE
            ? `The namespace "codepipeline" is reserved for pipeline-level values (#{codepipeline.PipelineExecutionId}). Choose another namespace.`
            : `The namespace "variables" is used by pipeline variables (#{variables.name}), so an action cannot use it. Choose another namespace.`,
        );
      }
    }
  },
});

const namespaceWithoutVariables = defineRule({
  id: "VAR015",
  title: "Namespace on a provider that emits nothing",
  check(pipeline, _context, report) {
    for (const { namespace, owners } of referenceIndex(pipeline).usableNamespaces) {
      for (const owner of owners) {
        if (!emitsNoVariables(owner.provider)) continue;
        report.warning(`${owner.path}.namespace`, `${owner.type.provider} actions produce no output variables, so namespace "${namespace}" has no effect. Remove it.`);
      }
    }
  },
});

const referencesInLiteralFields = defineRule({
  id: "VAR016",
  title: "References in non-resolving fields",
  check(pipeline, _context, report) {
    // Reported even where the field's own pattern rule fires too: this says why the value did not
    // become what the author expected.
    for (const site of referenceIndex(pipeline).literalSites) {
      if (site.refs.every((r) => r.problem === "unclosed")) continue;
      report.warning(sitePath(site), `Variable references are not resolved in ${site.field}; ${describe(site.text)} is taken literally. Use a fixed value here and keep references to configuration values, environment variables and commands.`);
    }
  },
});

/** Whether executions can start without a person supplying variables (triggers or change detection). */
function startsAutomatically(pipeline: PipelineIndex): boolean {
  if (arrayOf(pipeline.root.triggers).length > 0) return true;
  for (const action of pipeline.stages[0]?.actions ?? []) {
    if (action.type.category !== "Source") continue;
    if (action.type.provider === "CodeStarSourceConnection" && action.configuration?.DetectChanges === "false") continue;
    return true; // polling, EventBridge rules or webhooks start it
  }
  return false;
}

const variableWithoutDefault = defineRule({
  id: "VAR017",
  title: "Variable without default",
  check(pipeline, _context, report) {
    const variables = pipeline.root.variables;
    if (!Array.isArray(variables) || variables.length === 0 || !startsAutomatically(pipeline)) return;
    variables.forEach((v, i) => {
      if (!isObject(v) || v.defaultValue !== undefined || !isString(v.name)) return;
      report.warning(`variables[${i}]`, `Pipeline variable "${v.name}" has no defaultValue. Executions started automatically (source changes, triggers) cannot supply it and fail; add a "defaultValue".`);
    });
  },
});

const unusedNamespacesAndVariables = defineRule({
  id: "VAR018",
  title: "Unused namespace / variable",
  check(pipeline, _context, report) {
    if (pipeline.namespaceOwners.size === 0 && pipeline.variableNames.size === 0) return;
    // A reference anywhere counts, even where it is not resolved (VAR016 says so).
    const { usedNamespaces, usedVariables, usableNamespaces } = referenceIndex(pipeline);
    for (const { namespace, owners } of usableNamespaces) {
      const owner = owners[0]!; // duplicates are VAR012's
      if (usedNamespaces.has(namespace) || emitsNoVariables(owner.provider)) continue; // VAR015
      report.warning(`${owner.path}.namespace`, `Namespace "${namespace}" is never referenced. Remove it, or use its variables as #{${namespace}.<key>} in a later action.`);
    }
    const reported = new Set<string>();
    arrayOf(pipeline.root.variables).forEach((v, i) => {
      if (!isObject(v) || !satisfies(v.name, VARIABLE_NAME)) return;
      const name = v.name;
      if (usedVariables.has(name) || reported.has(name)) return;
      reported.add(name);
      report.warning(`variables[${i}].name`, `Pipeline variable "${name}" is never referenced. Remove it, or use it as #{variables.${name}}.`);
    });
  },
});

export const variablesRules: readonly Rule[] = [
  variablesNeedV2,
  maxVariables,
  variableName,
  variableDefaultAndDescription,
  referencesResolve,
  namespaceFormat,
  uniqueNamespaces,
  namespaceNotArtifactName,
  reservedNamespaces,
  namespaceWithoutVariables,
  referencesInLiteralFields,
  variableWithoutDefault,
  unusedNamespacesAndVariables,
];
