"use client";

/**
 * The importer's findings about an imported draft (a CloudFormation-only property, a name
 * CloudFormation generates, a member beside the pipeline…), for the problems panel. They are
 * derived again from the current declaration and the source document — what export would write
 * now, read back — so a finding lasts exactly as long as it is true: remove the member it is
 * about, or give the pipeline a name, and it is gone; move its element, and it moves along.
 *
 * Reading a template back costs far more than validating a declaration (a parse of the whole
 * document), so a worker does it: one declaration at a time, the latest one when it is free, and
 * the previous findings stay until the new ones arrive. Should the worker fail to start, the
 * findings are derived here instead, once the edits pause.
 */
import { useEffect, useRef, useState } from "react";
import type { JsonObject } from "@/lib/domain/designer/contract";
import type { JsonMap, SourceDocument } from "@/lib/domain/formats";
import type { Diagnostic } from "@/lib/domain/validation/diagnostic";
import type { FindingsReply, FindingsRequest } from "./source-findings-protocol";

const NONE: readonly Diagnostic[] = [];
/** Without a worker: how long edits must pause before the findings are derived again. */
const SETTLE_MS = 200;

interface Channel {
  /** Sends the latest declaration when the worker is free (else remembers it for then). */
  check(declaration: JsonObject): void;
  close(): void;
}

function openWorker(source: SourceDocument, onFindings: (findings: readonly Diagnostic[]) => void, onFailure: () => void): Channel {
  const worker = new Worker(new URL("./source-findings.worker.ts", import.meta.url));
  let next = 0;
  let busy = false;
  let waiting: JsonObject | undefined;
  const send = (declaration: JsonObject) => {
    busy = true;
    worker.postMessage({ kind: "declaration", id: ++next, declaration } satisfies FindingsRequest);
  };
  worker.onmessage = (e: MessageEvent<FindingsReply>) => {
    onFindings(e.data.findings.length === 0 ? NONE : e.data.findings);
    busy = false;
    if (waiting !== undefined) {
      const declaration = waiting;
      waiting = undefined;
      send(declaration);
    }
  };
  worker.onerror = (e) => {
    e.preventDefault();
    worker.terminate();
    onFailure();
  };
  worker.postMessage({ kind: "source", source } satisfies FindingsRequest);
  return {
    check(declaration) {
      if (busy) waiting = declaration;
      else send(declaration);
    },
    close: () => worker.terminate(),
  };
}

export function useSourceDiagnostics(source: SourceDocument | undefined, declaration: JsonObject): readonly Diagnostic[] {
  const [findings, setFindings] = useState(NONE);
  const [workerFailed, setWorkerFailed] = useState(false);
  const channel = useRef<Channel | null>(null);

  useEffect(() => {
    setFindings(NONE);
    if (source === undefined || workerFailed) return;
    const opened = openWorker(source, setFindings, () => setWorkerFailed(true));
    channel.current = opened;
    return () => {
      opened.close();
      channel.current = null;
    };
  }, [source, workerFailed]);

  useEffect(() => {
    if (source === undefined) return;
    if (!workerFailed) {
      channel.current?.check(declaration);
      return;
    }
    // Loaded only here: the importers and the YAML parser stay out of the editor's first load.
    let current = true;
    const timer = setTimeout(() => {
      void import("@/lib/domain/formats/source-diagnostics").then(({ sourceDiagnostics }) => {
        if (current) setFindings(sourceDiagnostics(source, declaration as JsonMap));
      });
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [source, declaration, workerFailed]);

  return findings;
}
