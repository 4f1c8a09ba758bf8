import { importText, exportPipeline } from "../lib/domain/formats";
const src = `# Source: test
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Branch: {Type: String}
Resources:
  Role: {Type: AWS::IAM::Role}
  AppPipeline:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      RoleArn: !GetAtt Role.Arn   # role
      RestartExecutionOnUpdate: true
      ArtifactStore:
        Type: S3
        Location: !Ref Bucket
      Stages:
        - Name: Source
          Actions:
            - Name: Src
              ActionTypeId: {Category: Source, Owner: AWS, Version: 1, Provider: S3}
              OutputArtifacts: [{Name: SourceOutput}]
              Configuration:
                S3Bucket: !Ref Bucket
                PollForSourceChanges: false
              RunOrder: 1
        - Name: Beta
          Actions:
            - Name: Deploy
              ActionTypeId:
                Category: Deploy
                Owner: AWS
                Version: "1"
                Provider: CodeDeploy
              InputArtifacts: [{Name: SourceOutput}]
              Configuration:
                ApplicationName: {"Ref": "App"}
                DeploymentGroupName: !Join ["-", [!Ref App, beta]]
      Tags:
        - Key: team
          Value: !Ref Branch
Outputs:
  X: {Value: !Ref AppPipeline}
`;
const r = importText(src, { fileName: "t.yaml" });
if (!r.ok) { console.log(String(r.error)); process.exit(1); }
console.log(r.form, r.warnings);
const p = r.pipelines[0]!;
console.log(JSON.stringify(p.declaration, null, 1));
for (const w of p.warnings) console.log(w.code, w.message, w.position);
for (const f of ["cloudformation-yaml","cloudformation-json","cli-input","get-pipeline"] as const) {
  const e = exportPipeline(p, f);
  console.log("=====", f, e.warnings.map(w=>w.message)); console.log(e.text);
}
p.declaration.stages = [...(p.declaration.stages as any[])].reverse();
console.log(exportPipeline(p, "cloudformation-yaml").text);
