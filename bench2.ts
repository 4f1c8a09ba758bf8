import { conditionsRules } from "./lib/domain/validation/rules/conditions";
import { triggersRules } from "./lib/domain/validation/rules/triggers";
import { variablesRules } from "./lib/domain/validation/rules/variables";
import { validPipeline, TEST_CONTEXT } from "./lib/domain/validation/testing/fixtures";
import { buildIndex } from "./lib/domain/validation/pipeline-index";
import { createReporter } from "./lib/domain/validation/rule";

export function big(withExtras: boolean, refsPerAction = 2) {
  const doc = validPipeline();
  const src = doc.stages[0];
  const build = doc.stages[1].actions[0];
  doc.stages = [src];
  for (let s = 1; s < 50; s++) {
    const actions = [];
    for (let a = 0; a < 10; a++) {
      const act = structuredClone(build);
      act.name = `B${a}`;
      act.outputArtifacts = [{ name: `Out${s}_${a}` }];
      act.namespace = `NS${s}_${a}`;
      act.configuration.EnvironmentVariables = refsPerAction === 2 ? `[{"name":"C","value":"#{SourceVariables.CommitId}"},{"name":"P","value":"#{NS${Math.max(1, s - 1)}_${a}.X}"}]` : `[{"name":"C","value":"#{SourceVariables.CommitId}"}]`;
      actions.push(act);
    }
    const stage: any = { name: `S${s}`, actions };
    if (withExtras) stage.beforeEntry = { conditions: [{ result: "FAIL", rules: [{ name: "R", ruleTypeId: { category: "Rule", owner: "AWS", provider: "VariableCheck", version: "1" }, configuration: { Variable: "#{SourceVariables.BranchName}", Operator: "EQ", Value: "main" } }] }] };
    doc.stages.push(stage);
  }
  if (withExtras) doc.variables = [{ name: "env", defaultValue: "x" }];
  return doc;
}
const sets: Record<string, any[]> = { all: [...conditionsRules, ...triggersRules, ...variablesRules], cond: [...conditionsRules], trig: [...triggersRules], vars: [...variablesRules] };
for (const v of variablesRules) sets[v.id] = [v];
if (false) for (const [extras, refs] of [[false, 1], [false, 2], [true, 2]] as const) {
  const doc = big(extras, refs);
  const sink: any[] = [];
  const rep = createReporter(sink);
  const N = 2000;
  const idxs = Array.from({ length: N }, () => buildIndex(doc, TEST_CONTEXT));
  const out: string[] = [];
  for (const [name, rules] of Object.entries(sets)) {
    for (let i = 0; i < 200; i++) for (const r of rules) r.check(idxs[i]!, TEST_CONTEXT, rep);
    sink.length = 0;
    const t = performance.now();
    for (let i = 0; i < N; i++) { for (const r of rules) r.check(idxs[i]!, TEST_CONTEXT, rep); sink.length = 0; }
    out.push(`${name}=${((performance.now() - t) / N * 1000).toFixed(1)}`);
  }
  console.log(`extras=${extras} refs=${refs}: ${out.join(" ")} µs`);
}
