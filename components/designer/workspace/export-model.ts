/**
 * What the export dialog offers and shows, as plain data. A new design is exported in the three
 * forms a design is made for. An imported draft is written back into the document it came from
 * (the form it came in, with only the user's edits changed) and can still be converted to every
 * other form; a conversion comes with what that form cannot carry from the source (losses.ts in
 * the formats layer), shown before the text is copied or downloaded.
 */
import {
  EXPORT_FORM_LABELS,
  EXPORT_FORMS,
  IMPORT_FORM_LABELS,
  exportAs,
  exportInto,
  exportLosses,
  exportPipeline,
  newPipeline,
  sourceExportForm,
  type ExportForm,
  type FormatWarning,
  type JsonMap,
  type SourceDocument,
} from "@/lib/domain/formats";

/** The forms a new design is exported in: get-pipeline output also holds the metadata of a deployed pipeline, which a design has not. */
const NEW_DESIGN_FORMS: readonly ExportForm[] = ["declaration", "cli-input", "cloudformation-yaml"];

export interface ExportChoice {
  readonly form: ExportForm;
  readonly label: string;
  /** This form writes the declaration back into the draft's source document. */
  readonly intoSource: boolean;
}

/** The forms offered, the source's own first (and chosen when the dialog opens). */
export function exportChoices(source: SourceDocument | undefined): ExportChoice[] {
  if (source === undefined) return NEW_DESIGN_FORMS.map((form) => ({ form, label: EXPORT_FORM_LABELS[form].label, intoSource: false }));
  const own = sourceExportForm(source);
  return [own, ...EXPORT_FORMS.filter((f) => f !== own)].map((form) => ({
    form,
    label: form === own ? `${IMPORT_FORM_LABELS[source.form]} (${source.syntax.toUpperCase()})` : EXPORT_FORM_LABELS[form].label,
    intoSource: form === own,
  }));
}

export interface DialogExport {
  readonly text: string;
  readonly warnings: readonly FormatWarning[];
  /** What this form cannot carry from the source document, as sentences; [] for its own form. */
  readonly losses: readonly string[];
  /** The text is the source document with the edits written into it. */
  readonly intoSource: boolean;
  /** The name a download gets: the source's file name when writing back into it. */
  readonly fileName: string;
  readonly mediaType: string;
}

/**
 * Whether the draft's source document still reads as it was imported: undefined when it does
 * (or there is none), else why not. Export then writes new documents, as for a new design. The
 * answer depends on the source alone (the importers, not the edits), so ask once per dialog.
 */
export function unreadableSource(source: SourceDocument | undefined, declaration: JsonMap): string | undefined {
  if (source === undefined) return undefined;
  const into = exportInto(source, declaration);
  return into.ok ? undefined : into.error.message;
}

/**
 * Of a conversion's warnings, those the losses do not already say. The losses name everything
 * the target form cannot carry from the source (metadata, tags, members beside the pipeline,
 * `version` in a template…), which the exporter's form-level warnings repeat in its own words;
 * what remains are warnings about one member of this declaration (a name two members would share).
 */
function notALoss(warning: FormatWarning): boolean {
  return warning.path !== undefined && warning.path !== "/version";
}

/**
 * `declaration` exported in `form`: written into `source` (a readable one: see unreadableSource)
 * for its own form, converted from it for the others; a new pipeline without a source.
 */
export function exportForDialog(source: SourceDocument | undefined, declaration: JsonMap, form: ExportForm): DialogExport {
  const label = EXPORT_FORM_LABELS[form];
  const newFile = { fileName: `${label.baseName}.${label.extension}`, mediaType: label.mediaType };
  if (source === undefined) {
    const { text, warnings } = exportPipeline(newPipeline(declaration), form);
    return { text, warnings, losses: [], intoSource: false, ...newFile };
  }
  const { text, warnings } = exportAs(source, declaration, form);
  if (form !== sourceExportForm(source)) {
    return { text, warnings: warnings.filter(notALoss), losses: exportLosses(source, form), intoSource: false, ...newFile };
  }
  const yaml = source.syntax === "yaml";
  return {
    text,
    warnings,
    losses: [],
    intoSource: true,
    fileName: source.fileName ?? `${label.baseName}.${yaml ? "yaml" : "json"}`,
    mediaType: yaml ? "text/yaml" : "application/json",
  };
}
