import { parseDocument, isScalar, isMap, isSeq, Document, Scalar, YAMLSeq, LineCounter } from "yaml";
const names = ["Ref","Sub","GetAtt","Join"];
const tags = names.flatMap(n => [
  { tag: "!"+n, resolve: (s) => s },
  { tag: "!"+n, collection: "seq", resolve: (s) => s },
  { tag: "!"+n, collection: "map", resolve: (s) => s },
]);
const src = `a: !Ref X # c
b: !GetAtt [A, B]
c: !Join ["", [!Ref A, x]]
d: !Sub
  - "\${x}"
  - x: !Ref Y
e: !Foo bar
f: !Ref
g: !Ref {a: 1}
`;
const lc = new LineCounter();
const doc = parseDocument(src, { customTags: tags, lineCounter: lc });
console.log(doc.errors, doc.warnings);
for (const p of doc.contents.items) console.log(p.key.value, p.value?.constructor.name, p.value?.tag, JSON.stringify(p.value?.toJSON?.()), lc.linePos(p.value.range[0]));
// stringify
const d2 = new Document(null, { customTags: tags });
const n = d2.createNode(["", [1, "x"]]); n.tag = "!Join"; n.flow = true; n.items[1].flow = true;
const r = d2.createNode("A"); r.tag = "!Ref"; n.items[1].items.push(r);
d2.contents = n;
console.log(d2.toString({ lineWidth: 0, flowCollectionPadding: false, blockQuote: false }));
const d3 = new Document(null, { customTags: tags }); const s = d3.createNode("a\nb: c"); s.tag = "!Sub"; d3.contents = s;
console.log(JSON.stringify(d3.toString({ lineWidth: 0, blockQuote: false })));
