/** STORE001–STORE011: artifactStore / artifactStores, buckets, keys and regions. */
import { CODEPIPELINE_REGIONS, REGION_SHAPE } from "../../catalog/regions";
import { BUCKET_NAME, ENCRYPTION_KEY_ID, REGION, satisfies } from "../../pipeline/patterns";
import { checkString } from "../checks";
import { arrayOf, describe, hasOwn, isObject, isString, jsonType, type JsonObject } from "../../json";
import { joinPath } from "../path";
import type { ActionRef, PipelineIndex } from "../../pipeline/pipeline-index";
import { defineRule, type Rule } from "../rule";
import { ENUMS } from "../../pipeline/model-tables.generated";
import { enumState } from "../enums";

/** Regions where CodePipeline answered "... is not a valid AWS Region" for an artifact store, though its endpoints table lists them. */
const OBSERVED_UNSUPPORTED = new Set(["af-south-1"]);

interface StoreRef {
  readonly store: JsonObject;
  readonly path: string;
  /** The artifactStores key; undefined for the singular artifactStore. */
  readonly region: string | undefined;
}

/** Every store object of the declaration (singular and per-region), with its path. */
function storesOf(p: PipelineIndex): StoreRef[] {
  const out: StoreRef[] = [];
  if (isObject(p.root.artifactStore)) out.push({ store: p.root.artifactStore, path: "artifactStore", region: undefined });
  const multi = p.root.artifactStores;
  if (isObject(multi)) {
    for (const region in multi) {
      const store = multi[region];
      if (hasOwn(multi, region) && isObject(store)) out.push({ store, path: joinPath("artifactStores", region), region });
    }
  }
  return out;
}

/** The artifactStores map when it is an object with at least one key. */
function storeMap(p: PipelineIndex): JsonObject | undefined {
  const multi = p.root.artifactStores;
  if (!isObject(multi)) return undefined;
  for (const key in multi) if (hasOwn(multi, key)) return multi;
  return undefined;
}

/**
 * The action's region when it is a well-formed region name on an action that may run in another
 * region (ACT009 reports a region on Source / ThirdParty / Custom actions; ACT010 malformed ones).
 */
function crossRegionCandidate(action: ActionRef): string | undefined {
  const region = action.region;
  if (region === undefined || !REGION_SHAPE.test(region)) return undefined;
  if (action.type.category === "Source" || action.type.owner === "ThirdParty" || action.type.owner === "Custom") return undefined;
  return region;
}

const exactlyOne = defineRule({
  id: "STORE001",
  title: "Exactly one of artifactStore / artifactStores",
  check(p, _c, report) {
    const single = p.root.artifactStore;
    const multi = p.root.artifactStores;
    if (single !== undefined && multi !== undefined) {
      // On a field rather than the whole pipeline, so the designer can focus it; artifactStores is
      // the one to keep when any action runs in another region.
      report.error("artifactStores",
        "Both artifactStore and artifactStores are set; use exactly one: artifactStores (keyed by region) when any action runs in another region, otherwise artifactStore.");
    } else if (single === undefined && multi === undefined) {
      report.error("",
        'An artifact store is required: add "artifactStore": {"type": "S3", "location": "<bucket>"} (or artifactStores keyed by region for cross-region actions).');
    }
    if (single !== undefined && !isObject(single)) {
      report.error("artifactStore", `artifactStore must be an object {type, location}, not a ${jsonType(single)}.`);
    }
    if (multi === undefined) return;
    if (!isObject(multi)) {
      const cfn = Array.isArray(multi) ? " (CloudFormation's list form [{Region, ArtifactStore}] is not the API shape)" : "";
      report.error("artifactStores",
        `artifactStores must be a map from region to store, e.g. {"us-east-1": {"type": "S3", "location": "<bucket>"}}${cfn}.`);
      return;
    }
    if (single === undefined && storeMap(p) === undefined) {
      report.error("artifactStores",
        "artifactStores is empty; add an entry for the pipeline region (and one per cross-region action region), or use artifactStore.");
    }
    for (const key in multi) {
      const store = multi[key];
      if (hasOwn(multi, key) && !isObject(store)) {
        report.error(joinPath("artifactStores", key), `Each artifactStores entry must be an object {type, location}, not a ${jsonType(store)}.`);
      }
    }
  },
});

