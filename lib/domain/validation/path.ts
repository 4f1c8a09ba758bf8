/** Builds the diagnostic path format: `stages[2].actions[0].configuration.ProjectName`. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const segment of segments) out = joinPath(out, segment);
  return out;
}

const PATH_TOKEN = /\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\.?([^.[\]]+)/g;

/** The inverse of `formatPath`: `a.b[2]["x.y"]` → ["a", "b", 2, "x.y"]. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const m of path.matchAll(PATH_TOKEN)) {
    segments.push(m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? (JSON.parse(`"${m[2]}"`) as string) : m[3]!);
  }
  return segments;
}

/** Appends one segment to an already formatted path. */
export function joinPath(base: string, segment: PathSegment): string {
  if (typeof segment === "number") return `${base}[${segment}]`;
  if (IDENTIFIER.test(segment)) return base === "" ? segment : `${base}.${segment}`;
  return `${base}[${JSON.stringify(segment)}]`;
}
