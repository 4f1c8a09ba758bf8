/**
 * ACT rules that read the provider catalog or the deployment context: known action types,
 * versions, regional availability, retired providers, masked secrets.
 */
import { ACTION_PROVIDERS, type ProviderEntry } from "../../catalog/catalog";
import { CODEPIPELINE_REGIONS, partitionOf } from "../../catalog/regions";
import { SECRET_MASK, secretKeysOf } from "../../catalog/secrets";
import { TYPE_VERSION, satisfies } from "../../pipeline/patterns";
import type { ValidationContext } from "../context";
import { arrayOf, describe, isObject, isString, type JsonObject } from "../../json";
import { joinPath } from "../path";
import type { ActionRef } from "../../pipeline/pipeline-index";
import { defineRule, type Reporter, type Rule } from "../rule";
import { actionLabel, capitalize, validTypeId } from "./actions-support";

/** owner + provider → the catalog rows with that pair (all categories), for "did you mean" hints. */
const ROWS_BY_PROVIDER = new Map<string, ProviderEntry[]>();
for (const entry of ACTION_PROVIDERS) {
  if (entry.providerIsUserDefined) continue;
  const key = entry.provider.toLowerCase();
  const rows = ROWS_BY_PROVIDER.get(key);
  if (rows) rows.push(entry);
  else ROWS_BY_PROVIDER.set(key, [entry]);
}

function typeText(action: ActionRef): string {
  const t = action.type;
  return `ActionType (Category: '${t.category}', Provider: '${t.provider}', Owner: '${t.owner}', Version: '${t.version ?? ""}')`;
}

function unknownTypeHint(action: ActionRef): string {
  const t = action.type;
  const rows = ROWS_BY_PROVIDER.get(t.provider!.toLowerCase());
  if (!rows) {
    if (t.owner === "ThirdParty" && t.provider === "Jenkins") return " Jenkins actions are custom action types: use owner Custom and the provider name registered by the Jenkins plugin.";
    if (t.owner === "AWS" && t.provider === "GitHub") return ` Use provider CodeStarSourceConnection (owner AWS) with a connection to GitHub.`;
    return " Use a provider from the CodePipeline action reference, or owner Custom for a custom action type.";
  }
  const sameName = rows.filter((r) => r.provider === t.provider);
  if (sameName.length === 0) {
    return ` Provider names are case-sensitive: did you mean ${describe(rows[0]!.provider)}?`;
  }
  const forms = sameName.map((r) => `category ${r.category} with owner ${r.owner}`);
  return ` ${t.provider} exists as ${forms.join(" or ")}.`;
}

const knownActionType = defineRule({
  id: "ACT004",
  title: "Known action type",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      if (!action.isObject || !validTypeId(action)) continue;
      const path = joinPath(action.path, "actionTypeId");
      const entry = action.provider;
      if (action.type.owner === "Custom") {
        // Custom types are registered per account and region; nothing offline can confirm them.
        report.warning(
          path,
          `${typeText(action)} is a custom action type: it exists only if it is registered in this account and region. Check with ListActionTypes (actionOwnerFilter Custom) before pushing.`,
        );
        continue;
      }
      if (entry) {
        if (entry.status === "unverified") {
          report.warning(
            path,
            `${typeText(action)} is a partner integration whose exact provider string and version are not documented; check it with ListActionTypes (actionOwnerFilter ThirdParty) before pushing.`,
          );
        }
        continue;
      }
      // Partner test integrations (Ghost Inspector, Runscope, ...) have undocumented provider
      // strings, so an unknown ThirdParty Test provider may still be real: warn, don't block.
      if (action.type.owner === "ThirdParty" && action.type.category === "Test") {
        report.warning(
          path,
          `${typeText(action)} is not a documented provider. If it is a partner test integration, check the exact provider string with ListActionTypes (actionOwnerFilter ThirdParty).`,
        );
        continue;
      }
      report.error(path, `${typeText(action)} in ${actionLabel(action)} is not available.${unknownTypeHint(action)}`);
    }
  },
});

const providerVersion = defineRule({
  id: "ACT005",
  title: "AWS provider version",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      const entry = action.provider;
      if (!entry || entry.providerIsUserDefined || entry.status === "unverified" || !validTypeId(action)) continue;
      const version = action.type.version;
      // Missing or malformed versions are ACT003's.
      if (version === undefined || !satisfies(version, TYPE_VERSION) || version === entry.version) continue;
      report.error(
        joinPath(joinPath(action.path, "actionTypeId"), "version"),
        `${entry.provider} (${entry.category}, owner ${entry.owner}) has only version "${entry.version}"; ${describe(version)} is not available. Set version to "${entry.version}".`,
      );
    }
  },
});

