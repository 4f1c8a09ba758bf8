/**
 * One pass over an untrusted declaration that gives every rule the same defensive view:
 * stages and actions with their paths, effective run orders, catalog entries, artifact
 * producers and namespace owners. Built once per validation so rules stay linear.
 */
import { findActionProvider, type ProviderEntry } from "../catalog/catalog";
import { arrayOf, isInteger, isObject, isString, type JsonObject } from "../json";
import type { ValidationContext } from "./context";

export interface ArtifactRef {
  /** The artifact name when it is a string. */
  readonly name: string | undefined;
  readonly index: number;
  /** Path of the artifact entry, e.g. `stages[1].actions[0].inputArtifacts[0]`. */
  readonly path: string;
  readonly raw: unknown;
}

export interface ActionTypeRef {
  readonly category: string | undefined;
  readonly owner: string | undefined;
  readonly provider: string | undefined;
  readonly version: string | undefined;
}

export interface ActionRef {
  /** The action object; `{}` when the entry was not an object. */
  readonly raw: JsonObject;
  readonly isObject: boolean;
  readonly stageIndex: number;
  readonly actionIndex: number;
  /** Position across the whole pipeline in document order. */
  readonly ordinal: number;
  readonly path: string;
  readonly stage: StageRef;
  readonly name: string | undefined;
  /** The runOrder used for ordering: the declared integer, else 1 (AWS's default). */
  readonly runOrder: number;
  readonly runOrderDeclared: boolean;
  readonly type: ActionTypeRef;
  /** The catalog entry for category + owner + provider, when known. */
  readonly provider: ProviderEntry | undefined;
  readonly inputs: readonly ArtifactRef[];
  readonly outputs: readonly ArtifactRef[];
  /** The configuration map when it is an object. */
  readonly configuration: JsonObject | undefined;
  readonly namespace: string | undefined;
  /** The declared `region` when it is a string. */
  readonly region: string | undefined;
  /** `region` is set and differs from the pipeline region (false when the pipeline region is unknown). */
  readonly isCrossRegion: boolean;
}

export interface StageRef {
  readonly raw: JsonObject;
  readonly isObject: boolean;
  readonly index: number;
  readonly path: string;
  readonly name: string | undefined;
  readonly actions: readonly ActionRef[];
}

export interface PipelineIndex {
  /** The declaration; `{}` when the input was not an object. */
  readonly root: JsonObject;
  readonly rootIsObject: boolean;
  readonly stages: readonly StageRef[];
  readonly actions: readonly ActionRef[];
  /** Output artifact name → producing actions, in document order. */
  readonly producers: ReadonlyMap<string, readonly ActionRef[]>;
  /** Action namespace → owning actions, in document order. */
  readonly namespaceOwners: ReadonlyMap<string, readonly ActionRef[]>;
  /** Declared pipeline-level variable names. */
  readonly variableNames: ReadonlySet<string>;
  /** `pipelineType` as declared (may be anything). */
  readonly pipelineType: unknown;
  /**
   * V2 features are allowed: `pipelineType` is `V2`, or omitted (AWS creates V2 since
   * 2024-12-09; PIPE006 warns). Only an explicit `V1` forbids them.
   */
  readonly allowsV2: boolean;
  readonly isExplicitV1: boolean;
  /** The pipeline's home region, when the context gives it. */
  readonly region: string | undefined;
  /** Scans shared by several rules, computed once per validation (see `memoize`). */
  readonly memo: Map<object, unknown>;
}

/**
 * Computes a scan once per validation and shares it between rules. The memo lives on the index,
 * so it is dropped with it: no module-level state, nothing kept alive between validations.
 */
export function memoize<T>(index: PipelineIndex, key: object, compute: (index: PipelineIndex) => T): T {
  if (index.memo.has(key)) return index.memo.get(key) as T;
  const value = compute(index);
  index.memo.set(key, value);
  return value;
}

/** Earlier(A, B): A finishes before B starts — an earlier stage, or the same stage with a lower runOrder. */
export function runsBefore(a: ActionRef, b: ActionRef): boolean {
  return a.stageIndex < b.stageIndex || (a.stageIndex === b.stageIndex && a.runOrder < b.runOrder);
}

