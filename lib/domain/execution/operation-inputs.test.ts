import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DISABLE_TRANSITION_REASON } from "../pipeline/patterns";
import type { Diagnostic } from "../validation/diagnostic";
import { validPipeline, type Mutable } from "../validation/testing/fixtures";
import {
  sanitizeTransitionReason,
  validateApprovalResult,
  validateDisableTransitionReason,
  validateOverrideCondition,
  validateRetryStage,
  validateRollbackStage,
  validateStartExecution,
  validateStopExecution,
} from "./operation-inputs";

const TOKEN = "0123abcd-0123-4567-89ab-0123456789ab";

function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.severity} ${d.path}`);
}

/** A V2 pipeline with declared variables and an S3 source next to the CodeCommit one. */
function startable(): Mutable {
  const d = validPipeline();
  d.variables = [{ name: "env", defaultValue: "prod" }, { name: "release" }];
  d.stages[0].actions.push({
    name: "Assets",
    actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
    configuration: { S3Bucket: "assets", S3ObjectKey: "assets.zip", PollForSourceChanges: "false" },
    outputArtifacts: [{ name: "Assets" }],
  });
  return d;
}

describe("OPS001 DisableStageTransition reason", () => {
  it("accepts an allowed reason", () => {
    expect(validateDisableTransitionReason("Waiting for QA (ticket 12) - back soon!")).toEqual([]);
  });

  it("rejects commas, # and other characters, naming them and suggesting a fix", () => {
    const [d] = validateDisableTransitionReason("Waiting for QA, see ticket #12");
    expect(d).toMatchObject({ code: "OPS001", severity: "error", path: "reason" });
    expect(d!.message).toContain('","');
    expect(d!.message).toContain('"#"');
    expect(d!.message).toContain("Waiting for QA - see ticket 12");
  });

  it("rejects empty, missing, non-string and over-long reasons", () => {
    for (const reason of ["", undefined, 42, "a".repeat(301)]) {
      expect(summary(validateDisableTransitionReason(reason))).toEqual(["OPS001 error reason"]);
    }
  });
});

describe("sanitizeTransitionReason", () => {
  it("maps punctuation and strips accents", () => {
    expect(sanitizeTransitionReason("Waiting for QA, see ticket #12")).toBe("Waiting for QA - see ticket 12");
    expect(sanitizeTransitionReason("Déploiement: hotfix_42 / \"urgent\"\n[prod]")).toBe("Deploiement - hotfix-42 - urgent (prod)");
    expect(sanitizeTransitionReason("   ")).toBe("Transition disabled");
    expect(sanitizeTransitionReason("x".repeat(400))).toHaveLength(300);
  });

  it("always returns a valid reason", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        const reason = sanitizeTransitionReason(text);
        expect(DISABLE_TRANSITION_REASON.pattern!.test(reason)).toBe(true);
        expect(reason.length).toBeLessThanOrEqual(300);
        expect(validateDisableTransitionReason(reason)).toEqual([]);
      }),
    );
  });
});

describe("OPS002 PutApprovalResult", () => {
  it("accepts a valid approval, including an empty summary", () => {
    expect(validateApprovalResult({ result: { status: "Approved", summary: "" }, token: TOKEN })).toEqual([]);
  });

  it("rejects a wrong-case status with a suggestion", () => {
    const [d] = validateApprovalResult({ result: { status: "APPROVED", summary: "ok" }, token: TOKEN });
    expect(d).toMatchObject({ code: "OPS002", severity: "error", path: "result.status" });
    expect(d!.message).toContain('"Approved"');
  });

  it("rejects a long summary, a bad token and a missing result", () => {
    expect(summary(validateApprovalResult({ result: { status: "Rejected", summary: "x".repeat(513) }, token: "abc" }))).toEqual([
      "OPS002 error result.summary",
      "OPS002 error token",
    ]);
    expect(summary(validateApprovalResult({}))).toEqual(["OPS002 error result", "OPS002 error token"]);
    expect(summary(validateApprovalResult(null))).toEqual(["OPS002 error "]);
  });
});

describe("OPS003 StartPipelineExecution", () => {
  it("accepts a valid start", () => {
    const input = {
      variables: [{ name: "release", value: "1.2.3" }],
      clientRequestToken: "run-1",
      sourceRevisions: [
        { actionName: "Source", revisionType: "COMMIT_ID", revisionValue: "abc123" },
        { actionName: "Assets", revisionType: "S3_OBJECT_VERSION_ID", revisionValue: "v1" },
      ],
    };
    expect(validateStartExecution(input, startable())).toEqual([]);
    expect(validateStartExecution({}, validPipeline())).toEqual([]);
  });

  it("rejects an empty variables list and a bad token", () => {
    expect(summary(validateStartExecution({ variables: [], clientRequestToken: "run_1" }, validPipeline()))).toEqual([
      "OPS003 error variables",
      "OPS003 error clientRequestToken",
    ]);
  });

  it("rejects undeclared, duplicate and empty variables", () => {
    const input = {
      variables: [
        { name: "release", value: "1" },
        { name: "release", value: "2" },
        { name: "region", value: "eu" },
        { name: "env", value: "" },
      ],
    };
    expect(summary(validateStartExecution(input, startable()))).toEqual([
      "OPS003 error variables[1].name",
      "OPS003 error variables[2].name",
      "OPS003 error variables[3].value",
    ]);
  });

  it("warns about a declared variable without default that is not supplied", () => {
    expect(summary(validateStartExecution({}, startable()))).toEqual(["OPS003 warning variables"]);
  });

  it("rejects a revision for a non-source action and a bad revision type", () => {
    const input = {
      variables: [{ name: "release", value: "1" }],
      sourceRevisions: [
        { actionName: "Build", revisionType: "COMMIT_ID", revisionValue: "abc" },
        { actionName: "Source", revisionType: "commit_id", revisionValue: "abc" },
        { actionName: "Source", revisionType: "COMMIT_ID", revisionValue: "" },
      ],
    };
    expect(summary(validateStartExecution(input, startable()))).toEqual([
      "OPS003 error sourceRevisions[0].actionName",
      "OPS003 error sourceRevisions[1].revisionType",
      "OPS003 error sourceRevisions[2].revisionValue",
    ]);
  });

  it("warns when the revision type does not match the provider, or S3_OBJECT_KEY is not allowed", () => {
    const input = {
      variables: [{ name: "release", value: "1" }],
      sourceRevisions: [
        { actionName: "Source", revisionType: "IMAGE_DIGEST", revisionValue: "sha256:abc" },
        { actionName: "Assets", revisionType: "S3_OBJECT_KEY", revisionValue: "other.zip" },
      ],
    };
    expect(summary(validateStartExecution(input, startable()))).toEqual([
      "OPS003 warning sourceRevisions[0].revisionType",
      "OPS003 warning sourceRevisions[1].revisionType",
    ]);
    const allowed = startable();
    allowed.stages[0].actions[1].configuration.AllowOverrideForS3ObjectKey = "true";
    const combined = {
      variables: [{ name: "release", value: "1" }],
      sourceRevisions: [
        { actionName: "Assets", revisionType: "S3_OBJECT_KEY", revisionValue: "other.zip" },
        { actionName: "Assets", revisionType: "S3_OBJECT_VERSION_ID", revisionValue: "v2" },
      ],
    };
    expect(validateStartExecution(combined, allowed)).toEqual([]);
  });

  it("warns about two overrides of one git source and about V1 pipelines", () => {
    const d = validPipeline();
    d.pipelineType = "V1";
    const input = {
      sourceRevisions: [
        { actionName: "Source", revisionType: "COMMIT_ID", revisionValue: "a" },
        { actionName: "Source", revisionType: "COMMIT_ID", revisionValue: "b" },
      ],
    };
    expect(summary(validateStartExecution(input, d))).toEqual(["OPS003 warning sourceRevisions", "OPS003 warning sourceRevisions[1]"]);
  });

  it("checks shapes only when the declaration is unknown", () => {
    expect(validateStartExecution({ variables: [{ name: "x", value: "1" }], sourceRevisions: [{ actionName: "Any", revisionType: "COMMIT_ID", revisionValue: "a" }] }, undefined)).toEqual([]);
    expect(summary(validateStartExecution({ variables: "x", sourceRevisions: {} }, undefined))).toEqual([
      "OPS003 error variables",
      "OPS003 error sourceRevisions",
    ]);
  });
});

describe("OPS004 StopPipelineExecution", () => {
  it("accepts a first stop", () => {
    expect(validateStopExecution({ reason: "Bad commit", abandon: false })).toEqual([]);
  });

  it("rejects a reason over 200 characters and a non-boolean abandon", () => {
    expect(summary(validateStopExecution({ reason: "x".repeat(250), abandon: "yes" }))).toEqual([
      "OPS004 error reason",
      "OPS004 error abandon",
    ]);
  });

  it("warns about duplicated stop requests", () => {
    expect(summary(validateStopExecution({}, { previousStop: { abandon: false } }))).toEqual(["OPS004 warning abandon"]);
    expect(summary(validateStopExecution({ abandon: true }, { previousStop: { abandon: true } }))).toEqual(["OPS004 warning "]);
    expect(validateStopExecution({ abandon: true }, { previousStop: { abandon: false } })).toEqual([]);
  });
});

describe("OPS005 RetryStageExecution", () => {
  it("accepts a retry of the latest failed stage", () => {
    expect(validateRetryStage({ retryMode: "FAILED_ACTIONS" }, { stageStatus: "Failed", isLatestExecution: true })).toEqual([]);
  });

  it("rejects a bad retryMode", () => {
    expect(summary(validateRetryStage({ retryMode: "FAILED" }))).toEqual(["OPS005 error retryMode"]);
    expect(summary(validateRetryStage({}))).toEqual(["OPS005 error retryMode"]);
  });

  it("warns on skipped or successful stages and older executions", () => {
    expect(summary(validateRetryStage({ retryMode: "ALL_ACTIONS" }, { stageStatus: "Skipped" }))).toEqual(["OPS005 warning stageName"]);
    expect(summary(validateRetryStage({ retryMode: "ALL_ACTIONS" }, { stageStatus: "Succeeded", isLatestExecution: false }))).toEqual([
      "OPS005 warning stageName",
      "OPS005 warning pipelineExecutionId",
    ]);
  });
});

describe("OPS006 RollbackStage", () => {
  const target = { stageStatus: "Succeeded", pipelineVersion: 3, executionType: "STANDARD" };

  it("accepts a rollback to a successful execution of the current version", () => {
    const input = { stageName: "Deploy", targetPipelineExecutionId: TOKEN };
    expect(validateRollbackStage(input, { declaration: validPipeline(), currentPipelineVersion: 3, target })).toEqual([]);
  });

  it("warns on the source stage, unknown stages and PARALLEL pipelines", () => {
    const d = validPipeline();
    expect(summary(validateRollbackStage({ stageName: "Source", targetPipelineExecutionId: TOKEN }, { declaration: d }))).toEqual([
      "OPS006 warning stageName",
    ]);
    d.executionMode = "PARALLEL";
    expect(summary(validateRollbackStage({ stageName: "Nope", targetPipelineExecutionId: TOKEN }, { declaration: d }))).toEqual([
      "OPS006 warning stageName",
      "OPS006 warning ",
    ]);
  });

  it("warns on outdated, failed or rollback targets, and rejects a missing target", () => {
    const ctx = { currentPipelineVersion: 4, target: { stageStatus: "Failed", pipelineVersion: 3, executionType: "ROLLBACK" } };
    expect(summary(validateRollbackStage({ stageName: "Deploy" }, ctx))).toEqual([
      "OPS006 error targetPipelineExecutionId",
      "OPS006 warning targetPipelineExecutionId",
      "OPS006 warning targetPipelineExecutionId",
      "OPS006 warning targetPipelineExecutionId",
    ]);
  });
});

describe("OPS007 OverrideStageCondition", () => {
  it("accepts BEFORE_ENTRY and ON_SUCCESS", () => {
    expect(validateOverrideCondition({ conditionType: "BEFORE_ENTRY" }, { conditionResult: "FAIL" })).toEqual([]);
    expect(validateOverrideCondition({ conditionType: "ON_SUCCESS" })).toEqual([]);
  });

  it("rejects ON_FAILURE and wrong case", () => {
    expect(summary(validateOverrideCondition({ conditionType: "ON_FAILURE" }))).toEqual(["OPS007 error conditionType"]);
    expect(validateOverrideCondition({ conditionType: "before_entry" })[0]!.message).toContain('"BEFORE_ENTRY"');
  });

  it("warns on SKIP conditions", () => {
    expect(summary(validateOverrideCondition({ conditionType: "BEFORE_ENTRY" }, { conditionResult: "SKIP" }))).toEqual([
      "OPS007 warning conditionType",
    ]);
  });
});

describe("totality", () => {
  it("never throws on arbitrary inputs", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (input, other) => {
        validateDisableTransitionReason(input);
        validateApprovalResult(input);
        validateStartExecution(input, other);
        validateStopExecution(input);
        validateRetryStage(input);
        validateRollbackStage(input, { declaration: other });
        validateOverrideCondition(input);
      }),
    );
  });
});
