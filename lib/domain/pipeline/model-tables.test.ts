import { describe, expect, it } from "vitest";
import { deriveModelTables } from "./model-derivation";
import { ENUMS, GENERATED_MEMBER_FIELDS, GENERATED_MEMBERS } from "./model-tables.generated";

// Run `npm run generate:model-tables` when one of these fails after a change to declaration.ts.
describe("model-tables.generated.ts", () => {
  const derived = deriveModelTables();

  it("holds every enumeration of the zod model, values in order", () => {
    expect(ENUMS).toEqual(derived.enums);
    expect(Object.keys(ENUMS)).toContain("ActionCategory");
  });

  it("holds every shape's members in the schemas' order", () => {
    expect(GENERATED_MEMBERS).toEqual(derived.members);
    expect(Object.keys(GENERATED_MEMBERS)).toEqual(Object.keys(derived.members));
  });

  it("holds what each member of the declaration holds", () => {
    expect(GENERATED_MEMBER_FIELDS).toEqual(derived.memberFields);
  });
});
