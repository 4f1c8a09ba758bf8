import "server-only";
import type { JsonObject } from "@/lib/domain/json";
import { PipelineDeclarationSchema, type PipelineDeclaration } from "@/lib/domain/pipeline/declaration";
import { warningKey } from "@/lib/domain/sync/inputs";
import { hasErrors, sortDiagnostics, validate, type Diagnostic, type ValidationContext } from "@/lib/domain/validation";
import { formatPath } from "@/lib/domain/validation/path";
import type { Invalid, UnacknowledgedWarnings } from "./results";

/**
 * The push's own check, with the engine the browser uses but the server's context: its region,
 * the live version as deployed, its in-flight executions. What the client claims is not used.
 */
export function checkOnServer(
  declaration: JsonObject,
  context: ValidationContext,
  acknowledged: readonly string[] = [],
): { ok: true; value: PipelineDeclaration; warnings: Diagnostic[] } | Invalid | UnacknowledgedWarnings {
  const diagnostics = sortDiagnostics(validate(declaration, context));
  if (hasErrors(diagnostics)) {
    const n = diagnostics.filter((d) => d.severity === "error").length;
    return { status: "invalid", message: `${n} error${n === 1 ? "" : "s"} block the push; fix ${n === 1 ? "it" : "them"} in the designer.`, diagnostics };
  }
  const warnings = diagnostics.filter((d) => d.severity === "warning");
  const accepted = new Set(acknowledged);
  if (warnings.some((w) => !accepted.has(warningKey(w)))) {
    return { status: "unacknowledged-warnings", message: "Review the warnings and acknowledge them to push.", warnings };
  }
  // The engine found no error; the wire schema is the last word on shape before the SDK sees it.
  const parsed = PipelineDeclarationSchema.safeParse(declaration);
  if (!parsed.success) {
    return {
      status: "invalid",
      message: "The declaration does not have the shape CodePipeline accepts.",
      diagnostics: parsed.error.issues.map((issue) => ({
        code: "SHAPE",
        severity: "error",
        path: formatPath(issue.path.filter((p): p is string | number => typeof p !== "symbol")),
        message: issue.message,
      })),
    };
  }
  return { ok: true, value: parsed.data, warnings };
}
