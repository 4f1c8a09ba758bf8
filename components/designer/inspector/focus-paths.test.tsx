/**
 * Every problem leads to the field that shows it. For every diagnostic code the validator
 * reports with a path — collected by breaking each member of two complete pipelines in turn
 * (wrong types, empty values, missing members) — the inspector of the element the path points
 * into (rendered to markup) has a field for that path: the field of the path itself, the first
 * field inside it, or the nearest field that holds it. Never a whole section (the triggers, the
 * variables, the artifact stores) when the problem is in one of its entries, never the
 * pipeline's name for a problem about something else.
 */
import { describe, expect, it } from "vitest";
import type { DesignerDocument } from "@/lib/domain/designer/contract";
import { documentFromDeclaration } from "@/lib/domain/designer/document";
import { groupIssues } from "@/lib/domain/designer/issues";
import { isObject, type JsonObject } from "@/lib/domain/json";
import { validate, type Diagnostic } from "@/lib/domain/validation";
import { formatPath, parsePath, type PathSegment } from "@/lib/domain/validation/path";
import { Inspector } from "./inspector";
import { loadedMarkup } from "./testing/markup";
import { closestFieldPath, focusPathOf, pathWithin, selectionFromPath } from "./selection-from-path";

const CONTEXT = { region: "us-east-1" };

const type = (category: string, provider: string) => ({ category, owner: "AWS", provider, version: "1" });
const rule = (name: string, provider: string, configuration: JsonObject) => ({ name, ruleTypeId: { ...type("Rule", provider) }, configuration });

/** A V2 pipeline that uses every member of the declaration the designer edits. */
function complete(): JsonObject {
  return {
    name: "complete",
    roleArn: "arn:aws:iam::123456789012:role/pipeline",
    artifactStore: { type: "S3", location: "artifacts-bucket", encryptionKey: { id: "alias/pipeline", type: "KMS" } },
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Checkout",
            actionTypeId: type("Source", "CodeStarSourceConnection"),
            runOrder: 1,
            configuration: {
              ConnectionArn: "arn:aws:codeconnections:us-east-1:123456789012:connection/0f8e2d6c-1a2b-4c3d-9e8f-0123456789ab",
              FullRepositoryId: "acme/web",
              BranchName: "main",
            },
            outputArtifacts: [{ name: "Code" }],
            namespace: "SourceVariables",
          },
        ],
      },
      {
        name: "Build",
        beforeEntry: { conditions: [{ result: "FAIL", rules: [rule("NoAlarm", "CloudWatchAlarm", { AlarmName: "errors" })] }] },
        onSuccess: { conditions: [{ result: "FAIL", rules: [rule("OnMain", "VariableCheck", { Variable: "#{SourceVariables.BranchName}", Operator: "EQ", Value: "main" })] }] },
        onFailure: {
          result: "RETRY",
          retryConfiguration: { retryMode: "FAILED_ACTIONS" },
          conditions: [{ result: "RETRY", rules: [rule("Again", "CloudWatchAlarm", { AlarmName: "flaky" })] }],
        },
        actions: [
          {
            name: "Compile",
            actionTypeId: type("Build", "CodeBuild"),
            runOrder: 1,
            configuration: { ProjectName: "compile", EnvironmentVariables: '[{"name":"A","value":"1","type":"PLAINTEXT"}]' },
            inputArtifacts: [{ name: "Code" }],
            outputArtifacts: [{ name: "Built" }],
            roleArn: "arn:aws:iam::123456789012:role/build",
            region: "us-east-1",
          },
          {
            name: "Check",
            actionTypeId: type("Compute", "Commands"),
            runOrder: 2,
            commands: ["npm ci", "npm test"],
            inputArtifacts: [{ name: "Built" }],
            outputVariables: ["REPORT"],
            environmentVariables: [{ name: "MODE", value: "ci", type: "PLAINTEXT" }],
            namespace: "CheckVariables",
          },
        ],
      },
      {
        name: "Release",
        actions: [{ name: "Approve", actionTypeId: type("Approval", "Manual"), runOrder: 1, configuration: { CustomData: "ship?" }, timeoutInMinutes: 60 }],
      },
    ],
    variables: [{ name: "env", defaultValue: "prod", description: "Target environment" }],
    triggers: [
      {
        providerType: "CodeStarSourceConnection",
        gitConfiguration: {
          sourceActionName: "Checkout",
          push: [{ tags: { includes: ["v*"], excludes: ["v0*"] } }, { branches: { includes: ["main"], excludes: ["tmp"] }, filePaths: { includes: ["src/**"], excludes: ["docs/**"] } }],
          pullRequest: [{ events: ["OPEN"], branches: { includes: ["main"] }, filePaths: { includes: ["src/**"] } }],
        },
      },
    ],
    version: 1,
    pipelineType: "V2",
    executionMode: "QUEUED",
  };
}

