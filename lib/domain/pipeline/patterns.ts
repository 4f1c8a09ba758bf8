/**
 * Length and pattern constraints of the CodePipeline service model (API 2015-07-09).
 * The Smithy model anchors every pattern, so each is a full-string match here.
 * Shared by the zod wire schema and the validation engine so the two never drift.
 */
export interface StringConstraint {
  readonly min: number;
  readonly max: number;
  readonly pattern?: RegExp;
  /** The pattern as AWS documents it, for messages. */
  readonly patternText?: string;
}

function constraint(min: number, max: number, patternText?: string): StringConstraint {
  return patternText === undefined
    ? { min, max }
    : { min, max, patternText, pattern: new RegExp(`^(?:${patternText})$`) };
}

export const PIPELINE_NAME = constraint(1, 100, "[A-Za-z0-9.@\\-_]+");
export const STAGE_NAME = PIPELINE_NAME;
export const ACTION_NAME = PIPELINE_NAME;
export const RULE_NAME = PIPELINE_NAME;
export const ARTIFACT_NAME = constraint(1, 100, "[a-zA-Z0-9_\\-]+");
export const ROLE_ARN = constraint(1, 1024, "arn:aws(-[A-Za-z0-9_]+)*:iam::[0-9]{12}:role/.*");
export const PROVIDER = constraint(1, 35, "[0-9A-Za-z_-]+");
export const TYPE_VERSION = constraint(1, 9, "[0-9A-Za-z_-]+");
export const NAMESPACE = constraint(1, 100, "[A-Za-z0-9@\\-_]+");
export const VARIABLE_NAME = constraint(1, 128, "[A-Za-z0-9@\\-_]+");
export const VARIABLE_DEFAULT = constraint(1, 1000);
export const VARIABLE_DESCRIPTION = constraint(0, 200);
export const BUCKET_NAME = constraint(3, 63, "[a-zA-Z0-9\\-\\.]+");
export const ENCRYPTION_KEY_ID = constraint(1, 400);
export const REGION = constraint(4, 30);
export const CONFIG_KEY = constraint(1, 50);
export const CONFIG_VALUE = constraint(1, 1000);
export const RULE_CONFIG_VALUE = constraint(1, 10000);
export const COMMAND = constraint(1, 1000);
export const OUTPUT_VARIABLE = constraint(1, 128);
export const OUTPUT_FILE = constraint(1, 128);
export const ENV_VAR_NAME = constraint(1, 128, "[A-Za-z0-9_]+");
export const ENV_VAR_VALUE = constraint(1, 2000);
export const FILTER_PATTERN = constraint(1, 255);
export const BLOCKER_NAME = constraint(1, 100);
export const TAG_KEY = constraint(1, 128);
export const TAG_VALUE = constraint(0, 256);
export const DISABLE_TRANSITION_REASON = constraint(1, 300, "[a-zA-Z0-9!@ \\(\\)\\.\\*\\?\\-]+");
export const CLIENT_REQUEST_TOKEN = constraint(1, 128, "[a-zA-Z0-9-]+");
export const STOP_REASON = constraint(0, 200);
export const APPROVAL_SUMMARY = constraint(0, 512);
export const REVISION_VALUE = constraint(1, 1500);

/** Integer ranges of the model. */
export const RUN_ORDER = { min: 1, max: 999 } as const;
export const TIMEOUT_IN_MINUTES = { min: 5, max: 86400 } as const;

/** List size bounds of the model and the quotas page. */
export const LIMITS = {
  stagesMin: 2,
  stagesMax: 50,
  actionsPerStage: 50,
  actionsPerPipeline: 500,
  variables: 50,
  triggers: 50,
  gitFilters: 3,
  filterPatterns: 8,
  pullRequestEvents: 3,
  rulesPerCondition: 5,
  ruleConfigurationEntries: 200,
  commands: 50,
  outputVariables: 15,
  environmentVariables: 10,
  outputFiles: 10,
  tags: 50,
  startVariables: 50,
  sourceRevisions: 50,
} as const;

/** True when `value` is a string within the constraint's length and pattern. */
export function satisfies(value: unknown, c: StringConstraint): value is string {
  return (
    typeof value === "string" &&
    value.length >= c.min &&
    value.length <= c.max &&
    (c.pattern === undefined || c.pattern.test(value))
  );
}
