/**
 * `arbitraryValidPipeline(options)`: declarations that CodePipeline accepts and on which the
 * engine must be silent with `TEST_CONTEXT` (no errors, and no warnings either: outputs are
 * consumed, namespaces and variables referenced, sources do not poll, no deprecated providers).
 * Generation is "valid by construction": a choice stream drives a builder that only ever makes
 * choices the rules allow, so shrinking (towards zeros) keeps pipelines valid and simpler.
 */
import fc from "fast-check";
import { type Chooser, arbitraryChooser } from "./chooser";
import { type Feature, type GenOptions, HOME_REGION, ACCOUNT, OTHER_ACCOUNT, CROSS_REGIONS, padName, PROTOTYPE_NAMES } from "./generator-options";
import { type ProviderSpec, USER_KEYS } from "./catalogue/spec";
import { PROVIDER_SPECS } from "./catalogue";
import { SOURCE_SPECS } from "./catalogue/sources";
import type { Json } from "./edits";

interface ArtifactInfo {
  readonly name: string;
  readonly stage: number;
  readonly runOrder: number;
  readonly cloneRef: boolean;
  consumed: boolean;
}

interface NamespaceInfo {
  readonly name: string;
  readonly stage: number;
  readonly runOrder: number;
  readonly keys: readonly string[];
  referenced: boolean;
}

interface VariableInfo {
  readonly name: string;
  referenced: boolean;
}

class PipelineBuilder {
  private readonly usedNames = new Set<string>();
  private readonly artifacts: ArtifactInfo[] = [];
  private readonly namespaces: NamespaceInfo[] = [];
  private readonly variables: VariableInfo[] = [];
  private readonly required: string[];
  private serial = 0;
  private readonly v2: boolean;
  private readonly name: string;
  private readonly crossRegionUsed = new Set<string>();
  private anyForeignRole = false;
  private readonly stages: Json[] = [];
  private readonly mode: string | undefined;

  constructor(
    private readonly c: Chooser,
    private readonly o: GenOptions,
  ) {
    const type = o.pipelineType ?? (c.bool(0.7) ? "V2" : "V1");
    this.v2 = type === "V2";
    this.name = c.pick(["web-app", "api.service@prod", "data_pipeline-2", "constructor", "__proto__", "x", padName("long.pipeline", 100)]);
    const modes = (o.executionModes ?? [undefined, "SUPERSEDED", "QUEUED", "PARALLEL"]).filter(
      (m) => this.v2 || m === undefined || m === "SUPERSEDED",
    );
    this.mode = modes.length > 0 ? c.pick(modes) : undefined;
    this.required = [...(o.include ?? [])];
  }

  private feature(f: Feature | undefined, p: number): boolean {
    if (f === "off") return false;
    if (f === "force") return true;
    return this.c.bool(p);
  }

  /** A fresh artifact/namespace name (the two share one space: VAR013). */
  private freshName(base: string, strict = false): string {
    if (!strict && this.c.bool(0.08)) {
      const free = PROTOTYPE_NAMES.filter((n) => !this.usedNames.has(n));
      if (free.length > 0) {
        const n = this.c.pick(free);
        this.usedNames.add(n);
        return n;
      }
    }
    let name = base;
    for (let i = 2; this.usedNames.has(name); i++) name = `${base}${strict ? "_" : "-"}${i}`;
    if (this.c.bool(0.03) && !this.usedNames.has(padName(name, 100))) {
      this.usedNames.add(name); // reserve the short form too
      name = padName(name, 100); // the model maximum
    }
    this.usedNames.add(name);
    return name;
  }

