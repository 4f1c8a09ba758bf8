/**
 * THE read model of a pipeline declaration: one defensive pass over untrusted JSON that every
 * reader shares — the validation engine, the designer's document and commands, its canvas
 * projection, inspector and artifact flow, and whatever compares or draws pipelines next.
 * Nothing else groups actions by runOrder or walks `stages[].actions[]` by hand.
 *
 * ```
 * PipelineIndex
 *   stages[i]: StageRef              path `stages[i]`, id, name (in document order)
 *     actions[j]: ActionRef          document order: path `stages[i].actions[j]`, id, runOrder, groupIndex
 *     groups[g]: ActionGroup         the stage's distinct runOrders, ascending (CodePipeline runs the
 *       actions: ActionRef[]         groups in sequence, the actions of one group in parallel),
 *                                    actions in document order
 *   actions: ActionRef[]             every action of the pipeline in document order (`ordinal`)
 *   producers / namespaceOwners      output artifact name / namespace → actions, document order
 * ```
 *
 * Every element has indices, a diagnostic path and an `id`: the caller's id when it passes
 * `ids` parallel to the declaration (the designer's stage and action ids), else its path.
 * Entries that are not objects still get a ref (`isObject: false`, `raw: {}`), so positions and
 * paths always match the declaration. Reading never throws and never copies the declaration.
 *
 * The run order is AWS's: actions of a stage that share a runOrder run in parallel, groups run in
 * ascending runOrder, and an action without one has runOrder 1
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-pipeline-structure.html,
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html).
 */
import { findActionProvider, type ProviderEntry } from "../catalog/catalog";
import { arrayOf, isInteger, isObject, isString, type JsonObject } from "../json";

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

