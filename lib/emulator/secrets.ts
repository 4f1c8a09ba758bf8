/**
 * Secret configuration properties (the catalog's `secret: true` keys, e.g. GitHub v1
 * `OAuthToken`, Alexa Skills Kit `ClientSecret` and `RefreshToken`) are hidden from every call
 * except the job workers' (GetJobDetails, PollForJobs and their third-party twins), none of which
 * the emulator implements: every output that carries an action's configuration shows `****`
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionConfigurationProperty.html,
 * `secret`). The definitions and the execution views both mask through this file.
 */
import { SECRET_MASK, secretKeysOfAction } from "@/lib/domain/catalog/secrets";
import { isObject, setOwn, type JsonObject } from "@/lib/domain/json";

export { SECRET_MASK };

/** The secret configuration keys of an action type (none for unknown or user-defined types). */
export function secretKeys(actionTypeId: unknown): readonly string[] {
  return secretKeysOfAction({ actionTypeId });
}

/** A copy of `configuration` with the action type's secret values replaced by `****`. */
export function maskConfiguration<T>(actionTypeId: unknown, configuration: T): T {
  if (!isObject(configuration)) return configuration;
  const copy: JsonObject = { ...configuration };
  for (const key of secretKeys(actionTypeId)) {
    if (typeof copy[key] === "string") setOwn<unknown>(copy, key, SECRET_MASK);
  }
  return copy as T;
}
