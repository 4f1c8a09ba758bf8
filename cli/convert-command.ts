import { readFileSync } from "node:fs";
import { EXPORT_FORMS, exportPipeline, importText, type ExportForm } from "../lib/domain/formats";
import { EXIT, type CliIO } from "./io";

export interface ConvertOptions {
  readonly to: string;
  /** Which pipeline of a template with several (logical id or name). */
  readonly pipeline: string | undefined;
}

export function runConvert(file: string, options: ConvertOptions, io: CliIO): number {
  if (!(EXPORT_FORMS as readonly string[]).includes(options.to)) {
    io.stderr(`pipewright: --to must be one of ${EXPORT_FORMS.join(", ")}; got "${options.to}".\n`);
    return EXIT.unreadable;
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    io.stderr(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return EXIT.unreadable;
  }
  const imported = importText(text, { fileName: file });
  if (!imported.ok) {
    io.stderr(`${imported.error.toString()}\n`);
    return EXIT.unreadable;
  }
  const labels = imported.pipelines.map((p) => p.label);
  const chosen =
    options.pipeline !== undefined
      ? imported.pipelines.find((p) => p.label === options.pipeline || p.declaration["name"] === options.pipeline)
      : imported.pipelines.length === 1
        ? imported.pipelines[0]
        : undefined;
  if (chosen === undefined) {
    io.stderr(
      options.pipeline !== undefined
        ? `${file}: no pipeline "${options.pipeline}"; it holds ${labels.join(", ")}.\n`
        : `${file}: holds ${labels.length} pipelines (${labels.join(", ")}); choose one with --pipeline NAME.\n`,
    );
    return EXIT.unreadable;
  }
  const result = exportPipeline(chosen, options.to as ExportForm);
  for (const w of result.warnings) io.stderr(`${file}: ${w.code === "note" ? "note" : "warning"}: ${w.message}\n`);
  io.stdout(result.text.endsWith("\n") ? result.text : `${result.text}\n`);
  return EXIT.ok;
}
