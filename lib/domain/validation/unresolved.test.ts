import { describe, expect, it } from "vitest";
import { TEST_CONTEXT, validPipeline } from "./testing/fixtures";
import { pathTouchesReference, UNRESOLVED_REFERENCE } from "./unresolved";
import { validate } from "./validate";

describe("unresolved CloudFormation references", () => {
  it("reports each reference once as a warning and nothing else about that field", () => {
    const doc = validPipeline();
    doc.roleArn = "${!GetAtt PipelineRole.Arn}";
    doc.artifactStore.location = "${!Ref ArtifactBucket}";
    const diagnostics = validate(doc, TEST_CONTEXT);
    expect(diagnostics.map((d) => [d.code, d.severity, d.path])).toEqual([
      [UNRESOLVED_REFERENCE, "warning", "roleArn"],
      [UNRESOLVED_REFERENCE, "warning", "artifactStore.location"],
    ]);
    expect(diagnostics[0]!.message).toContain("GetAtt PipelineRole.Arn");
  });

  it("keeps findings on the same field when it is a plain value", () => {
    const doc = validPipeline();
    doc.roleArn = "not-an-arn";
    expect(validate(doc, TEST_CONTEXT).map((d) => d.code)).toContain("PIPE004");
  });

  it("finds references along a path, in values and in keys", () => {
    const doc = { a: [{ b: "${!Ref X}" }], m: { "${!Ref Region}": { c: 1 } } };
    expect(pathTouchesReference(doc, "a[0].b")).toBe(true);
    expect(pathTouchesReference(doc, 'm["${!Ref Region}"].c')).toBe(true);
    expect(pathTouchesReference(doc, "a[0]")).toBe(false);
    expect(pathTouchesReference(doc, "a[3].b")).toBe(false);
  });
});
