import fc from "fast-check";
import { declarationArb, tagsArb } from "../lib/domain/formats/testing/arbitrary-declaration";
import { exportPipeline, importText, newPipeline } from "../lib/domain/formats";
const samples = fc.sample(fc.tuple(declarationArb, tagsArb), { numRuns: 60, seed: 3 });
let t = Date.now(); const texts = samples.map(([d, tags]) => exportPipeline(newPipeline(d, { tags }), "cloudformation-yaml", { keyOrder: "source" }).text); console.log("export new", Date.now() - t);
t = Date.now(); const back = texts.map((x) => { const r = importText(x); if (!r.ok) throw r.error; return r.pipelines[0]!; }); console.log("import", Date.now() - t);
t = Date.now(); back.forEach((p) => exportPipeline(p, "cloudformation-yaml")); console.log("export same", Date.now() - t);
