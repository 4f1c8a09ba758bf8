import { exportPipeline, importText, newPipeline } from "../lib/domain/formats";
const stages = Array.from({ length: 50 }, (_, s) => ({ name: `S${s}`, actions: Array.from({ length: 10 }, (_, a) => ({
  name: `A${a}`, actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" }, runOrder: 1,
  configuration: { ProjectName: "${!Ref Project}", EnvironmentVariables: '[{"name":"X","value":"1"}]', PrimarySource: "src" },
  inputArtifacts: [{ name: "src" }], outputArtifacts: [{ name: `o${s}_${a}` }], roleArn: "${!GetAtt Role.Arn}" })) }));
const d = { name: "big", roleArn: "${!GetAtt Role.Arn}", stages, artifactStore: { type: "S3", location: "${!Ref B}" } };
let t = Date.now(); const y = exportPipeline(newPipeline(d as any), "cloudformation-yaml").text; console.log("export new", Date.now() - t, y.length);
t = Date.now(); const r = importText(y); if (!r.ok) throw r.error; console.log("import", Date.now() - t);
t = Date.now(); exportPipeline(r.pipelines[0]!, "cloudformation-yaml"); console.log("export same", Date.now() - t);
(r.pipelines[0]!.declaration.stages as any[])[3].actions[2].runOrder = 2;
t = Date.now(); exportPipeline(r.pipelines[0]!, "cloudformation-yaml"); console.log("export edited", Date.now() - t);
t = Date.now(); const j = exportPipeline(r.pipelines[0]!, "cloudformation-json").text; const r2 = importText(j); if (!r2.ok) throw r2.error; exportPipeline(r2.pipelines[0]!, "cloudformation-json"); console.log("json cycle", Date.now() - t);