export interface ActionRef extends OutlineAction {
  /** The caller's id for this action (see `IndexOptions.ids`), else its path. */
  readonly id: string;
  readonly path: string;
  readonly stage: StageRef;
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

/** The actions of one stage that share a runOrder: they run in parallel. */
export interface ActionGroup extends OutlineGroup {
  /** In document order. */
  readonly actions: readonly ActionRef[];
}

export interface StageRef extends OutlineStage {
  /** The caller's id for this stage (see `IndexOptions.ids`), else its path. */
  readonly id: string;
  readonly path: string;
  /** In document order. */
  readonly actions: readonly ActionRef[];
  /** In ascending runOrder; empty when the stage has no actions. */
  readonly groups: readonly ActionGroup[];
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
  /** The pipeline's home region, when the caller gives it. */
  readonly region: string | undefined;
  /** Scans shared by several readers, computed once per index (see `memoize`). */
  readonly memo: Map<object, unknown>;
}

/**
 * The structure alone, for readers that compare whole pipelines again and again (the sync diff
 * and merge): stages → run-order groups → actions with their indices, names and run orders, and
 * none of the paths, ids, types, artifacts, catalog entries or lookups of the full index (a
 * seventh of its memory; `actionType(action.raw)` reads a type when one is needed). The same
 * walk and grouping as `buildIndex`; the index's refs extend the outline's, so a reader of the
 * outline accepts either.
 */
export interface PipelineOutline {
  readonly stages: readonly OutlineStage[];
  /** Every action of the pipeline in document order (`ordinal`). */
  readonly actions: readonly OutlineAction[];
}

export interface OutlineStage {
  /** The stage object; `{}` when the entry was not an object. */
  readonly raw: JsonObject;
  readonly isObject: boolean;
  readonly index: number;
  readonly name: string | undefined;
  /** In document order. */
  readonly actions: readonly OutlineAction[];
  /** In ascending runOrder; empty when the stage has no actions. */
  readonly groups: readonly OutlineGroup[];
}

export interface OutlineGroup {
  readonly index: number;
  readonly runOrder: number;
  /** In document order. */
  readonly actions: readonly OutlineAction[];
}

export interface OutlineAction {
  /** The action object; `{}` when the entry was not an object. */
  readonly raw: JsonObject;
  readonly isObject: boolean;
  readonly stageIndex: number;
  readonly actionIndex: number;
  /** Position across the whole pipeline in document order. */
  readonly ordinal: number;
  readonly name: string | undefined;
  /** The runOrder used for ordering: the declared integer, else 1 (AWS's default). */
  readonly runOrder: number;
  /** Position of the action's group in `stage.groups` (0-based). */
  readonly groupIndex: number;
}

/** Ids kept beside a declaration: `stageIds[i]` names `stages[i]`, `actionIds[i][j]` its action j. */
export interface ElementIds {
  readonly stageIds: readonly string[];
  readonly actionIds: readonly (readonly string[])[];
}

export interface IndexOptions {
  /** The pipeline's home region: enables `isCrossRegion`. */
  readonly region?: string;
  /** Ids parallel to the declaration; without them an element's id is its path. */
  readonly ids?: ElementIds;
}

/**
 * Computes a scan once per index and shares it between readers. The memo lives on the index,
 * so it is dropped with it: no module-level state, nothing kept alive between validations.
 */
export function memoize<T>(index: PipelineIndex, key: object, compute: (index: PipelineIndex) => T): T {
  if (index.memo.has(key)) return index.memo.get(key) as T;
  const value = compute(index);
  index.memo.set(key, value);
  return value;
}

/** The names of an artifact list, `""` for an entry without a string name (positions kept). */
export function artifactNames(refs: readonly ArtifactRef[]): string[] {
  return refs.map((ref) => ref.name ?? "");
}

/** Earlier(A, B): A finishes before B starts — an earlier stage, or the same stage with a lower runOrder. */
export function runsBefore(
  a: Pick<ActionRef, "stageIndex" | "runOrder">,
  b: Pick<ActionRef, "stageIndex" | "runOrder">,
): boolean {
  return a.stageIndex < b.stageIndex || (a.stageIndex === b.stageIndex && a.runOrder < b.runOrder);
}

/** The runOrder CodePipeline orders an action entry by: the declared integer, else 1. */
export function effectiveRunOrder(action: unknown): number {
  return isObject(action) && isInteger(action.runOrder) ? action.runOrder : 1;
}

/** One runOrder group of a list: the positions (ascending) of the items that share `runOrder`. */
export interface RunOrderGroup {
  readonly runOrder: number;
  readonly members: readonly number[];
}

/**
 * Groups positions by runOrder: groups in ascending runOrder, members in list order. The one
 * grouping rule, used for stages here and for copied actions by the designer's paste.
 */
export function groupByRunOrder(runOrders: readonly number[]): RunOrderGroup[] {
  const byOrder = new Map<number, number[]>();
  runOrders.forEach((order, position) => {
    const members = byOrder.get(order);
    if (members) members.push(position);
    else byOrder.set(order, [position]);
  });
  const groups = [...byOrder].map(([runOrder, members]) => ({ runOrder, members }));
  return groups.length > 1 ? groups.sort((a, b) => a.runOrder - b.runOrder) : groups;
}

/**
 * The number of run-order groups when the actions' runOrders never decrease (how stages are
 * usually written: each group is a run of neighbours, read in one pass), else -1.
 */
function ascendingGroupCount(rawActions: readonly unknown[]): number {
  let groups = rawActions.length > 0 ? 1 : 0;
  for (let i = 1; i < rawActions.length; i++) {
    const previous = effectiveRunOrder(rawActions[i - 1]);
    const runOrder = effectiveRunOrder(rawActions[i]);
    if (runOrder < previous) return -1;
    if (runOrder > previous) groups++;
  }
  return groups;
}

/** How many neighbours from `start` on share its runOrder. */
function runLength(rawActions: readonly unknown[], start: number, runOrder: number): number {
  let end = start + 1;
  while (end < rawActions.length && effectiveRunOrder(rawActions[end]) === runOrder) end++;
  return end - start;
}

/** The group of each position, from a grouping. */
function groupIndices(grouping: readonly RunOrderGroup[], length: number): number[] {
  const out = new Array<number>(length);
  grouping.forEach((group, g) => {
    for (const member of group.members) out[member] = g;
  });
  return out;
}

const STAGES_BY_ID = {};
const ACTIONS_BY_ID = {};

/** The stage with this id, if any. */
export function stageWithId(index: PipelineIndex, id: string): StageRef | undefined {
  return memoize(index, STAGES_BY_ID, (i) => new Map(i.stages.map((s) => [s.id, s]))).get(id);
}

/** The action with this id, if any. */
export function actionWithId(index: PipelineIndex, id: string): ActionRef | undefined {
  return memoize(index, ACTIONS_BY_ID, (i) => new Map(i.actions.map((a) => [a.id, a]))).get(id);
}

/** Reads a declaration (anything: it is untrusted) into its index. */
export function buildIndex(declaration: unknown, options: IndexOptions = {}): PipelineIndex {
  const rootIsObject = isObject(declaration);
  const root: JsonObject = rootIsObject ? declaration : {};
  const region = isString(options.region) && options.region !== "" ? options.region : undefined;
  const ids = options.ids;
  const { stages, actions } = readStages<StageRef, ActionRef>(root, {
    stage: (raw, isObj, index, stageActions, groups) => {
      const path = `stages[${index}]`;
      return { raw, isObject: isObj, id: ids?.stageIds[index] ?? path, index, path, name: stringOrUndefined(raw.name), actions: stageActions, groups };
    },
    action: (raw, stage, actionIndex, ordinal, groupIndex) =>
      indexAction(raw, stage, actionIndex, ordinal, groupIndex, ids?.actionIds[stage.index]?.[actionIndex], region),
  });

  const producers = new Map<string, ActionRef[]>();
  const namespaceOwners = new Map<string, ActionRef[]>();
  for (const action of actions) {
    for (const output of action.outputs) {
      if (output.name !== undefined) push(producers, output.name, action);
    }
    if (action.namespace !== undefined) push(namespaceOwners, action.namespace, action);
  }

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

/** Reads a declaration (anything: it is untrusted) into its outline. */
export function buildOutline(declaration: unknown): PipelineOutline {
  return readStages<OutlineStage, OutlineAction>(isObject(declaration) ? declaration : {}, OUTLINE);
}

const OUTLINE: StageReader<OutlineStage, OutlineAction> = {
  stage: (raw, isObj, index, actions, groups) => ({ raw, isObject: isObj, index, name: stringOrUndefined(raw.name), actions, groups }),
  action: (rawAction, stage, actionIndex, ordinal, groupIndex) => {
    const isObj = isObject(rawAction);
    const raw: JsonObject = isObj ? rawAction : {};
    return {
      raw,
      isObject: isObj,
      stageIndex: stage.index,
      actionIndex,
      ordinal,
      name: stringOrUndefined(raw.name),
      runOrder: effectiveRunOrder(raw),
      groupIndex,
    };
  },
};

interface Group<A> {
  index: number;
  runOrder: number;
  actions: A[];
}

/** How one depth of reading (index or outline) makes its records; the walk is `readStages`. */
interface StageReader<S extends { readonly index: number }, A extends { readonly runOrder: number }> {
  stage(raw: JsonObject, isObject: boolean, index: number, actions: A[], groups: Group<A>[]): S;
  action(raw: unknown, stage: S, actionIndex: number, ordinal: number, groupIndex: number): A;
}

/** THE walk over `stages[].actions[]` and its run-order grouping, shared by both depths. */
function readStages<S extends { readonly index: number }, A extends { readonly runOrder: number }>(
  root: JsonObject,
  reader: StageReader<S, A>,
): { stages: S[]; actions: A[] } {
  const rawStages = arrayOf(root.stages);
  // Lists sized up front, and stages written in ascending runOrder grouped without runOrder or
  // group-index arrays: the sync diff reads three 500-action pipelines per merge, validation one per edit.
  let count = 0;
  for (const rawStage of rawStages) if (isObject(rawStage)) count += arrayOf(rawStage.actions).length;
  const stages = new Array<S>(rawStages.length);
  const actions = new Array<A>(count);
  let ordinal = 0;
  for (let stageIndex = 0; stageIndex < rawStages.length; stageIndex++) {
    const rawStage = rawStages[stageIndex];
    const stageIsObject = isObject(rawStage);
    const rawActions = stageIsObject ? arrayOf(rawStage.actions) : [];
    const stageActions = new Array<A>(rawActions.length);
    const groupCount = ascendingGroupCount(rawActions);
    const groups: Group<A>[] = groupCount >= 0 ? new Array<Group<A>>(groupCount) : [];
    const stage = reader.stage(stageIsObject ? rawStage : {}, stageIsObject, stageIndex, stageActions, groups);
    stages[stageIndex] = stage;

    if (groupCount >= 0) {
      // Ascending: a group is the run of neighbours from its first action, sized when it starts.
      let group: Group<A> | undefined;
      let start = 0;
      for (let actionIndex = 0; actionIndex < rawActions.length; actionIndex++) {
        const rawAction = rawActions[actionIndex];
        const runOrder = effectiveRunOrder(rawAction);
        if (group === undefined || runOrder !== group.runOrder) {
          start = actionIndex;
          const index = group === undefined ? 0 : group.index + 1;
          groups[index] = group = { index, runOrder, actions: new Array<A>(runLength(rawActions, actionIndex, runOrder)) };
        }
        const action = reader.action(rawAction, stage, actionIndex, ordinal, group.index);
        stageActions[actionIndex] = action;
        actions[ordinal++] = action;
        group.actions[actionIndex - start] = action;
      }
      continue;
    }
    const groupOf = groupIndices(groupByRunOrder(rawActions.map(effectiveRunOrder)), rawActions.length);
    for (let actionIndex = 0; actionIndex < rawActions.length; actionIndex++) {
      const groupIndex = groupOf[actionIndex]!;
      const action = reader.action(rawActions[actionIndex], stage, actionIndex, ordinal, groupIndex);
      stageActions[actionIndex] = action;
      actions[ordinal++] = action;
      const group = groups[groupIndex];
      if (group === undefined) groups[groupIndex] = { index: groupIndex, runOrder: action.runOrder, actions: [action] };
      else group.actions.push(action);
    }
  }
  return { stages, actions };
}

function indexAction(
  rawAction: unknown,
  stage: StageRef,
  actionIndex: number,
  ordinal: number,
  groupIndex: number,
  id: string | undefined,
  pipelineRegion: string | undefined,
): ActionRef {
  const isObj = isObject(rawAction);
  const raw: JsonObject = isObj ? rawAction : {};
  const path = `${stage.path}.actions[${actionIndex}]`;
  const type = actionType(raw);
  const provider =
    type.category !== undefined && type.owner !== undefined && type.provider !== undefined
      ? findActionProvider(type.category, type.owner, type.provider)
      : undefined;
  const region = stringOrUndefined(raw.region);
  return {
    raw,
    isObject: isObj,
    id: id ?? path,
    stageIndex: stage.index,
    actionIndex,
    ordinal,
    path,
    stage,
    name: stringOrUndefined(raw.name),
    runOrder: effectiveRunOrder(raw),
    runOrderDeclared: raw.runOrder !== undefined,
    groupIndex,
    type,
    provider,
    inputs: artifactRefs(raw.inputArtifacts, path, "inputArtifacts"),
    outputs: artifactRefs(raw.outputArtifacts, path, "outputArtifacts"),
    configuration: isObject(raw.configuration) ? raw.configuration : undefined,
    namespace: stringOrUndefined(raw.namespace),
    region,
    isCrossRegion: region !== undefined && pipelineRegion !== undefined && region !== pipelineRegion,
  };
}

/** Paths are built only when a reader asks (most validations report on few artifacts). */
class LazyArtifactRef implements ArtifactRef {
  constructor(
    readonly name: string | undefined,
    readonly index: number,
    private readonly actionPath: string,
    private readonly list: "inputArtifacts" | "outputArtifacts",
    readonly raw: unknown,
  ) {}

  get path(): string {
    return `${this.actionPath}.${this.list}[${this.index}]`;
  }
}

function artifactRefs(value: unknown, actionPath: string, list: "inputArtifacts" | "outputArtifacts"): ArtifactRef[] {
  if (!Array.isArray(value) || value.length === 0) return EMPTY_REFS;
  const refs = new Array<ArtifactRef>(value.length);
  for (let index = 0; index < value.length; index++) {
    const entry: unknown = value[index];
    const name = isObject(entry) && isString(entry.name) ? entry.name : undefined;
    refs[index] = new LazyArtifactRef(name, index, actionPath, list, entry);
  }
  return refs;
}

const EMPTY_REFS: ArtifactRef[] = [];

/** The `actionTypeId` of an action object, its members when they are strings. */
export function actionType(raw: JsonObject): ActionTypeRef {
  const typeId = isObject(raw.actionTypeId) ? raw.actionTypeId : {};
  return {
    category: stringOrUndefined(typeId.category),
    owner: stringOrUndefined(typeId.owner),
    provider: stringOrUndefined(typeId.provider),
    version: stringOrUndefined(typeId.version),
  };
}

function stringOrUndefined(value: unknown): string | undefined {
  return isString(value) ? value : undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