/**
 * Known regional gaps (offline; verify with ListActionTypes(regionFilter)).
 * Connections: AWS CodeConnections availability note (2025) lists these regions and GovCloud
 * as unsupported; the GovCloud CodePipeline page lists no connection source; China has no
 * CodeConnections. Snyk never launched in China. Device Farm runs only in us-west-2.
 */
interface RegionalGap {
  readonly unavailableIn?: ReadonlySet<string>;
  readonly unavailablePartitions?: ReadonlySet<string>;
  readonly onlyIn?: ReadonlySet<string>;
  readonly fix: string;
}

const REGIONAL_GAPS = new Map<ProviderEntry, RegionalGap>();
function gap(category: string, owner: string, provider: string, value: RegionalGap): void {
  const entry = ACTION_PROVIDERS.find((p) => p.category === category && p.owner === owner && p.provider === provider);
  if (entry) REGIONAL_GAPS.set(entry, value);
}
gap("Source", "AWS", "CodeStarSourceConnection", {
  unavailableIn: new Set([
    "ap-east-1", "me-south-1", "eu-central-2", "ap-southeast-3", "ap-south-2", "ap-northeast-3",
    "ap-southeast-4", "il-central-1", "eu-south-2", "me-central-1",
  ]),
  unavailablePartitions: new Set(["aws-us-gov", "aws-cn"]),
  fix: "create the pipeline in a region with connections and deploy cross-region, or use an S3/ECR source",
});
gap("Invoke", "ThirdParty", "Snyk", {
  unavailablePartitions: new Set(["aws-cn"]),
  fix: "remove the action",
});
gap("Test", "AWS", "DeviceFarm", {
  onlyIn: new Set(["us-west-2"]),
  fix: 'set the action\'s region to "us-west-2" (and add a us-west-2 artifact store)',
});

const regionalAvailability = defineRule({
  id: "ACT006",
  title: "Regional availability",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      const entry = action.provider;
      if (!entry) continue;
      const g = REGIONAL_GAPS.get(entry);
      if (!g) continue;
      // The action runs in its own region when that is a real one, else in the pipeline's.
      const region = action.region !== undefined && CODEPIPELINE_REGIONS.has(action.region) ? action.region : pipeline.region;
      if (region === undefined) continue;
      const missing =
        (g.onlyIn !== undefined && !g.onlyIn.has(region)) ||
        g.unavailableIn?.has(region) === true ||
        g.unavailablePartitions?.has(partitionOf(region)) === true;
      if (!missing) continue;
      report.warning(
        joinPath(joinPath(action.path, "actionTypeId"), "provider"),
        `${entry.provider} (${entry.category}) is not available in ${region}, so the service would answer "${actionTypeDescription(entry)} is not available in region". Verify with ListActionTypes (regionFilter ${region}) or ${g.fix}.`,
      );
    }
  },
});

function actionTypeDescription(entry: ProviderEntry): string {
  return `ActionType (Category: '${entry.category}', Provider: '${entry.provider}', Owner: '${entry.owner}', Version: '${entry.version}')`;
}

/** Retired providers the service still accepts (they fail at run time): warning, not error. */
const ACCEPTED_BUT_DEAD = new Set(["Deploy/AWS/OpsWorks"]);
const CODECOMMIT = ACTION_PROVIDERS.find((p) => p.category === "Source" && p.owner === "AWS" && p.provider === "CodeCommit");
/** Catalog rows ACT018 looks at: retired, deprecated, or closed to new customers. */
const LIFECYCLE = new Set(ACTION_PROVIDERS.filter((p) => p.status === "discontinued" || p.status === "deprecated" || p === CODECOMMIT));