  build(): Json {
    const { c, o } = this;
    const wantVariables = this.v2 && this.feature(o.variables, 0.4);
    if (wantVariables) {
      const names = c.some(["env", "region", "release_channel", "__proto__", "toString", "DEPLOY-TARGET", "a@b", padName("long-variable", 128)], 1, 4);
      for (const name of names) this.variables.push({ name, referenced: false });
    }

    const minStages = Math.max(2, o.minStages ?? 2);
    const maxStages = Math.max(minStages, o.maxStages ?? 8);
    const stageCount = c.int(minStages, maxStages);
    const stageNames = this.stageNames(stageCount);

    const triggerSources = this.buildSourceStage(stageNames[0]!);
    for (let s = 1; s < stageCount; s++) this.buildStage(s, stageNames[s]!, s === stageCount - 1);
    this.placeRemainingRequired();

    if (this.v2 && this.feature(o.conditions, 0.4)) this.addConditions(o.conditions === "force");
    if (o.namespaces === "force" && this.namespaces.length === 0) this.forceNamespace();
    if (o.crossRegion === "force" && this.crossRegionUsed.size === 0) this.forceCrossRegion();
    this.addCollectors();
    // Last: inserted stages hold approvals only, and must not shift indices recorded above.
    this.addBoundaryStages();

    const declaration: Json = {
      name: this.name,
      roleArn: c.pick([
        `arn:aws:iam::${ACCOUNT}:role/service-role/AWSCodePipelineServiceRole-${HOME_REGION}`,
        `arn:aws:iam::${ACCOUNT}:role/pipeline`,
      ]),
    };
    this.addArtifactStores(declaration);
    declaration.stages = this.stages.map((stage) => this.finishStage(stage));
    if (c.bool(0.7)) declaration.version = 1;
    if (this.mode !== undefined) declaration.executionMode = this.mode;
    declaration.pipelineType = this.v2 ? "V2" : "V1";
    if (this.variables.length > 0) {
      declaration.variables = this.variables.map((v) => {
        const out: Json = { name: v.name, defaultValue: c.pick(["prod", "us-east-1", "stable", "1"]) };
        if (c.bool(0.4)) out.description = c.pick(["", "Target environment", "Where to deploy"]);
        return out;
      });
    }
    const triggers = this.v2 ? this.buildTriggers(triggerSources) : [];
    if (triggers.length > 0) declaration.triggers = triggers;
    return declaration;
  }

  private stageNames(count: number): string[] {
    const pool = ["Build", "Test", "Deploy", "Staging", "Prod", "Release.v2", "QA@eu", "constructor", "__proto__", "hasOwnProperty"];
    const names = [this.c.pick(["Source", "Sources", "Checkout"])];
    const picked = this.c.shuffle(pool);
    for (let i = 1; i < count; i++) names.push(picked[i - 1] ?? `Stage-${i}`);
    return names;
  }

  /* ----- stage 0 ----- */

  private buildSourceStage(name: string): Array<{ name: string; branch: string }> {
    const { c, o } = this;
    const specs = SOURCE_SPECS.filter((s) => !(o.exclude ?? []).includes(s.key) || this.required.includes(s.key));
    const forcedKeys = this.required.filter((k) => k.startsWith("Source/"));
    this.required.splice(0, this.required.length, ...this.required.filter((k) => !k.startsWith("Source/")));
    const wantTriggers = this.v2 && o.triggers === "force";
    if (wantTriggers && !forcedKeys.includes("Source/AWS/CodeStarSourceConnection")) forcedKeys.push("Source/AWS/CodeStarSourceConnection");
    const wantCloneRef = o.cloneRef === "force" || (o.cloneRef !== "off" && c.bool(0.15));
    const count = Math.max(c.int(1, 3), forcedKeys.length + (wantCloneRef ? 1 : 0), wantCloneRef ? 2 : 1);
    const keys: string[] = [...forcedKeys];
    while (keys.length < count) keys.push(c.pick(specs.length > 0 ? specs : SOURCE_SPECS).key);
    let ordered = c.shuffle(keys);
    // The first source never produces a clone ref, so every provider has something to consume.
    if (wantCloneRef) {
      const idx = ordered.findIndex((k, i) => i > 0 && (k.endsWith("CodeCommit") || k.endsWith("CodeStarSourceConnection")));
      if (idx < 0) {
        const excluded = o.exclude ?? [];
        ordered = [...ordered, excluded.includes("Source/AWS/CodeCommit") ? "Source/AWS/CodeStarSourceConnection" : "Source/AWS/CodeCommit"];
      }
    }
    const actionNames = this.uniqueActionNames(ordered.length, ["Source", "App", "Infra", "Image", "Config", "toString"]);
    const actions: Json[] = [];
    const connectionSources: Array<{ name: string; branch: string }> = [];
    let cloneDone = !wantCloneRef;
    ordered.forEach((key, i) => {
      const spec = SOURCE_SPECS.find((s) => s.key === key)!;
      const canClone = i > 0 && (spec.provider === "CodeCommit" || spec.provider === "CodeStarSourceConnection");
      const cloneRef = !cloneDone && canClone;
      if (cloneRef) cloneDone = true;
      const serial = this.serial++;
      const built = spec.build(c, serial, cloneRef);
      const artifact = this.freshName(c.pick(["SourceOutput", "SourceArtifact", "Src"]));
      this.artifacts.push({ name: artifact, stage: 0, runOrder: 1, cloneRef, consumed: false });
      const action: Json = {
        name: actionNames[i],
        actionTypeId: { category: "Source", owner: "AWS", provider: spec.provider, version: "1" },
        runOrder: 1,
        configuration: built.configuration,
        outputArtifacts: [{ name: artifact }],
        inputArtifacts: [],
      };
      if (this.feature(o.namespaces, 0.5)) {
        const ns = this.freshName(c.pick(["SourceVariables", "SourceVars", "Src-NS"]));
        action.namespace = ns;
        this.namespaces.push({ name: ns, stage: 0, runOrder: 1, keys: spec.emits, referenced: false });
      }
      if (this.feature(o.actionRoles, 0.05)) action.roleArn = `arn:aws:iam::${ACCOUNT}:role/source-action-role`;
      if (c.bool(0.05)) action.region = HOME_REGION; // explicit, not cross-region: allowed for sources
      if (spec.provider === "CodeStarSourceConnection") connectionSources.push({ name: actionNames[i]!, branch: built.branch! });
      actions.push(action);
    });
    this.stages.push({ name, actions, groups: [1] });
    return connectionSources;
  }

