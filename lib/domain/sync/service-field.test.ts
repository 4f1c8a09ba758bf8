import { describe, expect, it } from "vitest";
import { sampleDeclaration } from "../designer/test-fixtures";
import { declarationPathOf, fieldOfServiceMessage } from "./service-field";

describe("fieldOfServiceMessage", () => {
  it("maps AWS's 1-based model paths to declaration paths", () => {
    expect(declarationPathOf("pipeline.stages.2.member.actions.1.member.name")).toBe("stages[1].actions[0].name");
    expect(declarationPathOf("pipeline.stages.1.member.actions.3.member.configuration")).toBe("stages[0].actions[2].configuration");
    expect(declarationPathOf("pipeline.artifactStores.us-east-1.location")).toBe('artifactStores["us-east-1"].location');
    expect(declarationPathOf("pipeline.roleArn")).toBe("roleArn");
    expect(declarationPathOf("stages.1.member")).toBeUndefined();
    expect(declarationPathOf("pipeline.stages.0.member.name")).toBeUndefined();
  });

  it("finds the path inside the service's message", () => {
    const message =
      "1 validation error detected: Value at 'pipeline.stages.2.member.actions.1.member.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9.@\\-_]+";
    expect(fieldOfServiceMessage(message)).toEqual({ path: "stages[1].actions[0].name", awsPath: "pipeline.stages.2.member.actions.1.member.name" });
  });

  it("looks up bracketed stage, action and configuration names in the declaration", () => {
    const message =
      "Pipeline execution variables are referencing a namespace that does not exist. StageName=[Build], ActionName=[Test], ActionConfigurationKey=[ProjectName], VariableReferenceText=[#{Nope.X}]";
    expect(fieldOfServiceMessage(message, sampleDeclaration())).toEqual({ path: "stages[1].actions[1].configuration.ProjectName" });
    expect(fieldOfServiceMessage("StageName=[Build], ActionName=[Gone]", sampleDeclaration())).toEqual({ path: "stages[1]" });
    expect(fieldOfServiceMessage("StageName=[Nowhere]", sampleDeclaration())).toBeUndefined();
    expect(fieldOfServiceMessage("Something went wrong")).toBeUndefined();
  });
});
