/**
 * Where CodePipeline says a rejected definition is wrong, as a declaration path the designer can
 * select and focus. AWS names fields two ways:
 * - model paths, 1-based, with `member` after each list index:
 *   `Value at 'pipeline.stages.2.member.actions.1.member.name' failed to satisfy constraint: ...`
 *   (the model-validation message; codepipeline-model.md §1) → `stages[1].actions[0].name`;
 * - names in brackets, as the InvalidActionDeclarationException texts do:
 *   `StageName=[Build], ActionName=[Compile], ActionConfigurationKey=[ProjectName]`
 *   → `stages[i].actions[j].configuration.ProjectName`, looked up in the declaration pushed.
 */
import { arrayOf, isObject } from "../json";
import { joinPath } from "../validation/path";

export interface ServiceField {
  /** 0-based declaration path, e.g. `stages[1].actions[0].name`. */
  readonly path: string;
  /** AWS's own path when the message had one. */
  readonly awsPath?: string;
}

const AWS_PATH = /\bpipeline((?:\.[A-Za-z0-9_@-]+)+)/;

/** `pipeline.stages.2.member.actions.1.member.name` → `stages[1].actions[0].name`; undefined when it is not one. */
export function declarationPathOf(awsPath: string): string | undefined {
  const parts = awsPath.split(".");
  if (parts[0] !== "pipeline" || parts.length < 2) return undefined;
  let path = "";
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    if (/^\d+$/.test(part) && parts[i + 1] === "member") {
      const n = Number(part);
      if (n < 1) return undefined;
      path = joinPath(path, n - 1);
      i++;
    } else path = joinPath(path, part);
  }
  return path;
}

const BRACKETED = (label: string) => new RegExp(`\\b${label}=\\[([^\\]]*)\\]`);

/** The field a service error message points at, if it names one the declaration has. */
export function fieldOfServiceMessage(message: string, declaration?: unknown): ServiceField | undefined {
  const model = AWS_PATH.exec(message);
  if (model) {
    const awsPath = `pipeline${model[1]}`;
    const path = declarationPathOf(awsPath);
    if (path !== undefined) return { path, awsPath };
  }
  const stageName = BRACKETED("StageName").exec(message)?.[1];
  if (stageName === undefined || !isObject(declaration)) return undefined;
  const stages = arrayOf(declaration.stages);
  const i = stages.findIndex((s) => isObject(s) && s.name === stageName);
  if (i < 0) return undefined;
  let path = `stages[${i}]`;
  const actionName = BRACKETED("ActionName").exec(message)?.[1];
  if (actionName !== undefined) {
    const stage = stages[i];
    const j = arrayOf(isObject(stage) ? stage.actions : undefined).findIndex((a) => isObject(a) && a.name === actionName);
    if (j < 0) return { path };
    path = `${path}.actions[${j}]`;
    const key = BRACKETED("ActionConfigurationKey").exec(message)?.[1];
    if (key !== undefined && key !== "") path = joinPath(joinPath(path, "configuration"), key);
  }
  return { path };
}