/** The same pipeline with one artifact store per region. */
function completeRegional(): JsonObject {
  const { artifactStore, ...rest } = complete();
  return { ...rest, artifactStores: { "us-east-1": artifactStore, "eu-west-1": { type: "S3", location: "artifacts-eu" } } };
}

/** Every member and list entry of a value, as diagnostic paths. */
function memberPaths(value: unknown, segments: PathSegment[] = []): PathSegment[][] {
  const children: [PathSegment, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : isObject(value)
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => [[...segments, key], ...memberPaths(child, [...segments, key])]);
}

/** A copy of `root` with the member at `segments` replaced (or removed when `value` is `REMOVE`). */
function withMember(root: JsonObject, segments: readonly PathSegment[], value: unknown): JsonObject {
  const copy = structuredClone(root);
  let parent: unknown = copy;
  for (const segment of segments.slice(0, -1)) parent = (parent as Record<PathSegment, unknown>)[segment];
  const last = segments[segments.length - 1]!;
  if (value !== REMOVE) (parent as Record<PathSegment, unknown>)[last] = value;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete (parent as Record<PathSegment, unknown>)[last];
  return copy;
}

const REMOVE = Symbol("remove");
const BREAKAGES: readonly unknown[] = [REMOVE, null, 7, "", "x".repeat(1100), [], {}, true];

interface Case {
  readonly declaration: JsonObject;
  readonly diagnostic: Diagnostic;
}

/** Whole pipelines that break rules no single member does: V2 features in a V1 pipeline, too few stages. */
function wholeBreakages(): JsonObject[] {
  const stages = complete().stages as JsonObject[];
  return [
    { ...complete(), pipelineType: "V1" },
    { ...complete(), stages: [stages[0]] },
    { ...complete(), stages: [stages[0], { name: "Again", actions: [(stages[0]!.actions as JsonObject[])[0]] }] },
  ];
}

/** One case per code and path shape (list positions and map keys left as they are). */
function corpus(): Map<string, Case> {
  const cases = new Map<string, Case>();
  const add = (declaration: JsonObject) => {
    for (const diagnostic of validate(declaration, CONTEXT)) {
      const key = `${diagnostic.code} ${diagnostic.path.replace(/\[\d+\]/g, "[]")}`;
      if (!cases.has(key)) cases.set(key, { declaration, diagnostic });
    }
  };
  for (const base of [complete(), completeRegional()]) {
    for (const segments of memberPaths(base)) {
      for (const breakage of BREAKAGES) add(withMember(base, segments, breakage));
    }
  }
  for (const declaration of wholeBreakages()) add(declaration);
  return cases;
}

/** The data-path of every field the inspector renders for the element a diagnostic points into. */
async function renderedFieldPaths(document: DesignerDocument, diagnostic: Diagnostic, diagnostics: readonly Diagnostic[]): Promise<string[]> {
  const html = await loadedMarkup(
    <Inspector
      document={document}
      selection={selectionFromPath(document, diagnostic.path)}
      issues={groupIssues(document, diagnostics)}
      diagnostics={diagnostics}
      dispatch={() => {}}
      select={() => {}}
    />,
  );
  return [...html.matchAll(/data-path="([^"]*)"/g)].map((m) => m[1]!.replaceAll("&quot;", '"'));
}

/** Sections whose first field belongs to one entry: landing there for another entry misleads. */
const SECTIONS = new Set(["triggers", "variables", "artifactStores", "stages"]);

/**
 * Members the designer has no field for, and why. A problem there selects its element; the
 * inspector's list of the element's problems shows it.
 */
