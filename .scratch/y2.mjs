import { parseDocument, LineCounter } from "yaml";
for (const t of ["{\"a\": 1,}", "{\"a\" 1}", "{\"a\": 1", "", "{\n  \"a\": tru\n}", "[1,2,,]", "{\"a\":\"x\ny\"}", "{\"a\": 1} x", "{\n \"a\": [1, 2\n}", "{\"a\": 'x'}", "{\"a\": 01}"]) {
  const lc = new LineCounter();
  const d = parseDocument(t, { schema: "json", lineCounter: lc, prettyErrors: false });
  console.log(JSON.stringify(t), "=>", d.errors.map(e => e.code + " " + JSON.stringify(lc.linePos(e.pos[0])) + " " + e.message.split("\n")[0]), d.warnings.length);
}
