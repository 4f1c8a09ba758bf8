/**
 * npm run generate:model-tables — writes lib/domain/pipeline/model-tables.generated.ts from the
 * zod schemas of the declaration (lib/domain/pipeline/model-derivation.ts says why).
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderModelTables } from "../lib/domain/pipeline/model-derivation";

const target = fileURLToPath(new URL("../lib/domain/pipeline/model-tables.generated.ts", import.meta.url));
writeFileSync(target, renderModelTables());
console.log(`wrote ${target}`);
