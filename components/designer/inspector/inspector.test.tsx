/**
 * Smoke tests of the inspector and problems panel rendered to static markup: every selection
 * kind renders its labelled fields, diagnostics appear inline and carry their paths.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { DesignerCommand, DesignerDocument, Selection } from "@/lib/domain/designer/contract";
import { documentFromDeclaration } from "@/lib/domain/designer/document";
import { groupIssues } from "@/lib/domain/designer/issues";
import { sampleDeclaration } from "@/lib/domain/designer/test-fixtures";
import { validate } from "@/lib/domain/validation";
import { Inspector } from "./inspector";
import { loadedMarkup } from "./testing/markup";
import { ProblemsPanel } from "@/components/designer/problems/problems-panel";

function render(document: DesignerDocument, selection: Selection): Promise<string> {
  const diagnostics = validate(document.declaration, { region: "us-east-1" });
  const commands: DesignerCommand[] = [];
  return loadedMarkup(
    <Inspector
      document={document}
      selection={selection}
      issues={groupIssues(document, diagnostics)}
      diagnostics={diagnostics}
      dispatch={(c) => commands.push(c)}
      select={() => {}}
    />,
  );
}

describe("Inspector", () => {
  const doc = documentFromDeclaration(sampleDeclaration());

  it("renders an action's fields with catalog configuration and earlier artifacts only", async () => {
    const html = await render(doc, { kind: "action", actionId: doc.actionIds[1]![1]! });
    for (const label of ["Action name", "Provider", "ProjectName", "EnvironmentVariables", "Namespace", "Region", "Role ARN", "Input artifact 1"]) {
      expect(html).toContain(label);
    }
    expect(html).toContain('data-path="stages[1].actions[1].configuration.ProjectName"');
    expect(html).toContain('<option value="BuildArtifact" selected="">BuildArtifact</option>');
    expect(html).not.toContain("Timeout (minutes)");
  });

  it("renders stage and pipeline settings", async () => {
    const stage = await render(doc, { kind: "stage", stageId: doc.stageIds[1]! });
    expect(stage).toContain("Stage name");
    expect(stage).toContain("On failure result");
    const pipeline = await render(doc, { kind: "pipeline" });
    for (const label of ["Pipeline name", "Service role ARN", "Pipeline type", "Execution mode", "Artifact bucket", "Add variable"]) {
      expect(pipeline).toContain(label);
    }
  });

  it("shows a field's diagnostics inline", async () => {
    const declaration = sampleDeclaration();
    const stages = declaration.stages as { actions: { configuration?: unknown }[] }[];
    delete stages[1]!.actions[0]!.configuration;
    const broken = documentFromDeclaration(declaration);
    const html = await render(broken, { kind: "action", actionId: broken.actionIds[1]![0]! });
    expect(html).toContain('data-testid="field-diagnostics"');
    expect(html).toMatch(/ProjectName/);
  });

  it("escapes names containing markup", async () => {
    const declaration = sampleDeclaration();
    (declaration as { name: string }).name = "<script>alert(1)</script>";
    const html = await render(documentFromDeclaration(declaration), { kind: "pipeline" });
    expect(html).not.toContain("<script>alert");
  });
});

describe("Inspector secrets and triggers", () => {
  const declaration = {
    name: "gh",
    roleArn: "arn:aws:iam::123456789012:role/p",
    artifactStore: { type: "S3", location: "b" },
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "OldGitHub",
            actionTypeId: { category: "Source", owner: "ThirdParty", provider: "GitHub", version: "1" },
            configuration: { Owner: "o", Repo: "r", Branch: "main", OAuthToken: "s3cret" },
            outputArtifacts: [{ name: "A" }],
          },
          {
            name: "Conn",
            actionTypeId: { category: "Source", owner: "AWS", provider: "CodeStarSourceConnection", version: "1" },
            configuration: { ConnectionArn: "arn:aws:codeconnections:us-east-1:123456789012:connection/x", FullRepositoryId: "o/r", BranchName: "main" },
            outputArtifacts: [{ name: "B" }],
          },
        ],
      },
      { name: "Build", actions: [{ name: "B", actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" }, configuration: { ProjectName: "p" }, inputArtifacts: [{ name: "A" }] }] },
    ],
    triggers: [{ providerType: "CodeStarSourceConnection", gitConfiguration: { sourceActionName: "Conn", push: [{ branches: { includes: ["main", "release/*"] } }] } }],
  };
  const doc = documentFromDeclaration(declaration);

  it("masks secret configuration values", async () => {
    const html = await render(doc, { kind: "action", actionId: doc.actionIds[0]![0]! });
    expect(html).toMatch(/<input[^>]*type="password"[^>]*value="s3cret"/);
    expect(html).toContain('aria-label="Reveal OAuthToken"');
  });

  it("limits trigger sources to CodeStarSourceConnection actions and shows filters", async () => {
    const html = await render(doc, { kind: "pipeline" });
    const select = /<select[^>]*data-path="triggers\[0\].gitConfiguration.sourceActionName"[^>]*>(.*?)<\/select>/.exec(html)?.[1] ?? "";
    expect(select).toContain(">Conn<");
    expect(select).not.toContain("OldGitHub");
    expect(html).toContain('value="main, release/*"');
  });
});

describe("ProblemsPanel", () => {
  it("lists errors first with the element's name", async () => {
    const declaration = sampleDeclaration();
    const stages = declaration.stages as { actions: { inputArtifacts?: unknown }[] }[];
    stages[1]!.actions[1]!.inputArtifacts = [{ name: "Nowhere" }];
    const doc = documentFromDeclaration(declaration);
    const diagnostics = validate(doc.declaration, { region: "us-east-1" });
    const html = renderToStaticMarkup(<ProblemsPanel document={doc} diagnostics={diagnostics} select={() => {}} />);
    expect(html).toContain('data-testid="problem"');
    expect(html).toContain("Build / Test");
    const first = html.indexOf('data-severity="');
    expect(html.slice(first, first + 30)).toContain("error");
  });
});
