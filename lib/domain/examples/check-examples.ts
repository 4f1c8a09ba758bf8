/**
 * Example documents offered by the in-browser checker, one per common form. The first is a
 * deployable pipeline; the second is a CloudFormation template with a real mistake in it
 * (its build reads an artifact that only the deploy stage produces).
 */
export interface CheckExample {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

const VALID_DECLARATION = {
  name: "web-app",
  roleArn: "arn:aws:iam::123456789012:role/service-role/AWSCodePipelineServiceRole-web-app",
  artifactStore: { type: "S3", location: "codepipeline-us-east-1-123456789012" },
  stages: [
    {
      name: "Source",
      actions: [
        {
          name: "Source",
          actionTypeId: { category: "Source", owner: "AWS", provider: "CodeStarSourceConnection", version: "1" },
          runOrder: 1,
          configuration: {
            ConnectionArn: "arn:aws:codeconnections:us-east-1:123456789012:connection/0a1b2c3d-4e5f-6789-abcd-ef0123456789",
            FullRepositoryId: "example-org/web-app",
            BranchName: "main",
            OutputArtifactFormat: "CODE_ZIP",
          },
          outputArtifacts: [{ name: "SourceOutput" }],
          namespace: "SourceVariables",
        },
      ],
    },
    {
      name: "Build",
      actions: [
        {
          name: "UnitTests",
          actionTypeId: { category: "Test", owner: "AWS", provider: "CodeBuild", version: "1" },
          runOrder: 1,
          configuration: { ProjectName: "web-app-unit-tests" },
          inputArtifacts: [{ name: "SourceOutput" }],
        },
        {
          name: "Build",
          actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
          runOrder: 1,
          configuration: {
            ProjectName: "web-app-build",
            EnvironmentVariables: '[{"name":"COMMIT_ID","value":"#{SourceVariables.CommitId}","type":"PLAINTEXT"}]',
          },
          inputArtifacts: [{ name: "SourceOutput" }],
          outputArtifacts: [{ name: "BuildOutput" }],
        },
      ],
    },
    {
      name: "Deploy",
      actions: [
        {
          name: "Approve",
          actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" },
          runOrder: 1,
          configuration: { CustomData: "Release #{SourceVariables.CommitId} to production?" },
        },
        {
          name: "Deploy",
          actionTypeId: { category: "Deploy", owner: "AWS", provider: "CloudFormation", version: "1" },
          runOrder: 2,
          configuration: {
            ActionMode: "CREATE_UPDATE",
            StackName: "web-app",
            TemplatePath: "BuildOutput::template.yaml",
            RoleArn: "arn:aws:iam::123456789012:role/cfn-deploy",
            Capabilities: "CAPABILITY_IAM",
          },
          inputArtifacts: [{ name: "BuildOutput" }],
        },
      ],
    },
  ],
  executionMode: "QUEUED",
  pipelineType: "V2",
};

const BROKEN_TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Description: Web app pipeline whose build reads an artifact only the deploy stage produces.
Parameters:
  ArtifactBucket:
    Type: String
Resources:
  Pipeline:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      Name: web-app
      PipelineType: V2
      RoleArn: !GetAtt PipelineRole.Arn
      ArtifactStore:
        Type: S3
        Location: !Ref ArtifactBucket
      Stages:
        - Name: Source
          Actions:
            - Name: Source
              ActionTypeId: { Category: Source, Owner: AWS, Provider: S3, Version: 1 }
              Configuration:
                S3Bucket: !Ref ArtifactBucket
                S3ObjectKey: source/web-app.zip
                PollForSourceChanges: false
              OutputArtifacts:
                - Name: SourceOutput
        - Name: Build
          Actions:
            - Name: Build
              ActionTypeId: { Category: Build, Owner: AWS, Provider: CodeBuild, Version: 1 }
              Configuration:
                ProjectName: web-app-build
              InputArtifacts:
                - Name: TestReport
              OutputArtifacts:
                - Name: BuildOutput
        - Name: Deploy
          Actions:
            - Name: Test
              ActionTypeId: { Category: Test, Owner: AWS, Provider: CodeBuild, Version: 1 }
              Configuration:
                ProjectName: web-app-test
              InputArtifacts:
                - Name: SourceOutput
              OutputArtifacts:
                - Name: TestReport
              RunOrder: 1
            - Name: Deploy
              ActionTypeId: { Category: Deploy, Owner: AWS, Provider: CloudFormation, Version: 1 }
              Configuration:
                ActionMode: CREATE_UPDATE
                StackName: web-app
                TemplatePath: BuildOutput::template.yaml
                RoleArn: arn:aws:iam::123456789012:role/cfn-deploy
              InputArtifacts:
                - Name: BuildOutput
              RunOrder: 2
`;

export const CHECK_EXAMPLES: readonly CheckExample[] = [
  { id: "valid-declaration", title: "Valid pipeline (declaration JSON)", text: `${JSON.stringify(VALID_DECLARATION, null, 2)}\n` },
  { id: "broken-template", title: "Template with a mistake (CloudFormation YAML)", text: BROKEN_TEMPLATE },
];