  private uniqueActionNames(count: number, pool: readonly string[]): string[] {
    const names: string[] = [];
    const shuffled = this.c.shuffle(pool);
    for (let i = 0; i < count; i++) {
      let n = shuffled[i % shuffled.length]!;
      if (names.includes(n)) n = `${n}-${i}`;
      names.push(n);
    }
    return names;
  }

  /* ----- later stages ----- */

  private eligible(stageIndex: number, runOrder: number): ProviderSpec[] {
    const exclude = this.o.exclude ?? [];
    return PROVIDER_SPECS.filter((p) => {
      if (p.v2Only && !this.v2) return false;
      if (exclude.includes(p.key)) return false;
      if (p.provider === "DeviceFarm" && this.o.crossRegion === "off") return false;
      return this.inputCandidates(p, stageIndex, runOrder).length >= p.inputs[0];
    });
  }

  private inputCandidates(p: ProviderSpec, stageIndex: number, runOrder: number): ArtifactInfo[] {
    return this.artifacts.filter(
      (a) =>
        (a.stage < stageIndex || (a.stage === stageIndex && a.runOrder < runOrder)) && (p.acceptsCloneRef || !a.cloneRef),
    );
  }

  private buildStage(stageIndex: number, name: string, last: boolean): void {
    const { c } = this;
    const groupCount = c.int(1, 3);
    const groups: number[] = [];
    let ro = c.int(1, 3);
    for (let g = 0; g < groupCount; g++) {
      groups.push(ro);
      ro += c.bool(0.1) ? c.int(50, 200) : c.int(1, 4);
    }
    // The model maximum, where no later group has to follow (the last stage gets collectors).
    if (!last && groups.length > 1 && c.bool(0.05)) groups[groups.length - 1] = 999;
    const actions: Json[] = [];
    const names = new Set<string>();
    for (const runOrder of groups) {
      const count = c.int(1, 3);
      for (let k = 0; k < count; k++) {
        const action = this.buildAction(stageIndex, runOrder, names, last && runOrder === groups[groups.length - 1]);
        if (action) actions.push(action);
      }
    }
    if (actions.length === 0) actions.push(this.buildAction(stageIndex, groups[0]!, names, false, PROVIDER_SPECS.find((p) => p.key === "Approval/AWS/Manual")));
    this.stages.push({ name, actions, groups });
  }

