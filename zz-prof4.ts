import { TEST_CONTEXT } from "./lib/domain/validation/testing/fixtures";
import { buildIndex } from "./lib/domain/validation/pipeline-index";
import { createReporter } from "./lib/domain/validation/rule";
import { variablesRules } from "./lib/domain/validation/rules/variables";
import { big } from "./bench2";
const doc = big(false, 1);
const sink: any[] = []; const rep = createReporter(sink);
for (let i = 0; i < 3000; i++) { const idx = buildIndex(doc, TEST_CONTEXT); for (const r of variablesRules) r.check(idx, TEST_CONTEXT, rep); sink.length = 0; }
