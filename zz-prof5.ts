import { TEST_CONTEXT } from "./lib/domain/validation/testing/fixtures";
import { buildIndex } from "./lib/domain/validation/pipeline-index";
import { scanReferences } from "./lib/domain/validation/variable-references";
import { big } from "./bench2";
const doc = big(false, 1);
const idx = buildIndex(doc, TEST_CONTEXT);
function cpu(label: string, f: () => void, N = 2000) {
  let best = Infinity;
  for (let r = 0; r < 7; r++) { const c0 = process.cpuUsage(); for (let i = 0; i < N; i++) f(); const c = process.cpuUsage(c0); best = Math.min(best, (c.user + c.system) / N); }
  console.log(label, best.toFixed(1), "µs");
}
const texts = idx.actions.map((a) => a.configuration?.EnvironmentVariables as string).filter(Boolean);
let sink = 0;
cpu("scan 490", () => { for (const t of texts) sink += scanReferences(t).length; });
cpu("includes 490", () => { for (const t of texts) if (t.includes("#{")) sink++; });
cpu("literal reads", () => {
  for (const a of idx.actions) {
    const raw = a.raw as any;
    for (const m of ["name", "runOrder", "region", "roleArn", "namespace"]) { const v = raw[m]; if (typeof v === "string" && v.includes("#{")) sink++; }
    const t = raw.actionTypeId; for (const f of ["category", "owner", "provider", "version"]) { const v = t[f]; if (typeof v === "string" && v.includes("#{")) sink++; }
    for (const l of [raw.inputArtifacts, raw.outputArtifacts]) if (Array.isArray(l)) for (const x of l) { const v = x.name; if (typeof v === "string" && v.includes("#{")) sink++; }
  }
});
cpu("config forin", () => { for (const a of idx.actions) { const c = a.configuration!; for (const k in c) { const v = c[k]; if (typeof v === "string" && v.includes("#{")) sink++; } } });
console.log(sink > 0);