  private buildAction(
    stageIndex: number,
    runOrder: number,
    names: Set<string>,
    finalGroup: boolean,
    forced?: ProviderSpec,
  ): Json | undefined {
    const { c, o } = this;
    let spec = forced;
    if (!spec) {
      const eligible = this.eligible(stageIndex, runOrder);
      const requiredHere = this.required.find((k) => eligible.some((p) => p.key === k));
      if (requiredHere && c.bool(0.7)) {
        spec = eligible.find((p) => p.key === requiredHere)!;
        this.required.splice(this.required.indexOf(requiredHere), 1);
      } else {
        const pool = eligible.filter((p) => (o.include ?? []).includes(p.key) || !(o.exclude ?? []).includes(p.key));
        if (pool.length === 0) return undefined;
        spec = weightedPick(c, pool);
      }
    }
    const serial = this.serial++;

    // Inputs: prefer artifacts nobody consumes yet.
    const candidates = this.inputCandidates(spec, stageIndex, runOrder);
    const inputCount = Math.min(candidates.length, c.int(spec.inputs[0], spec.inputs[1]));
    const fresh = candidates.filter((a) => !a.consumed);
    const chosen: ArtifactInfo[] = [];
    for (let i = 0; i < inputCount; i++) {
      const from = fresh.filter((a) => !chosen.includes(a));
      const pool = from.length > 0 && c.bool(0.8) ? from : candidates.filter((a) => !chosen.includes(a));
      chosen.push(c.pick(pool));
    }
    for (const a of chosen) a.consumed = true;

    // Outputs: none in the final group of the final stage unless the provider insists (collectors consume them).
    const maxOut = finalGroup ? spec.outputs[0] : spec.outputs[1];
    const outputCount = c.int(spec.outputs[0], Math.max(spec.outputs[0], maxOut));
    // CodeBuild with 2+ outputs needs buildspec identifiers (ART009): underscores only.
    const strict = spec.provider === "CodeBuild" && outputCount >= 2;
    const outputs: string[] = [];
    for (let i = 0; i < outputCount; i++) {
      outputs.push(this.freshName(c.pick(["BuildOutput", "Artifact", "Package", "Report", "Bundle"]), strict));
    }
    if (strict) {
      // a prototype name picked above may contain only letters and underscores; all good
    }

    // Variable references: marked as used only if the provider really embedded them.
    const refs = this.chooseRefs(spec.refCapacity, (ns) => ns.stage < stageIndex || (ns.stage === stageIndex && ns.runOrder < runOrder), false);

    const built = spec.build({ c, inputs: chosen.map((a) => a.name), outputs, refs, pipelineName: this.name, serial });
    const embedded = JSON.stringify([built.configuration, built.commands, built.environmentVariables]);
    for (const ref of refs) if (embedded.includes(ref)) this.markReferenced(ref);
    for (const out of outputs) this.artifacts.push({ name: out, stage: stageIndex, runOrder, cloneRef: false, consumed: false });

    const actionName = this.actionName(spec, names);
    const action: Json = {
      name: actionName,
      actionTypeId: { category: spec.category, owner: spec.owner, provider: spec.provider, version: "1" },
      runOrder,
    };
    if (built.configuration && (Object.keys(built.configuration).length > 0 || c.bool(0.5))) action.configuration = built.configuration;
    if (built.commands) action.commands = built.commands;
    if (outputs.length > 0 || c.bool(0.5)) {
      action.outputArtifacts = outputs.map((n, i) => {
        const files = built.outputFiles?.[i];
        return files ? { name: n, files } : { name: n };
      });
    }
    if (chosen.length > 0 || c.bool(0.5)) action.inputArtifacts = chosen.map((a) => ({ name: a.name }));
    if (built.outputVariables) action.outputVariables = built.outputVariables;

    const mayUseRole = spec.owner === "AWS";
    if (mayUseRole && this.feature(o.actionRoles, 0.06)) {
      // CDK forbids outputs on cross-account CodeBuild actions; keep foreign roles away from them.
      const foreignOk = !(spec.provider === "CodeBuild" && outputs.length > 0);
      const foreign = foreignOk && c.bool(0.4);
      if (foreign) this.anyForeignRole = true;
      action.roleArn = `arn:aws:iam::${foreign ? OTHER_ACCOUNT : ACCOUNT}:role/action-${serial}`;
    }
    if (spec.provider === "DeviceFarm") {
      // Device Farm only exists in us-west-2 (ACT006): run the action there.
      this.crossRegionUsed.add("us-west-2");
      action.region = "us-west-2";
    } else if (spec.crossRegion && spec.owner === "AWS" && o.crossRegion !== "off") {
      if (this.feature(o.crossRegion === "force" ? "maybe" : o.crossRegion, 0.05)) {
        const region = c.pick(CROSS_REGIONS);
        this.crossRegionUsed.add(region);
        action.region = region;
      } else if (c.bool(0.03)) {
        action.region = HOME_REGION; // explicit home region: not cross-region
      }
    }
    const emits = built.emits;
    const canNamespace = emits === "user" || emits.length > 0;
    if (canNamespace && this.feature(o.namespaces, 0.35)) {
      const ns = this.freshName(c.pick(["BuildVariables", "DeployVars", "NS", "Out@vars"]));
      action.namespace = ns;
      this.namespaces.push({ name: ns, stage: stageIndex, runOrder, keys: emits === "user" ? USER_KEYS : emits, referenced: false });
    }
    if (built.timeoutInMinutes !== undefined) action.timeoutInMinutes = built.timeoutInMinutes;
    if (built.environmentVariables) action.environmentVariables = built.environmentVariables;
    return action;
  }

