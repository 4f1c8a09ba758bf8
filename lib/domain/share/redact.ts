/**
 * Secrets never leave the server in a snapshot: every configuration value CodePipeline treats as a
 * secret is replaced by the mask GetPipeline shows for it (`****`) before a snapshot is stored.
 * A key is secret when the catalog marks it so for the action's provider, and — because the
 * browser's copy is not trusted and custom action types are not in the catalog — whenever its name
 * (in any letter case) is one the catalog marks secret for any provider (`OAuthToken`,
 * `ClientSecret`, `RefreshToken`), on actions and on stage-condition rules alike. A copy opened in
 * the designer keeps the mask, which a push refuses until the real value is typed again
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/GitHub-rotate-personal-token-CLI.html).
 *
 * A secret value copied elsewhere in the same payload (another configuration value, a name, the
 * snapshot's note) is masked there too: `maskCopies` replaces every occurrence of the values
 * found in secret fields, in every string and key.
 */
import { PROVIDERS } from "../catalog/catalog";
import { SECRET_MASK, secretKeysOfAction } from "../catalog/secrets";
import { arrayOf, isObject, setOwn, type JsonObject } from "../json";
import { joinPath } from "../validation/path";

const SECRET_NAMES: ReadonlySet<string> = new Set(
  PROVIDERS.flatMap((p) => p.configuration.filter((c) => c.secret).map((c) => c.key.toLowerCase())),
);

/** The names of secret keys in any provider of the catalog, lower-cased. */
export function secretKeyNames(): ReadonlySet<string> {
  return SECRET_NAMES;
}

export interface Redacted<T> {
  readonly value: T;
  /** Paths of the fields that now hold the mask (0-based, e.g. `stages[0].actions[0].configuration.OAuthToken`). */
  readonly redacted: readonly string[];
  /** The values that were masked: `maskCopies` looks for them elsewhere. */
  readonly secrets: readonly string[];
}

/** Values shorter than this are not searched for elsewhere: they would match ordinary text. */
const MIN_SECRET_LENGTH = 6;

const CONDITION_BLOCKS = ["beforeEntry", "onSuccess", "onFailure"] as const;

/** A copy of the declaration with every secret configuration value masked; the input is not changed. */
export function redactDeclaration(declaration: JsonObject): Redacted<JsonObject> {
  const redacted: string[] = [];
  const secrets = new Set<string>();
  if (!Array.isArray(declaration.stages)) return { value: declaration, redacted, secrets: [] };
  const stages = declaration.stages.map((stage, s) => {
    if (!isObject(stage)) return stage;
    const stagePath = `stages[${s}]`;
    const out: JsonObject = { ...stage };
    if (Array.isArray(stage.actions)) {
      out.actions = stage.actions.map((action, a) => {
        if (!isObject(action) || !isObject(action.configuration)) return action;
        const keys = new Set(secretKeysOfAction(action));
        const configuration = redactConfiguration(action.configuration, keys, `${stagePath}.actions[${a}].configuration`, redacted, secrets);
        return { ...action, configuration };
      });
    }
    for (const block of CONDITION_BLOCKS) {
      const value = stage[block];
      if (!isObject(value) || !Array.isArray(value.conditions)) continue;
      const conditions = value.conditions.map((condition, c) => {
        if (!isObject(condition) || !Array.isArray(condition.rules)) return condition;
        const rules = arrayOf(condition.rules).map((rule, r) => {
          if (!isObject(rule) || !isObject(rule.configuration)) return rule;
          const path = `${stagePath}.${block}.conditions[${c}].rules[${r}].configuration`;
          return { ...rule, configuration: redactConfiguration(rule.configuration, new Set(), path, redacted, secrets) };
        });
        return { ...condition, rules };
      });
      setOwn<unknown>(out, block, { ...value, conditions });
    }
    return out;
  });
  return { value: { ...declaration, stages }, redacted, secrets: [...secrets] };
}

function redactConfiguration(configuration: JsonObject, providerKeys: ReadonlySet<string>, path: string, redacted: string[], secrets: Set<string>): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(configuration)) {
    const secret = providerKeys.has(key) || SECRET_NAMES.has(key.toLowerCase());
    setOwn<unknown>(out, key, secret ? SECRET_MASK : value);
    if (!secret) continue;
    redacted.push(joinPath(path, key));
    if (typeof value === "string" && value !== SECRET_MASK && value.length >= MIN_SECRET_LENGTH) secrets.add(value);
  }
  return out;
}

/**
 * `value` with every occurrence of the given secrets, in any string or object key, replaced by the
 * mask; `path` names the value in the paths reported.
 */
export function maskCopies<T>(value: T, secrets: readonly string[], path: string): Redacted<T> {
  const redacted: string[] = [];
  if (secrets.length === 0) return { value, redacted, secrets };
  const mask = (text: string) => secrets.reduce((out, secret) => out.split(secret).join(SECRET_MASK), text);
  const walk = (node: unknown, at: string): unknown => {
    if (typeof node === "string") {
      const masked = mask(node);
      if (masked !== node) redacted.push(at);
      return masked;
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, joinPath(at, i)));
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(node)) {
      const maskedKey = mask(key);
      if (maskedKey !== key) redacted.push(joinPath(at, maskedKey));
      setOwn<unknown>(out, maskedKey, walk(item, joinPath(at, maskedKey)));
    }
    return out;
  };
  return { value: walk(value, path) as T, redacted, secrets };
}
