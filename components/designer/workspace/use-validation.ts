"use client";

/**
 * The design's findings from the validation engine, computed in a worker (validation.worker.ts):
 * one declaration at a time, the latest one when the worker is free, and each result stays with
 * the declaration it was computed for until the next arrives, so badges never jump to elements
 * they are not about. Should the worker fail to start, the engine is loaded and run here instead.
 */
import { useEffect, useRef, useState } from "react";
import type { JsonObject } from "@/lib/domain/designer/contract";
import type { Diagnostic } from "@/lib/domain/validation/diagnostic";
import type { ValidationReply, ValidationRequest } from "./validation-protocol";

export interface Validated<D> {
  /** What was validated (the caller's value that holds `declaration`), undefined before the first result. */
  readonly subject: D | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

const NONE: readonly Diagnostic[] = [];

interface Pending<D> {
  readonly subject: D;
  readonly declaration: JsonObject;
  readonly region: string | undefined;
}

export function useValidation<D>(subject: D, declaration: JsonObject, region: string | undefined): Validated<D> {
  const [result, setResult] = useState<Validated<D>>({ subject: undefined, diagnostics: NONE });
  const [workerFailed, setWorkerFailed] = useState(false);
  const channel = useRef<{ check(p: Pending<D>): void } | null>(null);

  useEffect(() => {
    if (workerFailed) return;
    const worker = new Worker(new URL("./validation.worker.ts", import.meta.url));
    let next = 0;
    let inFlight: Pending<D> | undefined;
    let waiting: Pending<D> | undefined;
    const send = (p: Pending<D>) => {
      inFlight = p;
      worker.postMessage({ id: ++next, declaration: p.declaration, region: p.region } satisfies ValidationRequest);
    };
    worker.onmessage = (e: MessageEvent<ValidationReply>) => {
      const done = inFlight!;
      inFlight = undefined;
      setResult({ subject: done.subject, diagnostics: e.data.diagnostics.length === 0 ? NONE : e.data.diagnostics });
      if (waiting !== undefined) {
        const p = waiting;
        waiting = undefined;
        send(p);
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      channel.current = null;
      setWorkerFailed(true);
    };
    channel.current = {
      check(p) {
        if (inFlight !== undefined) waiting = p;
        else send(p);
      },
    };
    return () => {
      worker.terminate();
      channel.current = null;
    };
  }, [workerFailed]);

  useEffect(() => {
    const pending = { subject, declaration, region };
    if (!workerFailed) {
      channel.current?.check(pending);
      return;
    }
    let current = true;
    void import("@/lib/domain/validation").then(({ validate }) => {
      if (current) setResult({ subject, diagnostics: validate(declaration, region === undefined ? {} : { region }) });
    });
    return () => {
      current = false;
    };
  }, [subject, declaration, region, workerFailed]);

  return result;
}
