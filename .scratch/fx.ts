import { readdirSync, readFileSync } from "node:fs";
import { importText } from "../lib/domain/formats";
for (const dir of ["tests/fixtures/pipelines", "tests/fixtures/pipelines/invalid"]) for (const f of readdirSync(dir)) {
  if (!/\.(json|ya?ml)$/.test(f)) continue;
  const r = importText(readFileSync(`${dir}/${f}`, "utf8"), { fileName: f });
  if (!r.ok) { console.log(String(r.error)); continue; }
  console.log(f, r.form, r.syntax, r.pipelines.map(p => `${p.label} w=${p.warnings.length}`).join(","), r.warnings.length);
}
