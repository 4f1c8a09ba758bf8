/**
 * What each member of each declaration shape holds, read off the zod schemas of declaration.ts so
 * that the schemas stay the one description of the declaration: the generic shape checks walk
 * this (empty strings and lists, integers, enum case, unknown members), and a change to a schema
 * changes them with it.
 */
import { z } from "zod";
import { SHAPE_SCHEMAS, type MemberName, type ShapeName } from "./members";

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

const DECLARATION_SHAPES = (Object.keys(SHAPE_SCHEMAS) as ShapeName[]).filter(
  (name): name is DeclarationShape => name !== "PipelineMetadata" && name !== "Tag",
);

const SHAPE_OF = new Map<unknown, DeclarationShape>(DECLARATION_SHAPES.map((name) => [SHAPE_SCHEMAS[name], name]));

function fieldOf(schema: z.ZodType, where: string): MemberField {
  const s = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  const shape = SHAPE_OF.get(s);
  if (shape !== undefined) return { kind: "shape", shape };
  if (s instanceof z.ZodString) return { kind: "string", min1: (s.minLength ?? 0) >= 1 };
  if (s instanceof z.ZodEnum) return { kind: "enum", values: s.options as string[] };
  if (s instanceof z.ZodNumber && s.isInt) return { kind: "int" };
  if (s instanceof z.ZodRecord) {
    if (s.valueType instanceof z.ZodString) return { kind: "config" };
    if (SHAPE_OF.get(s.valueType) === "ArtifactStore") return { kind: "storeMap" };
  }
  // An empty list that fails the schema is one the model gives a minimum of 1.
  if (s instanceof z.ZodArray) return { kind: "list", of: fieldOf(s.element as z.ZodType, `${where}[]`), min1: !s.safeParse([]).success };
  throw new Error(`${where}: declaration.ts uses a zod ${s.def.type} that member-fields.ts does not describe`);
}

type Fields = { readonly [S in DeclarationShape]: { readonly [M in MemberName<S>]: MemberField } };

/** Member → what it holds, per declaration shape; its keys are exactly MEMBERS'. */
export const MEMBER_FIELDS: Fields = Object.fromEntries(
  DECLARATION_SHAPES.map((name) => {
    const shape = SHAPE_SCHEMAS[name].shape as Record<string, z.ZodType>;
    return [name, Object.fromEntries(Object.entries(shape).map(([member, schema]) => [member, fieldOf(schema, `${name}.${member}`)]))];
  }),
) as Fields;
