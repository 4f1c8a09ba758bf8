/**
 * Turns zod issues into AWS's model-validation message:
 *
 *   1 validation error detected: Value at 'pipeline.stages.2.member.name' failed to satisfy
 *   constraint: Member must satisfy regular expression pattern: [A-Za-z0-9.@\-_]+
 *
 * List items are written `<list>.<n>.member` with 1-based n, the form AWS's own ValidationException
 * messages take, so that a client which reads AWS's messages reads the emulator's too.
 */
import type { z } from "zod";

type Issue = z.core.$ZodIssue;
type Segment = PropertyKey;

/** `["pipeline", "stages", 1, "name"]` → `pipeline.stages.2.member.name`. */
export function awsPath(path: readonly Segment[]): string {
  const parts: string[] = [];
  for (const segment of path) {
    if (typeof segment === "number") parts.push(`${segment + 1}.member`);
    else parts.push(String(segment));
  }
  return parts.join(".");
}

export function validationMessage(issues: readonly Issue[]): string {
  const constraints = issues.flatMap((issue) => flatten(issue, []));
  const n = constraints.length;
  const head = `${n} validation error${n === 1 ? "" : "s"} detected: `;
  return head + constraints.map(([path, text]) => `Value at '${awsPath(path)}' failed to satisfy constraint: ${text}`).join("; ");
}

/** One `[path, constraint text]` per leaf problem (unions and record keys carry nested issues). */
function flatten(issue: Issue, prefix: readonly Segment[]): Array<[Segment[], string]> {
  const path = [...prefix, ...issue.path];
  switch (issue.code) {
    case "invalid_key":
    case "invalid_element":
      return issue.issues.flatMap((inner) => flatten(inner, path));
    case "invalid_union": {
      // Report the alternative that got furthest; AWS has no unions, this only guards odd inputs.
      const first = issue.errors[0];
      return first && first.length > 0 ? first.flatMap((inner) => flatten(inner, path)) : [[path, "Member is not valid"]];
    }
    default:
      return [[path, constraintText(issue)]];
  }
}

function constraintText(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null
        ? "Member must not be null"
        : `Member must be of type ${typeName(issue.expected)}`;
    case "too_small":
      return `Member must have ${issue.origin === "number" || issue.origin === "int" ? "value" : "length"} greater than or equal to ${String(issue.minimum)}`;
    case "too_big":
      return `Member must have ${issue.origin === "number" || issue.origin === "int" ? "value" : "length"} less than or equal to ${String(issue.maximum)}`;
    case "invalid_format":
      return issue.format === "regex" && "pattern" in issue && typeof issue.pattern === "string"
        ? `Member must satisfy regular expression pattern: ${unanchor(issue.pattern)}`
        : `Member must satisfy format: ${issue.format}`;
    case "invalid_value":
      return `Member must satisfy enum value set: [${issue.values.map(String).join(", ")}]`;
    case "unrecognized_keys":
      return `Member must not contain unknown members: ${issue.keys.join(", ")}`;
    default:
      return issue.message;
  }
}

function typeName(expected: string): string {
  if (expected === "int") return "integer";
  if (expected === "object") return "structure";
  if (expected === "array") return "list";
  return expected;
}

/** `/^(?:[A-Za-z0-9.@\-_]+)$/` → `[A-Za-z0-9.@\-_]+`, the pattern as the model prints it. */
function unanchor(pattern: string): string {
  const body = pattern.startsWith("/") ? pattern.slice(1, pattern.lastIndexOf("/")) : pattern;
  const m = /^\^\(\?:([\s\S]*)\)\$$/.exec(body);
  if (m) return m[1]!;
  return body.replace(/^\^/, "").replace(/\$$/, "");
}
