/**
 * What each member of each declaration shape holds, read off the zod schemas of declaration.ts so
 * that the schemas stay the one description of the declaration: the generic shape checks walk
 * this (empty strings and lists, integers, enum case, unknown members), and a change to a schema
 * changes them with it (model-tables.test.ts fails until `npm run generate:model-tables` has
 * written the new table; the derivation is in model-derivation.ts).
 */
import type { MemberName, ShapeName } from "./shape-schemas";
import { GENERATED_MEMBER_FIELDS } from "./model-tables.generated";

export type MemberField =
  /** `min1`: the model wants at least one character. */
  | { readonly kind: "string"; readonly min1: boolean }
  | { readonly kind: "enum"; readonly values: readonly string[] }
  | { readonly kind: "int" }
  /** map<string, string>: action and rule configuration. */
  | { readonly kind: "config" }
  /** map<region, ArtifactStore>: artifactStores. */
  | { readonly kind: "storeMap" }
  | { readonly kind: "shape"; readonly shape: DeclarationShape }
  /** `min1`: the model wants at least one item. */
  | { readonly kind: "list"; readonly of: MemberField; readonly min1: boolean };

/** The shapes of the declaration itself: GetPipeline's metadata and CreatePipeline's tags sit beside it. */
export type DeclarationShape = Exclude<ShapeName, "PipelineMetadata" | "Tag">;

type Fields = { readonly [S in DeclarationShape]: { readonly [M in MemberName<S>]: MemberField } };

/** Member → what it holds, per declaration shape; its keys are exactly MEMBERS'. */
export const MEMBER_FIELDS: Fields = GENERATED_MEMBER_FIELDS;
