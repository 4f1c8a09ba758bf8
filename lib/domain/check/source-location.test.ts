import { describe, expect, it } from "vitest";
import { sourceLocator } from "./source-location";

/** Line and column (1-based) of the `occurrence`-th appearance of `needle` in `text`. */
function at(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence} times`);
  }
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  return { line, column: index - before.lastIndexOf("\n") };
}

const DECLARATION = JSON.stringify(
  {
    name: "web",
    roleArn: "arn:aws:iam::123456789012:role/r",
    artifactStore: { type: "S3", location: "bucket" },
    stages: [
      { name: "Source", actions: [{ name: "Fetch", actionTypeId: { category: "Source" }, outputArtifacts: [{ name: "Src" }] }] },
      { name: "Build", actions: [{ name: "Compile", configuration: { ProjectName: "p" }, inputArtifacts: [{ name: "Src" }] }] },
    ],
  },
  null,
  2,
);

describe("sourceLocator", () => {
  it("finds a field of a JSON declaration at its key", () => {
    const locate = sourceLocator(DECLARATION);
    const pipeline = { form: "declaration", label: "web" } as const;
    expect(locate.locate(pipeline, "stages[1].actions[0].inputArtifacts[0].name")).toEqual(at(DECLARATION, '"name": "Src"', 2));
    expect(locate.locate(pipeline, "stages[1].actions[0].configuration.ProjectName")).toEqual(at(DECLARATION, '"ProjectName"'));
    expect(locate.locate(pipeline, "roleArn")).toEqual(at(DECLARATION, '"roleArn"'));
  });

  it("points at a list item by index and at the whole document for the pipeline itself", () => {
    const locate = sourceLocator(DECLARATION);
    const pipeline = { form: "declaration", label: "web" } as const;
    expect(locate.locate(pipeline, "stages[1]")).toEqual(at(DECLARATION, '{\n      "name": "Build"'));
    expect(locate.locate(pipeline, "")).toEqual({ line: 1, column: 1 });
  });

  it("gives the nearest enclosing element for a member the text does not have", () => {
    const locate = sourceLocator(DECLARATION);
    const pipeline = { form: "declaration", label: "web" } as const;
    expect(locate.locate(pipeline, "stages[0].actions[0].actionTypeId.provider")).toEqual(at(DECLARATION, '"actionTypeId"'));
    expect(locate.locate(pipeline, "pipelineType")).toEqual({ line: 1, column: 1 });
    expect(locate.locate(pipeline, "stages[7].name")).toEqual(at(DECLARATION, '"stages"'));
  });

  it("looks inside the pipeline member of get-pipeline and cli-input documents", () => {
    const text = `{\n  "pipeline": ${DECLARATION.replace(/\n/g, "\n  ")},\n  "metadata": {}\n}\n`;
    const locate = sourceLocator(text);
    for (const form of ["get-pipeline", "cli-input"] as const) {
      expect(locate.locate({ form, label: "web" }, "artifactStore.location")).toEqual(at(text, '"location"'));
      expect(locate.locate({ form, label: "web" }, "")).toEqual(at(text, '"pipeline"'));
    }
  });

  it("follows CloudFormation names, its artifact store list and the resource's logical id in a YAML template", () => {
    const text = [
      "AWSTemplateFormatVersion: '2010-09-09'",
      "Resources:",
      "  Bucket:",
      "    Type: AWS::S3::Bucket",
      "  Other:",
      "    Type: AWS::CodePipeline::Pipeline",
      "    Properties:",
      "      RoleArn: !GetAtt Role.Arn",
      "  Release:",
      "    Type: AWS::CodePipeline::Pipeline",
      "    Properties:",
      "      RoleArn: !GetAtt Role.Arn",
      "      ArtifactStores:",
      "        - Region: us-east-1",
      "          ArtifactStore: { Type: S3, Location: east-bucket }",
      "        - Region: eu-west-1",
      "          ArtifactStore:",
      "            Type: S3",
      "            Location: west-bucket",
      "      Stages:",
      "        - Name: Source",
      "          Actions:",
      "            - Name: Fetch",
      "              Configuration:",
      "                S3Bucket: !Ref SourceBucket",
      "",
    ].join("\n");
    const locate = sourceLocator(text);
    const release = { form: "cloudformation-template", label: "Release" } as const;
    expect(locate.locate(release, "roleArn")).toEqual(at(text, "RoleArn", 2));
    expect(locate.locate(release, 'artifactStores["eu-west-1"].location')).toEqual(at(text, "Location: west-bucket"));
    expect(locate.locate(release, 'artifactStores["us-east-1"].location')).toEqual(at(text, "Location: east-bucket"));
    expect(locate.locate(release, "stages[0].actions[0].configuration.S3Bucket")).toEqual(at(text, "S3Bucket"));
    expect(locate.locate(release, "stages[0].actions[0].runOrder")).toEqual(at(text, "Name: Fetch"));
    expect(locate.locate(release, "")).toEqual(at(text, "Properties", 2));
    expect(locate.locate({ form: "cloudformation-template", label: "Other" }, "roleArn")).toEqual(at(text, "RoleArn"));
  });

  it("reads a single resource, and a snippet that maps logical ids to resources", () => {
    const resource = '{\n  "Type": "AWS::CodePipeline::Pipeline",\n  "Properties": {\n    "Name": "p",\n    "Stages": []\n  }\n}\n';
    expect(sourceLocator(resource).locate({ form: "cloudformation-resource", label: "p" }, "stages")).toEqual(at(resource, '"Stages"'));
    const snippet = "MyPipeline:\n  Type: AWS::CodePipeline::Pipeline\n  Properties:\n    Name: p\n    RoleArn: arn\n";
    // A form name the importer may add for snippets: anything not an API form is CloudFormation.
    const form = "cloudformation-snippet" as unknown as "cloudformation-resource";
    expect(sourceLocator(snippet).locate({ form, label: "MyPipeline" }, "roleArn")).toEqual(at(snippet, "RoleArn"));
  });

  it("follows YAML aliases, ignores a byte order mark and survives text that is not a tree", () => {
    const text = "\uFEFFname: web\nstages:\n  - &source\n    name: Source\n    actions: []\n  - *source\n";
    const locate = sourceLocator(text);
    const pipeline = { form: "declaration", label: "web" } as const;
    expect(locate.locate(pipeline, "stages[1].name")).toEqual({ line: 4, column: 5 });
    expect(locate.locate(pipeline, "name")).toEqual({ line: 1, column: 1 });
    expect(sourceLocator("").locate(pipeline, "name")).toBeUndefined();
    expect(sourceLocator("just text").locate(pipeline, "name")).toEqual({ line: 1, column: 1 });
  });
});