  private actionName(spec: ProviderSpec, names: Set<string>): string {
    const base = this.c.pick([
      spec.category,
      spec.provider,
      `${spec.provider}.v2`,
      `${spec.category}@${spec.provider}`,
      ...(this.c.bool(0.1) ? PROTOTYPE_NAMES : []),
    ]);
    let name = base;
    for (let i = 2; names.has(name); i++) name = `${base}-${i}`;
    if (this.c.bool(0.03) && !names.has(padName(name, 100))) {
      names.add(name);
      name = padName(name, 100);
    }
    names.add(name);
    return name;
  }

  /** Up to `capacity` references to things visible from here, preferring unreferenced ones. */
  private markReferenced(ref: string): void {
    const m = /^#\{([^.]+)\.(.+)\}$/.exec(ref);
    if (!m) return;
    if (m[1] === "variables") {
      for (const v of this.variables) if (v.name === m[2]) v.referenced = true;
    } else {
      for (const ns of this.namespaces) if (ns.name === m[1]) ns.referenced = true;
    }
  }

  private chooseRefs(capacity: number, visible: (ns: NamespaceInfo) => boolean, mark = true): string[] {
    const { c } = this;
    if (capacity === 0) return [];
    const refs: string[] = [];
    const count = c.int(0, capacity);
    for (let i = 0; i < count; i++) {
      const kind = c.int(0, 9);
      const nsPool = this.namespaces.filter(visible);
      const pending = nsPool.filter((n) => !n.referenced);
      const pendingVars = this.variables.filter((v) => !v.referenced);
      if (kind < 6 && nsPool.length > 0) {
        const ns = c.pick(pending.length > 0 && c.bool(0.8) ? pending : nsPool);
        if (mark) ns.referenced = true;
        refs.push(`#{${ns.name}.${c.pick(ns.keys)}}`);
      } else if (kind < 9 && this.variables.length > 0) {
        const v = c.pick(pendingVars.length > 0 ? pendingVars : this.variables);
        if (mark) v.referenced = true;
        refs.push(`#{variables.${v.name}}`);
      } else {
        refs.push("#{codepipeline.PipelineExecutionId}");
      }
    }
    return [...new Set(refs)];
  }

  private placeRemainingRequired(): void {
    if (this.required.length === 0) return;
    const lastIndex = this.stages.length - 1;
    const last = this.stages[lastIndex]!;
    const names = new Set<string>(last.actions.map((a: Json) => a.name));
    const ro = Math.max(...last.groups) + 1;
    last.groups.push(ro);
    for (const key of [...this.required]) {
      const spec = PROVIDER_SPECS.find((p) => p.key === key);
      if (!spec) throw new Error(`unknown provider key ${key}`);
      if (spec.v2Only && !this.v2) throw new Error(`${key} needs a V2 pipeline`);
      last.actions.push(this.buildAction(lastIndex, ro, names, false, spec));
    }
    this.required.length = 0;
  }

  /** Sometimes a stage of exactly 50 approvals, or padding up to exactly 50 stages (quotas). */
  private addBoundaryStages(): void {
    const { c } = this;
    const approvals = (count: number): Json[] =>
      Array.from({ length: count }, (_, i) => ({
        name: `Approve-${i}`,
        actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" },
        runOrder: 1 + (i % 3) * 2,
      }));
    const insert = (name: string, count: number) => {
      const at = c.int(1, this.stages.length - 1);
      this.stages.splice(at, 0, { name, actions: approvals(count), groups: [1, 3, 5] });
    };
    if (c.bool(0.02)) insert("Approvals-50", 50);
    if (c.bool(0.01)) for (let i = this.stages.length; i < 50; i++) insert(`Gate-${i}`, 1);
  }

  /* ----- conditions ----- */

  private addConditions(force: boolean): void {
    const { c } = this;
    let added = false;
    for (let s = 1; s < this.stages.length; s++) {
      const stage = this.stages[s]!;
      if (c.bool(0.35)) {
        stage.beforeEntry = { conditions: [this.condition(s, "beforeEntry")] };
        added = true;
      }
      if (c.bool(0.3)) {
        stage.onSuccess = { conditions: [this.condition(s, "onSuccess")] };
        added = true;
      }
      if (c.bool(0.3)) {
        stage.onFailure = this.onFailure(s);
        added = true;
      }
    }
    if (force && !added) {
      const s = c.int(1, this.stages.length - 1);
      this.stages[s]!.beforeEntry = { conditions: [this.condition(s, "beforeEntry")] };
    }
  }

