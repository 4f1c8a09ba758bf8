/** The action providers a user can place, by category in the order a pipeline runs them. */
import { ACTION_PROVIDERS, type ProviderEntry } from "@/lib/domain/catalog/catalog";
import type { ActionTypeRef } from "@/lib/domain/designer/contract";

export const CATEGORY_ORDER: readonly string[] = ["Source", "Build", "Test", "Deploy", "Approval", "Invoke", "Compute"];

// The generic "Any" rows are placeholders for custom types, not something to place.
export const PLACEABLE: readonly ProviderEntry[] = ACTION_PROVIDERS.filter((p) => CATEGORY_ORDER.includes(p.category));

export function actionTypeOf(entry: ProviderEntry): ActionTypeRef {
  return { category: entry.category, owner: entry.owner, provider: entry.provider, version: entry.version };
}
