/** How `validate` prints its findings: text for people, one JSON object per file for machines. */
import type { CheckedPipeline } from "../lib/domain/check";
import type { Diagnostic } from "../lib/domain/validation";

export interface FileReport {
  readonly file: string;
  readonly pipelines: readonly CheckedPipeline[];
}

export function textReport({ file, pipelines }: FileReport): string {
  const several = pipelines.length > 1;
  let out = "";
  for (const pipeline of pipelines) {
    const where = several ? `${file}#${pipeline.label}` : file;
    for (const d of pipeline.diagnostics) {
      out += `${where}:${d.path || "(pipeline)"}: ${d.severity} ${d.code} ${d.message}\n`;
    }
  }
  return out;
}

export function jsonReport({ file, pipelines }: FileReport): string {
  const several = pipelines.length > 1;
  const diagnostics = pipelines.flatMap((pipeline) =>
    pipeline.diagnostics.map((d: Diagnostic) => ({
      ...(several ? { pipeline: pipeline.label } : {}),
      code: d.code,
      severity: d.severity,
      path: d.path,
      message: d.message,
    })),
  );
  const valid = !diagnostics.some((d) => d.severity === "error");
  return `${JSON.stringify({ file, valid, diagnostics })}\n`;
}

export function summaryLine(files: number, errors: number, warnings: number, unreadable: number): string {
  const parts = [`${files} file${files === 1 ? "" : "s"}`, plural(errors, "error"), plural(warnings, "warning")];
  if (unreadable > 0) parts.push(`${unreadable} unreadable`);
  return `${parts.join(", ")}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
