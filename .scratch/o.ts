import { exportPipeline, importText } from "../lib/domain/formats";
const scrambled = {
  zUnknown: 1,
  stages: [{ actions: [{ configuration: { B: "1", A: "2" }, actionTypeId: { version: "1", provider: "S3", owner: "AWS", category: "Source" }, name: "a" }], name: "s" }],
  version: 2,
  artifactStores: { "us-west-2": { location: "b", type: "S3" }, "eu-west-1": { type: "S3", location: "c" } },
  roleArn: "r",
  name: "p",
};
const r = importText(JSON.stringify({ pipeline: scrambled, metadata: { created: 1 } }));
if (!r.ok) throw r.error;
console.log(exportPipeline(r.pipelines[0]!, "cloudformation-yaml").text);
