/** CFG005 sub-rules for deploy providers: S3, CodeDeployToECS, EC2, EKS, Lambda, Service Catalog, ECS. */
import { describe } from "../../json";
import { capitalize } from "./actions-support";
import {
  has,
  inputList,
  integerIn,
  keyPath,
  literal,
  requireKey,
  type ConditionalCheck,
} from "./configuration-conditional-support";

const ECS_IMAGE_KEY = /^Image(\d+)(ArtifactName|ContainerName)$/;
const MAX_ECS_IMAGES = 4;

/** EC2 MaxBatch / MaxError: a positive integer, or a percentage 1..100 (aws-cdk-lib). */
const COUNT_OR_PERCENT = /^(\d{1,9})(%?)$/;

/** AllAtOnce, Canary<P>Percent<M>Minute(s), Linear<P>PercentEvery<M>Minute(s). */
const DEPLOY_STRATEGY = /^(?:AllAtOnce|Canary(\d{1,2})Percent(\d{1,4})Minutes?|Linear(\d{1,2})PercentEvery(\d{1,4})Minutes?)$/;
const MAX_STRATEGY_MINUTES = 2 * 24 * 60;

/** Why a Lambda DeployStrategy value is wrong, or undefined when it is fine. */
function deployStrategyProblem(value: string): string | undefined {
  const m = DEPLOY_STRATEGY.exec(value);
  if (!m) return "is not AllAtOnce, Canary<P>Percent<M>Minutes or Linear<P>PercentEvery<M>Minute(s)";
  if (value === "AllAtOnce") return undefined;
  const percent = Number(m[1] ?? m[3]);
  const minutes = Number(m[2] ?? m[4]);
  if (percent < 1 || percent > 99) return "must shift between 1 and 99 percent per step";
  if (minutes < 1) return "must wait at least 1 minute";
  // Canary waits once; linear waits between each of its ceil(100/P) steps.
  const total = m[1] !== undefined ? minutes : (Math.ceil(100 / percent) - 1) * minutes;
  if (total > MAX_STRATEGY_MINUTES) return `waits ${total} minutes in total; the limit is 2 days (${MAX_STRATEGY_MINUTES} minutes)`;
  return undefined;
}

