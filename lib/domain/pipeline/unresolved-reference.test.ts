import { describe, expect, it } from "vitest";
import { isUnresolvedReference, UNRESOLVED_REFERENCE_PREFIX, unresolvedReferenceBody } from "./unresolved-reference";

describe("isUnresolvedReference", () => {
  it.each(["${!Ref Bucket}", "${!GetAtt Role.Arn}", "${!{Fn::GetAtt: [Role, Arn]}}", '${!Join ["", [a, !Ref B]]}'])("recognises %s", (value) => {
    expect(isUnresolvedReference(value)).toBe(true);
    expect(value.startsWith(UNRESOLVED_REFERENCE_PREFIX)).toBe(true);
  });

  it.each(["", "${!}", "${Ref Bucket}", "#{SourceVariables.CommitId}", "arn:aws:iam::1:role/${x}", 42, null, ["${!Ref X}"]])("rejects %j", (value) => {
    expect(isUnresolvedReference(value)).toBe(false);
  });

  it("gives the intrinsic text", () => {
    expect(unresolvedReferenceBody("${!GetAtt Role.Arn}")).toBe("GetAtt Role.Arn");
  });
});
