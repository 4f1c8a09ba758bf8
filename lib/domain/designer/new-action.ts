/**
 * A new action as the palette creates it, from the provider catalog. Required configuration keys
 * are left absent on purpose: the validator then reports each one and the inspector asks for it,
 * instead of the design silently holding placeholder values that would reach AWS.
 */
import { findActionProvider } from "../catalog/catalog";
import type { ActionTypeRef, JsonObject } from "./contract";
import { arrayOf, isObject } from "../json";
import { outputArtifactNames, uniqueName } from "./naming";

/**
 * Builds the action. `takenActionNames` are the names already used in the target stage;
 * `earlierOutputs` are the artifacts of actions that will run before it, nearest last.
 */
export function buildAction(
  declaration: JsonObject,
  actionType: ActionTypeRef,
  takenActionNames: ReadonlySet<string>,
  earlierOutputs: readonly string[],
  name?: string,
): JsonObject {
  const entry = findActionProvider(actionType.category, actionType.owner, actionType.provider);
  const action: JsonObject = {
    name: name ?? uniqueName(actionType.provider, takenActionNames),
    actionTypeId: {
      category: actionType.category,
      owner: actionType.owner,
      provider: actionType.provider,
      version: actionType.version,
    },
    runOrder: 1,
  };
  const inputsMin = entry?.inputArtifacts?.min ?? 0;
  const nearest = earlierOutputs[earlierOutputs.length - 1];
  if (inputsMin >= 1 && nearest !== undefined) action.inputArtifacts = [{ name: nearest }];
  const outputsMin = entry?.outputArtifacts?.min ?? 0;
  if (outputsMin >= 1) {
    const taken = outputArtifactNames(declaration);
    const outputs: JsonObject[] = [];
    for (let k = 0; k < outputsMin; k++) {
      const artifact = uniqueName(`${actionType.category}Artifact`, taken, "");
      taken.add(artifact);
      outputs.push({ name: artifact });
    }
    action.outputArtifacts = outputs;
  }
  return action;
}

/** The output artifact names of a list of actions, in order. */
export function outputsOf(actions: readonly unknown[]): string[] {
  const names: string[] = [];
  for (const action of actions) {
    if (!isObject(action)) continue;
    for (const out of arrayOf(action.outputArtifacts)) {
      if (isObject(out) && typeof out.name === "string") names.push(out.name);
    }
  }
  return names;
}