const retiredProviders = defineRule({
  id: "ACT018",
  title: "Discontinued / deprecated providers",
  check(pipeline, context, report) {
    let deployedHasCodeCommit: boolean | undefined;
    for (const action of pipeline.actions) {
      const entry = action.provider;
      if (!entry || !LIFECYCLE.has(entry)) continue;
      const path = joinPath(joinPath(action.path, "actionTypeId"), "provider");
      const key = `${entry.category}/${entry.owner}/${entry.provider}`;
      if (entry.status === "discontinued") {
        const why = entry.notes ? ` ${firstSentence(entry.notes)}` : "";
        if (ACCEPTED_BUT_DEAD.has(key)) {
          report.warning(path, `${entry.provider} is discontinued and this action cannot succeed.${why} Remove it or replace it with another deploy provider.`);
        } else {
          report.error(path, `${entry.provider} actions can no longer be added or modified.${why} Remove the action.`);
        }
      } else if (entry.status === "deprecated") {
        const replacement = entry.provider === "GitHub" ? " Use a CodeStarSourceConnection source with a GitHub connection instead." : "";
        report.warning(path, `${entry.provider} (${entry.category}, owner ${entry.owner}) is deprecated and not recommended.${replacement}`);
      } else if (entry === CODECOMMIT) {
        // Closed to new customers: only an account that already uses CodeCommit can rely on it.
        // Warn when we know this design introduces it (create, or absent from the deployed version).
        deployedHasCodeCommit ??= deployedUsesCodeCommit(context);
        if (deployedHasCodeCommit === false) {
          report.warning(
            path,
            "AWS CodeCommit is closed to new customers: this source only works if the account already uses CodeCommit. Otherwise use a CodeStarSourceConnection (GitHub, GitLab, Bitbucket) or S3 source.",
          );
        }
      }
    }
  },
});

function firstSentence(text: string): string {
  const end = text.indexOf(". ");
  return end === -1 ? text : text.slice(0, end + 1);
}

/** undefined = unknown (skip); false = the deployed design (or a new pipeline) has no CodeCommit source. */
function deployedUsesCodeCommit(context: ValidationContext): boolean | undefined {
  const deployed = deployedDeclaration(context);
  if (deployed === undefined) return context.operation === "create" ? false : undefined;
  for (const stage of arrayOf(deployed.stages)) {
    if (!isObject(stage)) continue;
    for (const action of arrayOf(stage.actions)) {
      if (isObject(action) && isObject(action.actionTypeId) && action.actionTypeId.provider === "CodeCommit") return true;
    }
  }
  return false;
}

/** The deployed declaration, accepting a GetPipeline answer (`{pipeline, metadata}`) too. */
export function deployedDeclaration(context: ValidationContext): JsonObject | undefined {
  const deployed = context.deployed;
  if (!isObject(deployed)) return undefined;
  if (deployed.stages === undefined && isObject(deployed.pipeline)) return deployed.pipeline;
  return deployed;
}

const maskedSecrets = defineRule({
  id: "ACT019",
  title: "Masked secrets on new actions",
  check(pipeline, context, report) {
    let existing: ReadonlySet<string> | null | undefined;
    for (const action of pipeline.actions) {
      const config = action.configuration;
      if (!config || !hasMaskedValue(config)) continue;
      existing ??= existingActions(context);
      // Without a deployed version or a create operation we cannot tell new from existing.
      if (existing === null) return;
      if (action.name !== undefined && action.stage.name !== undefined && existing.has(actionKey(action.stage.name, action.name))) continue;
      reportMasked(action, config, report);
    }
  },
});

function hasMaskedValue(config: JsonObject): boolean {
  for (const key in config) if (config[key] === SECRET_MASK) return true;
  return false;
}

function reportMasked(action: ActionRef, config: JsonObject, report: Reporter): void {
  const secrets = secretKeysOf(action.provider);
  const isCustom = action.type.owner === "Custom";
  for (const key in config) {
    if (config[key] !== SECRET_MASK) continue;
    const path = joinPath(joinPath(action.path, "configuration"), key);
    const why = `${capitalize(actionLabel(action))} is not in the deployed pipeline (a new action, or its stage was renamed), so there is no stored secret to keep. Enter the real value of ${key}.`;
    if (secrets.includes(key)) {
      report.error(path, `"****" may be used in secret properties only when updating an existing action. ${why}`);
    } else if (isCustom) {
      // A custom type's secret flags are registered per account; "****" is almost surely a masked secret.
      report.warning(path, `${key} is "****", the mask GetPipeline returns for secret properties; if ${key} is secret, "****" may be used only when updating an existing action. ${why}`);
    }
  }
}

function actionKey(stageName: string, actionName: string): string {
  return `${stageName}\u0000${actionName}`;
}

/** Stage + action names of the deployed version; an empty set on create; null when unknown. */
function existingActions(context: ValidationContext): ReadonlySet<string> | null {
  const deployed = deployedDeclaration(context);
  if (deployed === undefined) return context.operation === "create" ? new Set() : null;
  const keys = new Set<string>();
  for (const stage of arrayOf(deployed.stages)) {
    if (!isObject(stage) || !isString(stage.name)) continue;
    for (const action of arrayOf(stage.actions)) {
      if (isObject(action) && isString(action.name)) keys.add(actionKey(stage.name, action.name));
    }
  }
  return keys;
}

export const actionCatalogRules: readonly Rule[] = [knownActionType, providerVersion, regionalAvailability, retiredProviders, maskedSecrets];
