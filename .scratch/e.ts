import { importText } from "../lib/domain/formats";
for (const t of ["pipeline:\n  name: p\n   stages: []\n", "pipeline:\n  name: p\n stages: []\n", "a: [1, 2\nb: 3\n"]) { const r = importText(t); console.log(JSON.stringify(t), r.ok ? r.form : String(r.error)); }
