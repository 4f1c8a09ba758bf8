/** Messages between useValidation and its worker (validation.worker.ts). */
import type { JsonObject } from "@/lib/domain/designer/contract";
import type { Diagnostic } from "@/lib/domain/validation/diagnostic";

export interface ValidationRequest {
  readonly id: number;
  readonly declaration: JsonObject;
  readonly region: string | undefined;
}

export interface ValidationReply {
  readonly id: number;
  readonly diagnostics: readonly Diagnostic[];
}