const storeType = defineRule({
  id: "STORE002",
  title: "Store type",
  check(p, _c, report) {
    for (const { store, path } of storesOf(p)) {
      const type = store.type;
      const at = `${path}.type`;
      if (type === undefined) report.error(at, 'The artifact store type is required; set "type": "S3".');
      else if (typeof type !== "string") report.error(at, `The artifact store type must be the string "S3", not a ${jsonType(type)}.`);
      else if (enumState(type, ENUMS.ArtifactStoreType) === "unknown") {
        report.error(at, `Artifact store type ${describe(type)} is not supported; the only type is "S3".`);
      }
    }
  },
});

const IP_FORM = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const RESERVED_BUCKET = /^(?:xn--|sthree-)|(?:-s3alias|--ol-s3)$/i;

/** Suggests the bucket name hidden in an S3 URL, ARN or bucket/prefix value. */
function bucketOf(value: string): string {
  const stripped = value.replace(/^s3:\/\//i, "").replace(/^arn:[^:]*:s3:::/, "");
  return stripped.split("/")[0] ?? stripped;
}

const bucketName = defineRule({
  id: "STORE003",
  title: "Bucket name",
  check(p, _c, report) {
    for (const { store, path } of storesOf(p)) {
      const value = store.location;
      const at = `${path}.location`;
      if (isString(value) && (value.includes("/") || value.includes(":"))) {
        const bucket = bucketOf(value);
        report.error(at,
          `location must be a bucket name only (no s3:// URL, ARN or /prefix); got ${describe(value)}` +
            (bucket && bucket !== value ? `. Use ${describe(bucket)}: CodePipeline creates a folder named after the pipeline itself.` : "."));
        continue;
      }
      const ok = checkString(report, at, value, BUCKET_NAME, {
        required: true,
        label: "Artifact store location (bucket name)",
        allowed: "letters, digits, . and -",
      });
      if (!ok) continue;
      const bucket = value as string;
      const problems: string[] = [];
      if (/[A-Z]/.test(bucket)) problems.push("uppercase letters");
      if (!/^[a-z0-9]/i.test(bucket) || !/[a-z0-9]$/i.test(bucket)) problems.push("must start and end with a letter or digit");
      if (bucket.includes("..")) problems.push("two adjacent periods");
      if (bucket.includes(".-") || bucket.includes("-.")) problems.push("a period next to a hyphen");
      if (IP_FORM.test(bucket)) problems.push("IP-address form");
      if (RESERVED_BUCKET.test(bucket)) problems.push("a prefix or suffix S3 reserves (xn--, sthree-, -s3alias, --ol-s3)");
      if (problems.length > 0) {
        report.warning(at,
          `Bucket ${describe(bucket)} breaks the S3 bucket naming rules (${problems.join("; ")}), so no such bucket can exist. ` +
            "Use the name of an existing bucket: lowercase letters, digits, . and -.");
      }
    }
  },
});

const encryptionKey = defineRule({
  id: "STORE004",
  title: "Encryption key",
  check(p, _c, report) {
    for (const { store, path } of storesOf(p)) {
      const key = store.encryptionKey;
      if (key === undefined) continue;
      const at = `${path}.encryptionKey`;
      if (!isObject(key)) {
        report.error(at, `encryptionKey must be an object {"id": "<KMS key ID or ARN>", "type": "KMS"}, not a ${jsonType(key)}.`);
        continue;
      }
      checkString(report, `${at}.id`, key.id, ENCRYPTION_KEY_ID, {
        required: true,
        label: "encryptionKey id (KMS key ID, key ARN or alias ARN)",
      });
      const type = key.type;
      if (type === undefined) report.error(`${at}.type`, 'encryptionKey type is required; set "type": "KMS".');
      else if (typeof type !== "string") report.error(`${at}.type`, `encryptionKey type must be the string "KMS", not a ${jsonType(type)}.`);
      else if (enumState(type, ENUMS.EncryptionKeyType) === "unknown") {
        report.error(`${at}.type`, `encryptionKey type ${describe(type)} is not supported; the only type is "KMS".`);
      }
    }
  },
});

const ALIAS = /^(?:alias\/|arn:[^:]+:kms:[^:]*:[^:]*:alias\/)/;
const ROLE_ACCOUNT = /^arn:[^:]+:iam::(\d{12}):role\//;

function accountOf(arn: unknown): string | undefined {
  return isString(arn) ? ROLE_ACCOUNT.exec(arn)?.[1] : undefined;
}

const aliasCrossAccount = defineRule({
  id: "STORE005",
  title: "KMS alias with cross-account actions",
  check(p, _c, report) {
    const home = accountOf(p.root.roleArn);
    if (home === undefined) return;
    for (const { store, path, region } of storesOf(p)) {
      const key = store.encryptionKey;
      if (!isObject(key) || !isString(key.id) || !ALIAS.test(key.id)) continue;
      const other = p.actions.find((a) => {
        const account = accountOf(a.raw.roleArn);
        if (account === undefined || account === home) return false;
        // A per-region store only serves the actions running in its region.
        return region === undefined || (a.region ?? p.region) === region;
      });
      if (!other) continue;
      report.warning(`${path}.encryptionKey.id`,
        `The artifact key is the alias ${describe(key.id)}, but action ${describe(other.name)} runs with a role in account ` +
          `${accountOf(other.raw.roleArn)}; an alias only resolves in the key's own account. Use the key ID or key ARN instead.`);
    }
  },
});

const storeRegions = defineRule({
  id: "STORE006",
  title: "artifactStores keys",
  check(p, _c, report) {
    const multi = p.root.artifactStores;
    if (!isObject(multi)) return;
    for (const key in multi) {
      if (!hasOwn(multi, key) || key === "") continue; // "" is GEN004's
      const at = joinPath("artifactStores", key);
      if (key.length < REGION.min || key.length > REGION.max) {
        report.error(at, `artifactStores key ${describe(key)} must be a region name of ${REGION.min} to ${REGION.max} characters, e.g. "us-east-1".`);
      } else if (!REGION_SHAPE.test(key)) {
        report.error(at, `artifactStores key ${describe(key)} is not a region name; keys are regions such as "us-east-1" or "eu-west-1".`);
      } else if (OBSERVED_UNSUPPORTED.has(key)) {
        report.error(at,
          `The region ${key} specified in 'pipeline.artifactStores' is not a valid AWS Region for CodePipeline; use a region where CodePipeline operates.`);
      } else if (!CODEPIPELINE_REGIONS.has(key)) {
        // Well-formed but not in our list: AWS opens regions every year, so a stale list must not block a push.
        report.warning(at,
          `${key} is not a region where CodePipeline is known to operate; check the spelling. If the region is new, ignore this warning.`);
      }
    }
  },
});

const pipelineRegionStore = defineRule({
  id: "STORE007",
  title: "Pipeline region present in artifactStores",
  check(p, _c, report) {
    const multi = storeMap(p);
    if (multi === undefined || p.region === undefined || hasOwn(multi, p.region)) return;
    report.error("artifactStores",
      `artifactStores has no entry for the pipeline region ${p.region}; add "${p.region}": {"type": "S3", "location": "<bucket in ${p.region}>"}.`);
  },
});

const crossRegionStore = defineRule({
  id: "STORE008",
  title: "Every cross-region action's region present in artifactStores",
  check(p, _c, report) {
    const multi = storeMap(p);
    if (multi === undefined) return;
    for (const action of p.actions) {
      const region = crossRegionCandidate(action);
      if (region === undefined || hasOwn(multi, region)) continue;
      if (region === p.region) continue; // STORE007's
      // With the pipeline region unknown the map still proves it: the region must be a key either way.
      report.error(`${action.path}.region`,
        `Action ${describe(action.name)} runs in ${region}, but artifactStores has no ${region} entry; add ` +
          `"${region}": {"type": "S3", "location": "<bucket in ${region}>"}.`);
    }
  },
});

const singularWithCrossRegion = defineRule({
  id: "STORE009",
  title: "Cross-region action with singular artifactStore",
  check(p, _c, report) {
    if (p.root.artifactStore === undefined || p.root.artifactStores !== undefined) return; // STORE001 covers both/neither
    const fix = 'replace artifactStore with artifactStores, one {"type": "S3", "location": ...} per region (pipeline region included)';
    if (p.region !== undefined) {
      for (const action of p.actions) {
        const region = crossRegionCandidate(action);
        if (region === undefined || region === p.region) continue;
        report.error(`${action.path}.region`,
          `Action ${describe(action.name)} runs in ${region}, outside the pipeline region ${p.region}; cross-region actions need artifactStores: ${fix}.`);
      }
      return;
    }
    // Pipeline region unknown: two distinct action regions still prove a cross-region action.
    const regions = new Set<string>();
    for (const action of p.actions) {
      const region = crossRegionCandidate(action);
      if (region !== undefined) regions.add(region);
    }
    if (regions.size >= 2) {
      report.error("artifactStore",
        `Actions run in ${[...regions].join(", ")}; at most one of them is the pipeline region, so cross-region actions need artifactStores: ${fix}.`);
    }
  },
});

/** Regions declared on condition rules (they use the store of their region too). */
function ruleRegions(p: PipelineIndex, into: Set<string>): void {
  for (const stage of p.stages) {
    for (const block of [stage.raw.beforeEntry, stage.raw.onSuccess, stage.raw.onFailure]) {
      if (!isObject(block)) continue;
      for (const condition of arrayOf(block.conditions)) {
        if (!isObject(condition)) continue;
        for (const rule of arrayOf(condition.rules)) if (isObject(rule) && isString(rule.region)) into.add(rule.region);
      }
    }
  }
}

// Inferred: an extra store is accepted by the API but is almost always a leftover → warning.
const unusedStore = defineRule({
  id: "STORE010",
  title: "Unused store regions",
  check(p, _c, report) {
    const multi = storeMap(p);
    if (multi === undefined || p.region === undefined) return; // the unused one might be the pipeline region
    const used = new Set<string>([p.region]);
    for (const action of p.actions) if (action.region !== undefined) used.add(action.region);
    ruleRegions(p, used);
    for (const key in multi) {
      if (!hasOwn(multi, key) || used.has(key) || !REGION_SHAPE.test(key) || OBSERVED_UNSUPPORTED.has(key)) continue; // STORE006's
      report.warning(joinPath("artifactStores", key),
        `No action runs in ${key} and it is not the pipeline region (${p.region}); remove this artifact store or move an action to ${key}.`);
    }
  },
});

// Inferred from run-time failures ("bucket ... is not located in the <region> region") → warning.
const sharedBucket = defineRule({
  id: "STORE011",
  title: "Same bucket for two regions",
  check(p, _c, report) {
    const seen = new Map<string, string>();
    for (const { store, path, region } of storesOf(p)) {
      if (region === undefined || !satisfies(store.location, BUCKET_NAME)) continue;
      const first = seen.get(store.location);
      if (first === undefined) {
        seen.set(store.location, region);
        continue;
      }
      report.warning(`${path}.location`,
        `Bucket ${describe(store.location)} is also the store of ${first}; a bucket lives in one region, so actions in ${region} ` +
          `will fail ("bucket ... is not located in the ${region} region"). Use a bucket created in ${region}.`);
    }
  },
});

export const artifactStoreRules: readonly Rule[] = [
  exactlyOne,
  storeType,
  bucketName,
  encryptionKey,
  aliasCrossAccount,
  storeRegions,
  pipelineRegionStore,
  crossRegionStore,
  singularWithCrossRegion,
  unusedStore,
  sharedBucket,
];
