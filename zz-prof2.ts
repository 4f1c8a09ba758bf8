import { TEST_CONTEXT } from "./lib/domain/validation/testing/fixtures";
import { buildIndex } from "./lib/domain/validation/pipeline-index";
import { referenceIndex } from "./lib/domain/validation/rules/variable-sites";
import { scanReferences } from "./lib/domain/validation/variable-references";
import { big } from "./bench2";
const doc = big(false, 1);
const idxs = Array.from({ length: 300 }, () => buildIndex(doc, TEST_CONTEXT));
let t = performance.now();
for (const idx of idxs) referenceIndex(idx);
console.log("referenceIndex", ((performance.now() - t) / 300 * 1000).toFixed(1));
const texts = idxs[0]!.actions.map((a) => a.configuration?.EnvironmentVariables as string).filter(Boolean);
t = performance.now();
for (let i = 0; i < 300; i++) for (const s of texts) scanReferences(s);
console.log("scan", ((performance.now() - t) / 300 * 1000).toFixed(1), texts.length);
t = performance.now();
let n = 0;
for (let i = 0; i < 300; i++) for (const a of idxs[i]!.actions) { const c = a.configuration!; for (const k in c) { const v = c[k]; if (typeof v === "string" && v.includes("#{")) n++; } }
console.log("forin", ((performance.now() - t) / 300 * 1000).toFixed(1), n);