  private noRollback(): boolean {
    return this.mode === "PARALLEL";
  }

  private onFailure(s: number): Json {
    const { c } = this;
    const kind = this.noRollback() ? 0 : c.int(0, 2);
    if (kind === 0) return { result: "RETRY", retryConfiguration: { retryMode: c.pick(["FAILED_ACTIONS", "ALL_ACTIONS"]) } };
    if (kind === 1) return { result: "ROLLBACK" };
    return { result: "ROLLBACK", conditions: [this.condition(s, "onFailure")] };
  }

  private condition(s: number, block: "beforeEntry" | "onSuccess" | "onFailure"): Json {
    const { c } = this;
    let result: string;
    if (block === "beforeEntry") result = c.pick(["FAIL", "SKIP"]);
    else if (block === "onSuccess") result = this.noRollback() ? "FAIL" : c.pick(["FAIL", "ROLLBACK"]);
    else result = "ROLLBACK";
    const providers =
      result === "SKIP"
        ? ["LambdaInvoke", "VariableCheck"]
        : ["CloudWatchAlarm", "CodeBuild", "Commands", "DeploymentWindow", "LambdaInvoke", "VariableCheck"];
    const count = c.int(1, 3);
    const rules: Json[] = [];
    // Visible when the rule runs: beforeEntry sees earlier stages only; the others this stage too.
    const visibleStage = (stage: number) => (block === "beforeEntry" ? stage < s : stage <= s);
    for (let i = 0; i < count; i++) rules.push(this.rule(c.pick(providers), visibleStage));
    return { result, rules };
  }

  private rule(provider: string, visibleStage: (stage: number) => boolean): Json {
    const { c } = this;
    const serial = this.serial++;
    const rule: Json = {
      name: this.c.pick(["Check", "Gate", "Alarm", "Window"]) + `-${serial}`,
      ruleTypeId: { category: "Rule", owner: "AWS", provider, version: "1" },
    };
    if (c.bool(0.2)) delete rule.ruleTypeId.owner; // owner is optional for rules
    const visibleNs = (ns: NamespaceInfo) => visibleStage(ns.stage);
    const artifacts = this.artifacts.filter((a) => visibleStage(a.stage));
    switch (provider) {
      case "CloudWatchAlarm":
        rule.configuration = { AlarmName: `alarm-${serial}` };
        if (c.bool(0.5)) rule.configuration.AlarmStates = c.pick(["ALARM", "OK", "INSUFFICIENT_DATA"]);
        if (c.bool(0.5)) rule.configuration.WaitTime = String(c.int(1, 300));
        break;
      case "CodeBuild":
      case "Commands": {
        const codeBuild = provider === "CodeBuild";
        const pool = artifacts.filter((a) => codeBuild || !a.cloneRef);
        if (pool.length > 0) {
          const fresh = pool.filter((a) => !a.consumed);
          const art = c.pick(fresh.length > 0 ? fresh : pool);
          art.consumed = true;
          rule.inputArtifacts = [{ name: art.name }];
        }
        if (codeBuild) rule.configuration = { ProjectName: `rule-project-${serial}` };
        else rule.commands = ["npm run smoke-test"];
        break;
      }
      case "DeploymentWindow":
        rule.configuration = { Cron: c.pick(["* 0-59 9-17 ? * MON-FRI", "* * 0-6 ? * SAT,SUN *"]) };
        if (c.bool(0.6)) rule.configuration.TimeZone = c.pick(["UTC", "America/New_York", "Europe/Paris", "UTC+02:00"]);
        break;
      case "LambdaInvoke": {
        rule.configuration = { FunctionName: `gate-${serial}` };
        const refs = this.chooseRefs(2, visibleNs);
        if (refs.length > 0) rule.configuration.UserParameters = refs.join(",");
        if (c.bool(0.1)) rule.configuration.UserParameters = (rule.configuration.UserParameters ?? "").padEnd(10_000, "-"); // rule values: max 10000
        break;
      }
      case "VariableCheck": {
        const refs = this.chooseRefs(1, visibleNs);
        const variable = refs[0] ?? "#{codepipeline.PipelineExecutionId}";
        const operator = c.pick(["EQ", "CONTAINS", "NE", "MATCHES"]);
        rule.configuration = {
          Variable: variable,
          Operator: operator,
          Value: operator === "MATCHES" ? "^[a-z0-9-]+$" : c.pick(["main", "prod", "1"]),
        };
        break;
      }
    }
    if (c.bool(0.2)) rule.timeoutInMinutes = c.pick([5, 60, 86400]);
    if (c.bool(0.1)) rule.roleArn = `arn:aws:iam::${ACCOUNT}:role/rule-role`;
    return rule;
  }