export const deployChecks: readonly ConditionalCheck[] = [
  {
    code: "CFG005a",
    title: "S3 deploy without Extract needs ObjectKey",
    providers: [["action", "Deploy", "AWS", "S3"]],
    check(s, ctx) {
      if (literal(s, "Extract") !== "false") return;
      requireKey(ctx, s, "ObjectKey", `With Extract "false" the artifact is uploaded as one object, so ObjectKey is required.`);
    },
  },
  {
    code: "CFG005g",
    title: "CodeDeployToECS artifact keys",
    providers: [["action", "Deploy", "AWS", "CodeDeployToECS"]],
    check(s, { report }) {
      for (const key of ["TaskDefinitionTemplateArtifact", "AppSpecTemplateArtifact"]) {
        const value = literal(s, key);
        if (value === undefined || s.inputNames.includes(value)) continue;
        report.warning(keyPath(s, key), `${key} ${describe(value)} must name an input artifact of ${s.label} (inputs: ${inputList(s)}).`);
      }
      for (const key in s.config) {
        const m = ECS_IMAGE_KEY.exec(key);
        if (!m) continue;
        const n = Number(m[1]);
        if (n < 1 || n > MAX_ECS_IMAGES) {
          report.warning(keyPath(s, key), `${key}: image numbers run from 1 to ${MAX_ECS_IMAGES} (at most ${MAX_ECS_IMAGES} container images). Use Image1… through Image${MAX_ECS_IMAGES}….`);
          continue;
        }
        const partner = m[2] === "ArtifactName" ? `Image${n}ContainerName` : `Image${n}ArtifactName`;
        if (!has(s, partner)) {
          report.warning(keyPath(s, key), `${key} and ${partner} come in pairs; add ${partner} to ${s.label} or remove ${key}.`);
        }
        const value = m[2] === "ArtifactName" ? literal(s, key) : undefined;
        if (value !== undefined && !s.inputNames.includes(value)) {
          report.warning(keyPath(s, key), `${key} ${describe(value)} must name an input artifact of ${s.label} (inputs: ${inputList(s)}).`);
        }
      }
    },
  },
  {
    code: "CFG005j",
    title: "EC2 deploy mode keys and batch sizes",
    providers: [["action", "Deploy", "AWS", "EC2"]],
    check(s, ctx) {
      // InstanceType values are CFG004's (catalog allowedValues).
      if (!has(s, "DeploySpec")) {
        const why = "Without DeploySpec the action runs in script mode, which needs TargetDirectory and PostScript:";
        requireKey(ctx, s, "TargetDirectory", `${why} TargetDirectory is missing.`);
        requireKey(ctx, s, "PostScript", `${why} PostScript is missing.`);
      }
      for (const key of ["MaxBatch", "MaxError"]) {
        const value = literal(s, key);
        if (value === undefined) continue;
        const m = COUNT_OR_PERCENT.exec(value);
        const ok = m !== null && (m[2] === "%" ? integerIn(m[1]!, 1, 100) !== undefined : Number(m[1]) >= 1);
        if (!ok) {
          ctx.report.warning(keyPath(s, key), `${key} ${describe(value)} must be a positive whole number of instances or a percentage from 1% to 100%.`);
        }
      }
    },
  },
  {
    code: "CFG005k",
    title: "EKS Helm or manifest keys",
    providers: [["action", "Deploy", "AWS", "EKS"]],
    check(s, ctx) {
      const helm = has(s, "HelmReleaseName") || has(s, "HelmChartLocation");
      const manifests = has(s, "ManifestFiles");
      if (!helm && !manifests) {
        ctx.report.warning(
          keyPath(s, "ManifestFiles"),
          `${capitalize(s.label)} deploys nothing: set ManifestFiles (kubectl) or HelmReleaseName and HelmChartLocation (Helm).`,
        );
      } else if (helm && manifests) {
        ctx.report.warning(keyPath(s, "ManifestFiles"), `${capitalize(s.label)} sets both ManifestFiles and Helm keys; use either kubectl manifests or a Helm chart.`);
      } else if (helm) {
        requireKey(ctx, s, "HelmReleaseName", "A Helm deployment needs HelmReleaseName.");
        requireKey(ctx, s, "HelmChartLocation", "A Helm deployment needs HelmChartLocation.");
      }
    },
  },
  {
    code: "CFG005l",
    title: "Lambda deploy version, alias, strategy and alarms",
    providers: [["action", "Deploy", "AWS", "Lambda"]],
    check(s, ctx) {
      const { report } = ctx;
      if (s.inputCount === 0) {
        requireKey(ctx, s, "PublishedTargetVersion", "Without an input artifact there is no code to publish, so PublishedTargetVersion is required.");
      }
      if (!has(s, "FunctionAlias")) {
        for (const key of ["DeployStrategy", "PublishedTargetVersion"]) {
          if (has(s, key)) report.warning(keyPath(s, key), `${key} needs FunctionAlias (traffic is shifted on an alias); add FunctionAlias to ${s.label}.`);
        }
      }
      const strategy = literal(s, "DeployStrategy");
      const problem = strategy === undefined ? undefined : deployStrategyProblem(strategy);
      if (problem !== undefined) {
        report.warning(keyPath(s, "DeployStrategy"), `DeployStrategy ${describe(strategy)} ${problem}; e.g. "Canary10Percent5Minutes" or "Linear10PercentEvery1Minute".`);
      }
      const alarms = literal(s, "Alarms");
      if (alarms !== undefined) {
        const count = alarms.split(",").filter((a) => a.trim() !== "").length;
        if (count > 10) report.warning(keyPath(s, "Alarms"), `Alarms lists ${count} alarm names; at most 10 are allowed. Combine them into a composite alarm.`);
      }
    },
  },
  {
    code: "CFG005n",
    title: "Service Catalog configuration file or template keys",
    providers: [["action", "Deploy", "AWS", "ServiceCatalog"]],
    check(s, ctx) {
      const templateKeys = ["TemplateFilePath", "ProductVersionName", "ProductType"];
      if (has(s, "ConfigurationFilePath")) {
        const mixed = templateKeys.filter((k) => has(s, k));
        if (mixed.length > 0) {
          ctx.report.warning(keyPath(s, "ConfigurationFilePath"), `${capitalize(s.label)} sets ConfigurationFilePath and ${mixed.join(", ")}; use either the configuration file or the template keys.`);
        }
        return;
      }
      for (const key of templateKeys) {
        requireKey(ctx, s, key, `Without ConfigurationFilePath, Service Catalog needs TemplateFilePath, ProductVersionName and ProductType; ${key} is missing.`);
      }
    },
  },
  {
    code: "CFG005o",
    title: "ECS DeploymentTimeout range",
    providers: [["action", "Deploy", "AWS", "ECS"]],
    check(s, { report }) {
      const value = literal(s, "DeploymentTimeout");
      if (value === undefined || integerIn(value, 1, 60) !== undefined) return;
      report.warning(keyPath(s, "DeploymentTimeout"), `DeploymentTimeout ${describe(value)} must be a whole number of minutes from 1 to 60.`);
    },
  },
];
