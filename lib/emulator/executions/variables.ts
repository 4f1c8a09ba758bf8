/**
 * Variable substitution in action configuration, as CodePipeline does at run time:
 * `#{codepipeline.PipelineExecutionId}`, `#{variables.<name>}` (pipeline-level, V2) and
 * `#{<namespace>.<key>}` (output variables of an action that ran earlier in this execution).
 * A reference that cannot be resolved fails the action.
 */
import type { ExecutionRecord } from "./records";

const REFERENCE = /#\{([A-Za-z0-9@\-_]+)\.([A-Za-z0-9@\-_]+)\}/g;

export interface Resolution {
  readonly resolved: Record<string, string>;
  /** Reference texts that had no value, e.g. `#{BuildVariables.IMAGE_TAG}`. */
  readonly unresolved: string[];
}

export function resolveConfiguration(
  configuration: Readonly<Record<string, string>>,
  execution: Pick<ExecutionRecord, "id" | "variables" | "namespaces">,
): Resolution {
  const unresolved: string[] = [];
  const resolved: Record<string, string> = {};
  for (const [key, value] of Object.entries(configuration)) {
    resolved[key] = value.replace(REFERENCE, (text, namespace: string, name: string) => {
      const found = lookup(namespace, name, execution);
      if (found === undefined) {
        if (!unresolved.includes(text)) unresolved.push(text);
        return text;
      }
      return found;
    });
  }
  return { resolved, unresolved };
}

function lookup(
  namespace: string,
  name: string,
  execution: Pick<ExecutionRecord, "id" | "variables" | "namespaces">,
): string | undefined {
  if (namespace === "codepipeline") return name === "PipelineExecutionId" ? execution.id : undefined;
  if (namespace === "variables") return execution.variables.find((v) => v.name === name)?.resolvedValue;
  return execution.namespaces[namespace]?.[name];
}