export function buildIndex(declaration: unknown, context: ValidationContext = {}): PipelineIndex {
  const rootIsObject = isObject(declaration);
  const root: JsonObject = rootIsObject ? declaration : {};
  const region = isString(context.region) && context.region !== "" ? context.region : undefined;
  const stages: StageRef[] = [];
  const actions: ActionRef[] = [];
  const producers = new Map<string, ActionRef[]>();
  const namespaceOwners = new Map<string, ActionRef[]>();

  arrayOf(root.stages).forEach((rawStage, stageIndex) => {
    const stageIsObject = isObject(rawStage);
    const stageObject: JsonObject = stageIsObject ? rawStage : {};
    const stagePath = `stages[${stageIndex}]`;
    const stageActions: ActionRef[] = [];
    const stage: StageRef = {
      raw: stageObject,
      isObject: stageIsObject,
      index: stageIndex,
      path: stagePath,
      name: isString(stageObject.name) ? stageObject.name : undefined,
      actions: stageActions,
    };
    stages.push(stage);

    arrayOf(stageObject.actions).forEach((rawAction, actionIndex) => {
      const action = indexAction(rawAction, stage, actionIndex, actions.length, region);
      stageActions.push(action);
      actions.push(action);
      for (const output of action.outputs) {
        if (output.name !== undefined) push(producers, output.name, action);
      }
      if (action.namespace !== undefined) push(namespaceOwners, action.namespace, action);
    });
  });

  const variableNames = new Set<string>();
  for (const v of arrayOf(root.variables)) {
    if (isObject(v) && isString(v.name)) variableNames.add(v.name);
  }

  return {
    root,
    rootIsObject,
    stages,
    actions,
    producers,
    namespaceOwners,
    variableNames,
    pipelineType: root.pipelineType,
    allowsV2: root.pipelineType !== "V1",
    isExplicitV1: root.pipelineType === "V1",
    region,
    memo: new Map(),
  };
}

function indexAction(
  rawAction: unknown,
  stage: StageRef,
  actionIndex: number,
  ordinal: number,
  pipelineRegion: string | undefined,
): ActionRef {
  const isObj = isObject(rawAction);
  const raw: JsonObject = isObj ? rawAction : {};
  const path = `${stage.path}.actions[${actionIndex}]`;
  const typeId = isObject(raw.actionTypeId) ? raw.actionTypeId : {};
  const type: ActionTypeRef = {
    category: stringOrUndefined(typeId.category),
    owner: stringOrUndefined(typeId.owner),
    provider: stringOrUndefined(typeId.provider),
    version: stringOrUndefined(typeId.version),
  };
  const provider =
    type.category !== undefined && type.owner !== undefined && type.provider !== undefined
      ? findActionProvider(type.category, type.owner, type.provider)
      : undefined;
  const runOrderDeclared = raw.runOrder !== undefined;
  const runOrder = isInteger(raw.runOrder) ? raw.runOrder : 1;
  const region = stringOrUndefined(raw.region);
  return {
    raw,
    isObject: isObj,
    stageIndex: stage.index,
    actionIndex,
    ordinal,
    path,
    stage,
    name: stringOrUndefined(raw.name),
    runOrder,
    runOrderDeclared,
    type,
    provider,
    inputs: artifactRefs(raw.inputArtifacts, `${path}.inputArtifacts`),
    outputs: artifactRefs(raw.outputArtifacts, `${path}.outputArtifacts`),
    configuration: isObject(raw.configuration) ? raw.configuration : undefined,
    namespace: stringOrUndefined(raw.namespace),
    region,
    isCrossRegion: region !== undefined && pipelineRegion !== undefined && region !== pipelineRegion,
  };
}

/** Paths are built only when a rule asks (most validations report on few artifacts). */
class LazyArtifactRef implements ArtifactRef {
  constructor(
    readonly name: string | undefined,
    readonly index: number,
    private readonly basePath: string,
    readonly raw: unknown,
  ) {}

  get path(): string {
    return `${this.basePath}[${this.index}]`;
  }
}

function artifactRefs(value: unknown, basePath: string): ArtifactRef[] {
  if (!Array.isArray(value) || value.length === 0) return EMPTY_REFS;
  const refs = new Array<ArtifactRef>(value.length);
  for (let index = 0; index < value.length; index++) {
    const entry: unknown = value[index];
    const name = isObject(entry) && isString(entry.name) ? entry.name : undefined;
    refs[index] = new LazyArtifactRef(name, index, basePath, entry);
  }
  return refs;
}

const EMPTY_REFS: ArtifactRef[] = [];

function stringOrUndefined(value: unknown): string | undefined {
  return isString(value) ? value : undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
