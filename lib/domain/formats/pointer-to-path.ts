import { hasOwn, isObject } from "../json";
import { joinPath } from "../validation/path";

/**
 * `/stages/0/actions/1/roleArn` → `stages[0].actions[1].roleArn`, the validation engine's path
 * syntax. A segment is an index only where the declaration holds a list, so a configuration key
 * named "0" stays a key. The path stops at the deepest member the declaration has, so that it
 * always names something the designer can select: a CloudFormation-only property, which the
 * declaration cannot hold, is located at the object that would hold it. Pointers outside the
 * declaration (`(tags)/0`) and absent ones give the pipeline as a whole.
 */
export function pointerToPath(pointer: string | undefined, declaration: unknown): string {
  if (pointer === undefined || pointer === "" || !pointer.startsWith("/")) return "";
  let path = "";
  let current: unknown = declaration;
  for (const raw of pointer.slice(1).split("/")) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(current) && /^\d+$/.test(segment) && Number(segment) < current.length) {
      path = joinPath(path, Number(segment));
      current = current[Number(segment)];
    } else if (isObject(current) && hasOwn(current, segment)) {
      path = joinPath(path, segment);
      current = current[segment];
    } else break;
  }
  return path;
}
