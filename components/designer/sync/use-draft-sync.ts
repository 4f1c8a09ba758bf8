"use client";

/**
 * What a draft knows of the backend while it is edited: the live pipeline it is linked to (its
 * base and that version's declaration), the tags a new pipeline is created with, whether the
 * draft differs from its base (the header's "unpushed changes"), and the problem CodePipeline
 * reported on the last push, shown on its field until the design changes.
 */
import { useCallback, useMemo, useState } from "react";
import type { JsonObject } from "@/lib/domain/json";
import type { Tag } from "@/lib/domain/pipeline/declaration";
import { isUnchanged } from "@/lib/domain/sync/changes";
import { diffDeclarations } from "@/lib/domain/sync/diff";
import type { Diagnostic } from "@/lib/domain/validation/diagnostic";
import type { Draft, DraftLive } from "../drafts/draft-format";
import type { DraftLink } from "../drafts/use-autosave";

export interface DraftSync {
  readonly link: DraftLink;
  /** True when the draft would change the live pipeline (always for a draft never pushed). */
  readonly unpushed: boolean;
  /** The service's finding on the last push, while the design is still the one pushed. */
  readonly serviceDiagnostics: readonly Diagnostic[];
  /** A push (or a merge) moved the base: the draft is now linked to this version. */
  readonly linkTo: (live: DraftLive) => void;
  readonly setTags: (tags: readonly Tag[]) => void;
  /** CodePipeline refused `declaration` at `diagnostic.path`. */
  readonly reportServiceProblem: (declaration: JsonObject, diagnostic: Diagnostic) => void;
}

export function useDraftSync(draft: Draft, declaration: JsonObject): DraftSync {
  const [link, setLink] = useState<DraftLink>(() => ({
    ...(draft.live && { live: draft.live }),
    ...(draft.tags && { tags: draft.tags }),
  }));
  const [problem, setProblem] = useState<{ declaration: JsonObject; diagnostic: Diagnostic } | undefined>();
  const live = link.live;
  const unpushed = useMemo(() => (live ? !isUnchanged(diffDeclarations(live.declaration, declaration)) : true), [live, declaration]);
  const serviceDiagnostics = useMemo(
    () => (problem && problem.declaration === declaration ? [problem.diagnostic] : []),
    [problem, declaration],
  );
  // A pushed pipeline takes no tags any more (UpdatePipeline has none): they are dropped with the link.
  const linkTo = useCallback((next: DraftLive) => setLink({ live: next }), []);
  const setTags = useCallback((tags: readonly Tag[]) => setLink((l) => ({ ...l, tags: [...tags] })), []);
  const reportServiceProblem = useCallback((d: JsonObject, diagnostic: Diagnostic) => setProblem({ declaration: d, diagnostic }), []);
  return { link, unpushed, serviceDiagnostics, linkTo, setTags, reportServiceProblem };
}
