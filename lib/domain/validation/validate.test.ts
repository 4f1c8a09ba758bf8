import { describe, expect, it } from "vitest";
import { validate } from "./validate";

describe("validate", () => {
  it("rejects a declaration that is not an object", () => {
    expect(validate([]).map((d) => d.code)).toEqual(["PW001"]);
    expect(validate(null).map((d) => d.code)).toEqual(["PW001"]);
  });
});
