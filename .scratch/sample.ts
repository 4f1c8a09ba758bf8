import fc from "fast-check";
import { declarationArb } from "../lib/domain/formats/testing/arbitrary-declaration";
const s = fc.sample(declarationArb, { numRuns: 40, seed: 7 });
console.log(JSON.stringify(s[5], null, 1).slice(0, 3000));
const text = JSON.stringify(s);
for (const k of ["triggers", "onFailure", "environmentVariables", "artifactStores", "${!", "futureField", "__type", "files", "commands", "beforeEntry"]) console.log(k, text.split(k).length - 1);
