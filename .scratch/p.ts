import { parseYaml } from "../lib/domain/formats/cloudformation/parse-yaml";
import { toPlaceholder, fromPlaceholder } from "../lib/domain/formats/cloudformation/placeholder";
import { cfnEqual, isIntrinsic } from "../lib/domain/formats/cloudformation/intrinsics";
const src = `
a: !GetAtt PipelineRole.Arn
b: !Join ["", [a, !Ref B]]
c: {"Fn::GetAtt": ["PipelineRole", "Arn"]}
d: !Sub |
  line1 \${AWS::Region}
  line2
e: !If [IsProd, !Ref "AWS::NoValue", {Fn::Join: [",", [1, "2", true, null]]}]
f: !Ref 123
g: !Select [0, !GetAZs ""]
h: {"Ref": "x: y # z"}
i: !Sub ["\${A}-\${B}", {A: !Ref X, B: "q'\\"s"}]
`;
const r = parseYaml(src);
if ("kind" in r) throw r;
for (const [k, v] of Object.entries(r.value as any)) {
  if (!isIntrinsic(v)) { console.log(k, "not intrinsic", v); continue; }
  const p = toPlaceholder(v as any);
  const back = fromPlaceholder(p);
  console.log(k, p, back !== undefined && cfnEqual(back as any, v as any));
}
