/**
 * Secret configuration properties: the catalog marks them (`secret: true`, e.g. GitHub v1
 * `OAuthToken`), and GetPipeline returns their values masked as `****`. Sending `****` back in
 * UpdatePipeline keeps the stored value for an action that keeps its stage and action name; a new
 * token replaces it ("Use GitHub and the CodePipeline CLI to create and rotate your GitHub personal
 * access token", https://docs.aws.amazon.com/codepipeline/latest/userguide/GitHub-rotate-personal-token-CLI.html).
 */
import { ACTION_PROVIDERS, findActionProvider, type ProviderEntry } from "./catalog";
import { isObject, isString } from "../json";

/** What GetPipeline shows instead of a secret value. */
export const SECRET_MASK = "****";

const SECRET_KEYS = new Map<ProviderEntry, readonly string[]>();
for (const entry of ACTION_PROVIDERS) {
  const keys = entry.configuration.filter((c) => c.secret).map((c) => c.key);
  if (keys.length > 0) SECRET_KEYS.set(entry, keys);
}

const NONE: readonly string[] = [];

/** The secret configuration keys of a catalog entry (empty for user-defined custom types). */
export function secretKeysOf(entry: ProviderEntry | undefined): readonly string[] {
  return (entry && SECRET_KEYS.get(entry)) ?? NONE;
}

/** The secret configuration keys of an action declaration, read defensively from its actionTypeId. */
export function secretKeysOfAction(action: unknown): readonly string[] {
  if (!isObject(action) || !isObject(action.actionTypeId)) return NONE;
  const { category, owner, provider } = action.actionTypeId;
  if (!isString(category) || !isString(owner) || !isString(provider)) return NONE;
  const entry = findActionProvider(category, owner, provider);
  return entry?.providerIsUserDefined ? NONE : secretKeysOf(entry);
}
