/**
 * Test-only V2 variants of `validPipeline()` for the COND, TRIG and VAR tests: each is complete
 * and deployable, and every rule must stay silent on it.
 */
import { validPipeline, type Mutable } from "../testing/fixtures";

export function rule(name: string, provider: string, configuration?: Record<string, string>): Mutable {
  return {
    name,
    ruleTypeId: { category: "Rule", owner: "AWS", provider, version: "1" },
    ...(configuration ? { configuration } : {}),
  };
}

/** Build gated by an alarm before entry; Deploy checks the branch on success and rolls back on failure. */
export function conditionsPipeline(): Mutable {
  const doc = validPipeline();
  doc.stages[1].beforeEntry = {
    conditions: [{ result: "FAIL", rules: [rule("NoOpenAlarm", "CloudWatchAlarm", { AlarmName: "web-app-errors" })] }],
  };
  doc.stages[2].onSuccess = {
    conditions: [
      {
        result: "FAIL",
        rules: [rule("OnMain", "VariableCheck", { Variable: "#{SourceVariables.BranchName}", Operator: "EQ", Value: "main" })],
      },
    ],
  };
  doc.stages[2].onFailure = { result: "ROLLBACK" };
  return doc;
}

/** A GitHub (connection) source with push and pull-request triggers. */
export function triggersPipeline(): Mutable {
  const doc = validPipeline();
  doc.stages[0].actions[0] = {
    name: "Source",
    actionTypeId: { category: "Source", owner: "AWS", provider: "CodeStarSourceConnection", version: "1" },
    runOrder: 1,
    configuration: {
      ConnectionArn: "arn:aws:codeconnections:us-east-1:123456789012:connection/0f8e2d6c-1a2b-4c3d-9e8f-0123456789ab",
      FullRepositoryId: "acme/web-app",
      BranchName: "main",
      OutputArtifactFormat: "CODE_ZIP",
    },
    outputArtifacts: [{ name: "SourceOutput" }],
    inputArtifacts: [],
    namespace: "SourceVariables",
  };
  doc.triggers = [
    {
      providerType: "CodeStarSourceConnection",
      gitConfiguration: {
        sourceActionName: "Source",
        push: [{ branches: { includes: ["main", "release/**"] }, filePaths: { includes: ["src/**"], excludes: ["**/README.md"] } }],
        pullRequest: [{ events: ["OPEN", "UPDATED"], branches: { includes: ["main"] } }],
      },
    },
  ];
  return doc;
}

/** A pipeline variable used by CloudFormation, and a Commands action whose export Deploy reads. */
export function variablesPipeline(): Mutable {
  const doc = validPipeline();
  doc.variables = [{ name: "env", defaultValue: "prod", description: "Target environment" }];
  doc.stages[1].actions.push({
    name: "Test",
    actionTypeId: { category: "Compute", owner: "AWS", provider: "Commands", version: "1" },
    runOrder: 2,
    commands: ["npm ci", "npm test -- --env #{variables.env}"],
    inputArtifacts: [{ name: "SourceOutput" }],
    outputVariables: ["REPORT_URL"],
    namespace: "TestVariables",
  });
  doc.stages[2].actions[0].configuration.ParameterOverrides = '{"Env":"#{variables.env}","Report":"#{TestVariables.REPORT_URL}"}';
  return doc;
}