  /* ----- forced features and collectors ----- */

  private forceNamespace(): void {
    const source = this.stages[0]!.actions[0]!;
    const ns = this.freshName("SourceVariables");
    source.namespace = ns;
    const spec = SOURCE_SPECS.find((s) => s.provider === source.actionTypeId.provider)!;
    this.namespaces.push({ name: ns, stage: 0, runOrder: 1, keys: spec.emits, referenced: false });
  }

  private forceCrossRegion(): void {
    const lastIndex = this.stages.length - 1;
    const last = this.stages[lastIndex]!;
    const ro = Math.max(...last.groups) + 1;
    last.groups.push(ro);
    const names = new Set<string>(last.actions.map((a: Json) => a.name));
    const region = this.c.pick(CROSS_REGIONS);
    this.crossRegionUsed.add(region);
    let name = "CrossRegionInvoke";
    for (let i = 2; names.has(name); i++) name = `CrossRegionInvoke-${i}`;
    last.actions.push({
      name,
      actionTypeId: { category: "Invoke", owner: "AWS", provider: "Lambda", version: "1" },
      runOrder: ro,
      configuration: { FunctionName: `replicate-${this.serial++}` },
      region,
    });
  }

  /** CodeBuild actions at the very end that consume every unconsumed artifact and reference every unreferenced name. */
  private addCollectors(): void {
    const pendingArtifacts = this.artifacts.filter((a) => !a.consumed);
    const refs: string[] = [
      ...this.namespaces.filter((n) => !n.referenced).map((n) => `#{${n.name}.${this.c.pick(n.keys)}}`),
      ...this.variables.filter((v) => !v.referenced).map((v) => `#{variables.${v.name}}`),
    ];
    if (pendingArtifacts.length === 0 && refs.length === 0) return;
    for (const n of this.namespaces) n.referenced = true;
    for (const v of this.variables) v.referenced = true;
    const lastIndex = this.stages.length - 1;
    const last = this.stages[lastIndex]!;
    const ro = Math.max(...last.groups) + 1;
    last.groups.push(ro);
    const names = new Set<string>(last.actions.map((a: Json) => a.name));
    while (pendingArtifacts.length > 0 || refs.length > 0) {
      const inputs = pendingArtifacts.splice(0, 5);
      if (inputs.length === 0) inputs.push(this.artifacts[0]!);
      for (const a of inputs) a.consumed = true;
      const myRefs = refs.splice(0, 4);
      let name = "Collect";
      for (let i = 2; names.has(name); i++) name = `Collect-${i}`;
      names.add(name);
      const configuration: Record<string, string> = { ProjectName: `collect-${this.serial++}` };
      if (inputs.length > 1) configuration.PrimarySource = inputs[0]!.name;
      if (myRefs.length > 0) {
        configuration.EnvironmentVariables = JSON.stringify(myRefs.map((value, i) => ({ name: `UPSTREAM_${i}`, value, type: "PLAINTEXT" })));
      }
      last.actions.push({
        name,
        actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
        runOrder: ro,
        configuration,
        inputArtifacts: inputs.map((a) => ({ name: a.name })),
      });
    }
  }

  /* ----- stores, triggers, finishing ----- */

