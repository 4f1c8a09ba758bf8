/** Messages between useSourceDiagnostics and its worker (source-findings.worker.ts). */
import type { JsonObject } from "@/lib/domain/designer/contract";
import type { SourceDocument } from "@/lib/domain/formats";
import type { Diagnostic } from "@/lib/domain/validation/diagnostic";

export type FindingsRequest =
  | { readonly kind: "source"; readonly source: SourceDocument }
  | { readonly kind: "declaration"; readonly id: number; readonly declaration: JsonObject };

export interface FindingsReply {
  readonly id: number;
  readonly findings: readonly Diagnostic[];
}
