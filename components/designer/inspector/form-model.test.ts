import { describe, expect, it } from "vitest";
import { findActionProvider } from "@/lib/domain/catalog/catalog";
import { configurationFields, fieldKind, isJsonKey, jsonError, splitMulti, toggleMulti, withConfigValue } from "./form-model";

const codeBuild = findActionProvider("Build", "AWS", "CodeBuild")!;
const cfn = findActionProvider("Deploy", "AWS", "CloudFormation")!;
const github = findActionProvider("Source", "ThirdParty", "GitHub")!;
const stepFunctions = findActionProvider("Invoke", "AWS", "StepFunctions")!;

describe("configurationFields", () => {
  it("lists catalog keys in order with required marks, then unknown keys", () => {
    const fields = configurationFields(codeBuild, { ProjectName: "p", Extra: "x" });
    expect(fields.map((f) => f.key)).toEqual([
      "ProjectName", "PrimarySource", "BatchEnabled", "CombineArtifacts", "EnvironmentVariables", "BuildspecOverride", "Extra",
    ]);
    expect(fields[0]).toMatchObject({ required: true, kind: "text", unknown: false });
    expect(fields.at(-1)).toMatchObject({ key: "Extra", unknown: true, kind: "text" });
  });

  it("maps true/false allowed values to boolean, others to select, secrets and JSON keys", () => {
    const kinds = Object.fromEntries(configurationFields(codeBuild, {}).map((f) => [f.key, f.kind]));
    expect(kinds.BatchEnabled).toBe("boolean");
    expect(kinds.EnvironmentVariables).toBe("json");
    const cfnFields = configurationFields(cfn, {});
    expect(cfnFields.find((f) => f.key === "ActionMode")).toMatchObject({ kind: "select", required: true });
    expect(cfnFields.find((f) => f.key === "ParameterOverrides")?.kind).toBe("json");
    // Capabilities holds a comma-separated list: a single select cannot express it.
    expect(cfnFields.find((f) => f.key === "Capabilities")).toMatchObject({ kind: "multi", separator: "," });
    expect(configurationFields(github, {}).find((f) => f.key === "OAuthToken")?.kind).toBe("secret");
  });

  it("offers the string values AWS stores for booleans", () => {
    expect(configurationFields(codeBuild, {}).find((f) => f.key === "BatchEnabled")?.options).toEqual(["true", "false"]);
  });

  it("without a catalog entry lists every present key as unknown", () => {
    expect(configurationFields(undefined, { A: "1" })).toEqual([
      { key: "A", kind: "text", required: false, description: "", options: [], unknown: true },
    ]);
  });
});

describe("isJsonKey", () => {
  it("StepFunctions Input is JSON unless InputType is FilePath", () => {
    expect(isJsonKey(stepFunctions, "Input", {})).toBe(true);
    expect(isJsonKey(stepFunctions, "Input", { InputType: "Literal" })).toBe(true);
    expect(isJsonKey(stepFunctions, "Input", { InputType: "FilePath" })).toBe(false);
    const input = stepFunctions.configuration.find((c) => c.key === "Input")!;
    expect(fieldKind(stepFunctions, input, { InputType: "FilePath" })).toBe("text");
  });

  it("is false for plain keys and unknown providers", () => {
    expect(isJsonKey(codeBuild, "ProjectName")).toBe(false);
    expect(isJsonKey(undefined, "ParameterOverrides")).toBe(false);
  });
});

describe("jsonError / withConfigValue", () => {
  it("reports parse errors, accepts empty text", () => {
    expect(jsonError("")).toBeUndefined();
    expect(jsonError('{"a": 1}')).toBeUndefined();
    expect(jsonError("{a}")).toMatch(/JSON/);
  });

  it("removes a key on empty value unless asked to keep it", () => {
    expect(withConfigValue({ A: "1", B: "2" }, "A", "")).toEqual({ B: "2" });
    expect(withConfigValue({ A: "1" }, "A", "", true)).toEqual({ A: "" });
    expect(withConfigValue({}, "A", "x")).toEqual({ A: "x" });
  });
});

describe("multi-valued keys", () => {
  const order = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"];
  it("splits and toggles values, in catalog order", () => {
    expect(splitMulti("CAPABILITY_IAM, CAPABILITY_AUTO_EXPAND,", ",")).toEqual(["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"]);
    expect(toggleMulti("CAPABILITY_AUTO_EXPAND", ",", "CAPABILITY_IAM", true, order)).toBe("CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND");
    expect(toggleMulti("CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND", ",", "CAPABILITY_IAM", false, order)).toBe("CAPABILITY_AUTO_EXPAND");
    expect(toggleMulti("", ",", "CAPABILITY_IAM", false, order)).toBe("");
  });
});