  private addArtifactStores(declaration: Json): void {
    const { c, o } = this;
    const useMap = this.crossRegionUsed.size > 0 || c.bool(0.15);
    const encrypt = this.feature(o.encryption, 0.25);
    const key = (region: string): Json => {
      const kind = c.int(0, 2);
      if (kind === 2 && !this.anyForeignRole && region === HOME_REGION) return { id: "alias/codepipeline", type: "KMS" };
      if (kind === 1) return { id: "1234abcd-12ab-34cd-56ef-1234567890ab", type: "KMS" };
      return { id: `arn:aws:kms:${region}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, type: "KMS" };
    };
    const store = (region: string): Json => {
      const s: Json = { type: "S3", location: `codepipeline-${region}-${ACCOUNT}` };
      if (encrypt) s.encryptionKey = key(region);
      return s;
    };
    if (!useMap) {
      declaration.artifactStore = store(HOME_REGION);
      return;
    }
    const regions = c.shuffle([HOME_REGION, ...this.crossRegionUsed]);
    declaration.artifactStores = {};
    for (const r of regions) declaration.artifactStores[r] = store(r);
  }

  private buildTriggers(sources: Array<{ name: string; branch: string }>): Json[] {
    const { c, o } = this;
    if (o.triggers === "off") return [];
    const triggers: Json[] = [];
    for (const source of sources) {
      if (!(o.triggers === "force" && triggers.length === 0) && !c.bool(0.6)) continue;
      triggers.push({ providerType: "CodeStarSourceConnection", gitConfiguration: this.gitConfiguration(source) });
    }
    return triggers;
  }

  private gitConfiguration(source: { name: string; branch: string }): Json {
    const { c } = this;
    const extraIncludes = ["release/**", "hotfix/*", "feature/{api,web}"];
    const excludes = ["experimental/**", "wip-*"];
    const branchCriteria = (): Json => {
      const includes = [source.branch, ...c.some(extraIncludes.filter((p) => p !== source.branch), 0, 2)];
      const criteria: Json = { includes: c.shuffle(includes) };
      if (c.bool(0.3)) criteria.excludes = c.some(excludes, 1, 2);
      return criteria;
    };
    const filePaths = (): Json => {
      const f: Json = { includes: c.some(["src/**", "*.json", "package.json"], 1, 2) };
      if (c.bool(0.3)) f.excludes = ["docs/**"];
      return f;
    };
    const git: Json = { sourceActionName: source.name };
    // Where the source's BranchName is matched: push, pull request or both (TRIG016).
    const where = c.int(0, 2);
    if (where !== 1 || c.bool(0.3)) {
      const push: Json[] = [];
      if (where !== 1) {
        const f: Json = { branches: branchCriteria() };
        if (c.bool(0.3)) f.filePaths = filePaths();
        push.push(f);
      }
      if (c.bool(0.3) || push.length === 0) {
        const t: Json = { tags: { includes: c.some(["v*", "release-*", "v[0-9]*"], 1, 2) } };
        if (c.bool(0.3)) t.tags.excludes = ["*-rc"];
        push.push(t);
      }
      git.push = c.shuffle(push);
    }
    if (where !== 0 || c.bool(0.3)) {
      const pr: Json = { branches: branchCriteria() };
      if (c.bool(0.5)) pr.events = c.some(["OPEN", "UPDATED", "CLOSED"], 1, 3);
      if (c.bool(0.3)) pr.filePaths = filePaths();
      git.pullRequest = [pr];
    }
    return git;
  }

  private finishStage(stage: Json): Json {
    const { c } = this;
    const out: Json = { name: stage.name };
    let actions: Json[] = stage.actions;
    // runOrder may be omitted when every action of the stage runs in group 1 (ACT008 otherwise).
    if (actions.every((a) => a.runOrder === 1)) {
      actions = actions.map((a) => (c.bool(0.3) ? withoutKey(a, "runOrder") : a));
    }
    // Document order does not matter, only runOrder does: sometimes shuffle it.
    if (c.bool(0.3)) actions = c.shuffle(actions);
    out.actions = actions;
    if (stage.onFailure) out.onFailure = stage.onFailure;
    if (stage.onSuccess) out.onSuccess = stage.onSuccess;
    if (stage.beforeEntry) out.beforeEntry = stage.beforeEntry;
    return out;
  }
}

function weightedPick(c: Chooser, pool: readonly ProviderSpec[]): ProviderSpec {
  const total = pool.reduce((sum, p) => sum + p.weight, 0);
  let n = c.int(0, total - 1);
  for (const p of pool) {
    if (n < p.weight) return p;
    n -= p.weight;
  }
  return pool[pool.length - 1]!;
}

function withoutKey(object: Json, key: string): Json {
  const copy = { ...object };
  delete copy[key];
  return copy;
}

/** Builds one valid pipeline from a chooser (deterministic). */
export function generateValidPipeline(c: Chooser, options: GenOptions = {}): Json {
  return new PipelineBuilder(c, options).build();
}

/** Valid declarations (see the module comment) for `TEST_CONTEXT` (region us-east-1). */
export function arbitraryValidPipeline(options: GenOptions = {}): fc.Arbitrary<Json> {
  return arbitraryChooser().map((c) => generateValidPipeline(c, options));
}
