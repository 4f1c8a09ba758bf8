import { isObject } from "../json";
import { joinPath } from "../validation/path";

/**
 * `/stages/0/actions/1/roleArn` → `stages[0].actions[1].roleArn`. A segment is an index only
 * where the declaration holds a list, so a configuration key named "0" stays a key.
 * Pointers outside the declaration (`(tags)/0`) and absent ones give the pipeline as a whole.
 */
export function pointerToPath(pointer: string | undefined, declaration: unknown): string {
  if (pointer === undefined || pointer === "" || !pointer.startsWith("/")) return "";
  let path = "";
  let current: unknown = declaration;
  for (const raw of pointer.slice(1).split("/")) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(current) && /^\d+$/.test(segment)) {
      path = joinPath(path, Number(segment));
      current = current[Number(segment)];
    } else {
      path = joinPath(path, segment);
      current = isObject(current) ? current[segment] : undefined;
    }
  }
  return path;
}
