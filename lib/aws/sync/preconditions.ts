import "server-only";
import type { JsonObject } from "@/lib/domain/json";
import type { DraftBase } from "@/lib/domain/sync/draft-base";
import type { NameChanged, WrongRegion } from "./results";

/**
 * What makes a push meaningless before any call: a base in another region than this server's
 * (its pipeline is not the one this server would update), or a draft that renames its pipeline
 * (UpdatePipeline finds pipelines by name; a rename is a new pipeline).
 */
export function basePrecondition(declaration: JsonObject, base: DraftBase | undefined, serverRegion: string): WrongRegion | NameChanged | undefined {
  if (!base) return undefined;
  if (base.region !== serverRegion) {
    return {
      status: "wrong-region",
      message: `This draft was opened from ${base.region}, but this Pipewright works in ${serverRegion}. Open it from a Pipewright in ${base.region}, or push it here as a new pipeline.`,
      draftRegion: base.region,
      serverRegion,
    };
  }
  if (declaration.name !== base.name) {
    return {
      status: "name-changed",
      message: `CodePipeline cannot rename a pipeline. Name it "${base.name}" again to update it, or push it as a new pipeline.`,
      liveName: base.name,
      draftName: typeof declaration.name === "string" ? declaration.name : "",
    };
  }
  return undefined;
}

export function nameInUse(name: string, region: string) {
  return { status: "name-in-use" as const, name, message: `A pipeline named "${name}" already exists in ${region}. Open it in the designer, or choose another name.` };
}
