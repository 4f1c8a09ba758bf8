/**
 * An action run's configuration as the detail page shows it: secret keys of the provider (the
 * catalog's `secret: true`, e.g. GitHub v1 `OAuthToken`) always read `****`, even if a backend
 * returned them in the clear — GetPipeline masks them
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/GitHub-rotate-personal-token-CLI.html)
 * and the page must never be the place they leak.
 */
import { SECRET_MASK, secretKeysOfAction } from "../catalog/secrets";
import type { ActionExecutionView } from "./view-model";

export function maskedConfiguration(
  actionTypeId: ActionExecutionView["input"]["actionTypeId"],
  configuration: Readonly<Record<string, string>>,
): Record<string, string> {
  const secrets = new Set(secretKeysOfAction({ actionTypeId }));
  return Object.fromEntries(Object.entries(configuration).map(([key, value]) => [key, secrets.has(key) ? SECRET_MASK : value]));
}
