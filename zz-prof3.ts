import { TEST_CONTEXT } from "./lib/domain/validation/testing/fixtures";
import { buildIndex } from "./lib/domain/validation/pipeline-index";
import { createReporter } from "./lib/domain/validation/rule";
import { conditionsRules } from "./lib/domain/validation/rules/conditions";
import { triggersRules } from "./lib/domain/validation/rules/triggers";
import { variablesRules } from "./lib/domain/validation/rules/variables";
import { big } from "./bench2";
const sink: any[] = [];
const rep = createReporter(sink);
function cpu(doc: unknown, rules: readonly any[], N = 400): number {
  let best = Infinity;
  for (let round = 0; round < 9; round++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < N; i++) { const idx = buildIndex(doc, TEST_CONTEXT); for (const r of rules) r.check(idx, TEST_CONTEXT, rep); sink.length = 0; }
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / N);
  }
  return best;
}
const which = process.argv[2] ?? "all";
for (const [extras, refs] of [[false, 1], [false, 2], [true, 2]] as const) {
  const doc = big(extras, refs);
  const base = cpu(doc, []);
  const row = [`index=${base.toFixed(0)}`];
  row.push(`cond=${(cpu(doc, conditionsRules) - base).toFixed(0)}`, `trig=${(cpu(doc, triggersRules) - base).toFixed(0)}`, `vars=${(cpu(doc, variablesRules) - base).toFixed(0)}`);
  if (which === "each") for (const r of variablesRules) row.push(`${r.id}=${(cpu(doc, [r]) - base).toFixed(0)}`);
  console.log(`extras=${extras} refs=${refs}: ${row.join(" ")} µs (CPU)`);
}
