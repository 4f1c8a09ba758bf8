/**
 * An in-memory stand-in for the shell's definitions, for engine unit tests: every version is
 * kept, `createPipeline` runs the domain validator (errors throw) like CreatePipeline does.
 */
import type { DefinitionWriter, JsonObject, StoredPipeline } from "../../contract";
import { validate } from "../../../domain/validation";
import { HOME_REGION } from "../../identity";

export class FakeDefinitions implements DefinitionWriter {
  private readonly versions = new Map<string, StoredPipeline[]>();
  private clock = 1_700_000_000;

  getPipeline(name: string, version?: number): StoredPipeline | undefined {
    const all = this.versions.get(name);
    if (!all) return undefined;
    return version === undefined ? all[all.length - 1] : all.find((p) => p.version === version);
  }

  listPipelineNames(): string[] {
    return [...this.versions.keys()].sort();
  }

  createPipeline(declaration: JsonObject): StoredPipeline {
    const errors = validate(declaration, { region: HOME_REGION, operation: "create", existingPipelineNames: this.listPipelineNames() })
      .filter((d) => d.severity === "error");
    if (errors.length > 0) throw new Error(`invalid pipeline: ${JSON.stringify(errors)}`);
    return this.put(declaration);
  }

  /** Stores a new pipeline without validation. */
  put(declaration: JsonObject): StoredPipeline {
    const name = String(declaration.name);
    if (this.versions.has(name)) throw new Error(`pipeline ${name} exists`);
    const now = this.tick();
    const stored: StoredPipeline = { name, version: 1, declaration: { ...declaration, version: 1 }, created: now, updated: now };
    this.versions.set(name, [stored]);
    return stored;
  }

  update(declaration: JsonObject): { previous: StoredPipeline; next: StoredPipeline } {
    const name = String(declaration.name);
    const previous = this.getPipeline(name);
    if (!previous) throw new Error(`no pipeline ${name}`);
    const version = previous.version + 1;
    const next: StoredPipeline = { name, version, declaration: { ...declaration, version }, created: previous.created, updated: this.tick() };
    this.versions.get(name)!.push(next);
    return { previous, next };
  }

  delete(name: string): void {
    this.versions.delete(name);
  }

  clear(): void {
    this.versions.clear();
  }

  private tick(): number {
    this.clock += 1;
    return this.clock;
  }
}