const WITHOUT_FIELD: readonly { readonly path: RegExp; readonly why: string }[] = [
  { path: /^version$/, why: "set by CodePipeline on every update, not edited in a design" },
  { path: /^$/, why: "the whole pipeline (for example EXEC002, PIPE015): no one field decides it" },
];

async function check({ declaration, diagnostic }: Case): Promise<void> {
  const document = documentFromDeclaration(declaration);
  const diagnostics = validate(declaration, CONTEXT);
  const focus = focusPathOf(diagnostic);
  const chosen = closestFieldPath(await renderedFieldPaths(document, diagnostic, diagnostics), focus);
  const label = `${diagnostic.code} at "${diagnostic.path}" (${diagnostic.message})`;
  if (WITHOUT_FIELD.some((w) => w.path.test(focus))) {
    expect(chosen, label).toBeUndefined();
    return;
  }
  expect(chosen, label).toBeDefined();
  expect(pathWithin(focus, chosen!) || pathWithin(chosen!, focus), label).toBe(true);
  if (chosen !== focus && pathWithin(focus, chosen!)) expect(SECTIONS.has(chosen!), `${label} lands on the whole ${chosen}`).toBe(false);
}

describe("problems lead to their field", () => {
  const cases = corpus();

  it("covers the codes a broken member can cause", () => {
    const codes = new Set([...cases.values()].map((c) => c.diagnostic.code));
    // A floor, not the exact set: the validator may gain codes; losing many means the corpus broke.
    expect(codes.size).toBeGreaterThan(70);
    for (const code of ["PIPE011", "PIPE014", "STG003", "STORE001", "TRIG007"]) expect(codes).toContain(code);
  });

  it.each([...cases.entries()])("%s", (_key, c) => check(c));
});

describe("the problems that used to lead nowhere", () => {
  const fieldFor = async (declaration: JsonObject, code: string): Promise<string | undefined> => {
    const diagnostics = validate(declaration, CONTEXT);
    const diagnostic = diagnostics.find((d) => d.code === code);
    expect(diagnostic, `${code} reported`).toBeDefined();
    const document = documentFromDeclaration(declaration);
    return closestFieldPath(await renderedFieldPaths(document, diagnostic!, diagnostics), focusPathOf(diagnostic!));
  };
  const stages = complete().stages as JsonObject[];

  it("PIPE011 (too few stages) leads to the pipeline's stage list", async () => {
    expect(await fieldFor({ ...complete(), stages: [stages[0]], triggers: undefined }, "PIPE011")).toBe("stages");
  });

  it("PIPE014 (only source actions) leads to the pipeline's stage list", async () => {
    expect(await fieldFor({ ...complete(), stages: [stages[0], { name: "More", actions: [(stages[0]!.actions as JsonObject[])[0]] }], triggers: undefined }, "PIPE014")).toBe("stages");
  });

  it("STG003 (a stage without actions) leads to that stage's actions", async () => {
    expect(await fieldFor({ ...complete(), stages: [stages[0], stages[1], { name: "Empty", actions: [] }] }, "STG003")).toBe("stages[2].actions");
  });

  it("STORE001 (no store, or both kinds) leads to the artifact storage choice", async () => {
    const { artifactStore: _, ...none } = complete();
    expect(await fieldFor(none, "STORE001")).toBe("artifactStoreMode");
    expect(await fieldFor({ ...completeRegional(), artifactStore: complete().artifactStore }, "STORE001")).toBe("artifactStoreMode");
  });

  it("TRIG007 (too many filters) leads to that filter list, not to the source action", async () => {
    const declaration = complete();
    const git = ((declaration.triggers as JsonObject[])[0]!.gitConfiguration as JsonObject);
    git.push = [1, 2, 3, 4].map((n) => ({ branches: { includes: [`b${n}`] } }));
    expect(await fieldFor(declaration, "TRIG007")).toBe("triggers[0].gitConfiguration.push");
  });
});

describe("the corpus's own tools", () => {
  it("lists member paths and edits one member", () => {
    expect(memberPaths({ a: [{ b: 1 }] }).map(formatPath)).toEqual(["a", "a[0]", "a[0].b"]);
    expect(withMember({ a: [1, 2] }, parsePath("a[0]"), REMOVE)).toEqual({ a: [2] });
    expect(withMember({ a: { b: 1 } }, parsePath("a.b"), null)).toEqual({ a: { b: null } });
  });
});
