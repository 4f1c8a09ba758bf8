/**
 * What a new execution may override (StartPipelineExecution,
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_StartPipelineExecution.html):
 * the pipeline's declared variables (V2) and the revisions of its source actions. Read
 * defensively from a deployed declaration.
 */
import { arrayOf, isObject, isString } from "../json";

export interface DeclaredVariable {
  readonly name: string;
  readonly defaultValue?: string;
  readonly description?: string;
}

export interface SourceActionChoice {
  readonly name: string;
  readonly provider: string;
}

export interface StartChoices {
  readonly v2: boolean;
  readonly variables: readonly DeclaredVariable[];
  readonly sourceActions: readonly SourceActionChoice[];
}

export function startChoices(declaration: unknown): StartChoices {
  const d = isObject(declaration) ? declaration : {};
  const firstStage = arrayOf(d.stages).filter(isObject)[0];
  return {
    v2: d.pipelineType === "V2",
    variables: arrayOf(d.variables)
      .filter(isObject)
      .flatMap((v) => (isString(v.name) ? [{ name: v.name, ...(isString(v.defaultValue) && { defaultValue: v.defaultValue }), ...(isString(v.description) && { description: v.description }) }] : [])),
    sourceActions: arrayOf(firstStage?.actions)
      .filter(isObject)
      .flatMap((a) =>
        isString(a.name) && isObject(a.actionTypeId) && a.actionTypeId.category === "Source" ? [{ name: a.name, provider: isString(a.actionTypeId.provider) ? a.actionTypeId.provider : "" }] : [],
      ),
  };
}
