/**
 * Where a finding's declaration path sits in the text it came from, as a 1-based line and column
 * (UTF-16 code units, as editors and SARIF count them), so CI annotations and editors can point
 * at the element instead of the file. Importing keeps no positions for JSON and converts the
 * declaration out of its wrapper, so this walks the text itself: parsed once with the YAML parser
 * (JSON is YAML's flow style), the declaration found in its wrapper (`pipeline` of get-pipeline
 * and cli-input documents, a CloudFormation resource's `Properties`), then the path followed,
 * with CloudFormation's PascalCase members and its `ArtifactStores: [{Region, ArtifactStore}]`
 * list. Where the path leads nowhere in the text (a required member that is missing), the
 * nearest enclosing element is the answer.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from "yaml";
import type { ImportForm, SourcePosition } from "../formats";
import { parsePath, type PathSegment } from "../validation/path";

/** Which pipeline of the document a path is relative to. */
export interface PipelineInDocument {
  readonly form: ImportForm;
  /** The pipeline's label from the import: a CloudFormation logical id, or the pipeline name. */
  readonly label: string;
}

export interface SourceLocator {
  /** The position of `path` (a diagnostic path) in the pipeline's declaration; undefined when the text has no usable tree. */
  locate(pipeline: PipelineInDocument, path: string): SourcePosition | undefined;
}

type Found = { readonly node: unknown; readonly offset: number };

export function sourceLocator(text: string): SourceLocator {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  const position = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    locate(pipeline, path) {
      const root = nodeAt(doc, doc.contents);
      if (root === undefined) return undefined;
      const cloudFormation = pipeline.form !== "declaration" && pipeline.form !== "get-pipeline" && pipeline.form !== "cli-input";
      let found: Found = declarationOf(doc, { node: root, offset: offsetOf(root) }, pipeline, cloudFormation);
      for (const segment of parsePath(path)) {
        const next = step(doc, found.node, segment, cloudFormation);
        if (next === undefined) break;
        found = next;
      }
      return position(found.offset);
    },
  };
}

/** The declaration inside its document: the root, `pipeline`, or a resource's `Properties`. */
function declarationOf(doc: Document, root: Found, pipeline: PipelineInDocument, cloudFormation: boolean): Found {
  if (!cloudFormation) return pipeline.form === "declaration" ? root : (member(doc, root.node, "pipeline") ?? root);
  // A template keeps resources under `Resources`; a snippet is the map of logical ids itself; a
  // single resource is the root.
  const resources = member(doc, root.node, "Resources");
  const resource = member(doc, resources?.node, pipeline.label) ?? member(doc, root.node, pipeline.label) ?? root;
  return member(doc, resource.node, "Properties") ?? resource;
}

function step(doc: Document, node: unknown, segment: PathSegment, cloudFormation: boolean): Found | undefined {
  if (isSeq(node)) {
    if (typeof segment === "number") {
      const item = nodeAt(doc, node.items[segment]);
      return item === undefined ? undefined : { node: item, offset: offsetOf(item) };
    }
    // The declaration's artifactStores map is CloudFormation's list of {Region, ArtifactStore}.
    if (cloudFormation) {
      for (const raw of node.items) {
        const entry = nodeAt(doc, raw);
        if (entry !== undefined && scalarText(member(doc, entry, "Region")?.node) === segment) {
          return member(doc, entry, "ArtifactStore") ?? { node: entry, offset: offsetOf(entry) };
        }
      }
    }
    return undefined;
  }
  const key = String(segment);
  return member(doc, node, key) ?? (cloudFormation ? member(doc, node, key.charAt(0).toUpperCase() + key.slice(1)) : undefined);
}

/** A map member: its value, located at its key (where an editor puts the cursor for a field). */
function member(doc: Document, node: unknown, key: string): Found | undefined {
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p: Pair) => scalarText(p.key) === key);
  if (pair === undefined || !isPair(pair)) return undefined;
  const value = nodeAt(doc, pair.value);
  const keyOffset = isScalar(pair.key) || isMap(pair.key) || isSeq(pair.key) ? offsetOf(pair.key as Node) : undefined;
  return { node: value, offset: keyOffset ?? (value === undefined ? 0 : offsetOf(value)) };
}

/** Aliases (`*anchor`) stand for the node they name. */
function nodeAt(doc: Document, value: unknown): Node | undefined {
  if (isAlias(value)) return nodeAt(doc, value.resolve(doc));
  return isScalar(value) || isMap(value) || isSeq(value) ? value : undefined;
}

function scalarText(value: unknown): string | undefined {
  return isScalar(value) && (typeof value.value === "string" || typeof value.value === "number") ? String(value.value) : undefined;
}

function offsetOf(node: Node): number {
  return node.range?.[0] ?? 0;
}
