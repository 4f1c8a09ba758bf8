"use client";

/**
 * The importer's findings about an imported draft (a CloudFormation-only property, a name
 * CloudFormation generates, a member beside the pipeline…), for the problems panel. They are
 * derived again from the current declaration and the source document — what export would write
 * now, read back — so a finding lasts exactly as long as it is true: remove the member it is
 * about, or give the pipeline a name, and it is gone; move its element, and it moves along.
 *
 * Reading a template back costs far more than validating a declaration (a YAML parse of the whole
 * document), so after an edit it runs once the edits pause; until then the previous findings stay.
 */
import { useEffect, useState } from "react";
import type { JsonObject } from "@/lib/domain/designer/contract";
import { sourceDiagnostics, type JsonMap, type SourceDocument } from "@/lib/domain/formats";
import type { Diagnostic } from "@/lib/domain/validation/diagnostic";

/** How long edits must pause before the findings are derived again. */
const SETTLE_MS = 200;

const NONE: readonly Diagnostic[] = [];

function findingsOf(source: SourceDocument | undefined, declaration: JsonObject): readonly Diagnostic[] {
  if (source === undefined) return NONE;
  const found = sourceDiagnostics(source, declaration as JsonMap);
  return found.length === 0 ? NONE : found;
}

export function useSourceDiagnostics(source: SourceDocument | undefined, declaration: JsonObject): readonly Diagnostic[] {
  // The first findings are there when the draft opens (no flash of an empty panel).
  const [current, setCurrent] = useState(() => ({ source, declaration, findings: findingsOf(source, declaration) }));
  useEffect(() => {
    if (current.source === source && current.declaration === declaration) return;
    const timer = setTimeout(() => setCurrent({ source, declaration, findings: findingsOf(source, declaration) }), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [source, declaration, current]);
  return current.findings;
}
