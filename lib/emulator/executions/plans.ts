/**
 * Reads pipeline definitions through the shell's DefinitionReader and caches their plans.
 * A stored version never changes, but a deleted pipeline's name (and so its version numbers)
 * can be reused, so the cache of a name is dropped on create and delete.
 */
import type { DefinitionReader } from "../contract";
import { serviceErrors } from "../errors";
import { HOME_REGION } from "../identity";
import { planOf, type PipelinePlan } from "./pipeline-plan";

export class PlanCache {
  private readonly plans = new Map<string, PipelinePlan>();

  /** `region`: the region whose pipelines these are (the emulator keeps one name space per region). */
  constructor(
    private readonly definitions: DefinitionReader,
    private readonly region: string = HOME_REGION,
  ) {}

  /** A given version, or undefined when it is gone. */
  get(name: string, version: number): PipelinePlan | undefined {
    const key = `${version}\u0000${name}`;
    let plan = this.plans.get(key);
    if (!plan) {
      const stored = this.definitions.getPipeline(name, version);
      if (!stored) return undefined;
      plan = planOf(stored, this.region);
      this.plans.set(key, plan);
    }
    return plan;
  }

  /** The latest version; PipelineNotFoundException when there is no such pipeline. */
  current(name: string): PipelinePlan {
    const stored = this.definitions.getPipeline(name);
    if (!stored) throw serviceErrors.pipelineNotFound(name);
    return this.get(name, stored.version) ?? planOf(stored, this.region);
  }

  forget(name: string): void {
    for (const key of [...this.plans.keys()]) if (key.endsWith(`\u0000${name}`)) this.plans.delete(key);
  }

  clear(): void {
    this.plans.clear();
  }
}
