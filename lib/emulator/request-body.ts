/**
 * Reading a request body with two bounds, so no client can hold memory or a connection:
 *  - size: over MAX_BODY_BYTES the body is read to its end and thrown away (the client finishes
 *    sending, then reads a clean HTTP 413 instead of a reset connection); past DRAIN_LIMIT_BYTES,
 *    or when Content-Length already says so, nothing more is read and the connection is closed
 *    after the answer;
 *  - time: a body that has not fully arrived within the timeout (30 s by default) is answered
 *    with HTTP 408 and the connection closed. Node's own request timeout is 300 s.
 * Both answers are AWS-style error bodies (errors.ts).
 */
import type { IncomingMessage } from "node:http";
import { ServiceError, serviceErrors } from "./errors";

/** Bodies larger than this are refused (AWS's own request limit is of the same order). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
export const DEFAULT_BODY_TIMEOUT_MS = 30_000;
/** How much of an oversized body is read (and discarded) so that the 413 reaches the client. */
const DRAIN_LIMIT_BYTES = 8 * MAX_BODY_BYTES;

/** A body that could not be read; `closeConnection` when the rest of it is still on the wire. */
export class BodyError extends Error {
  constructor(
    readonly error: ServiceError,
    readonly closeConnection: boolean,
  ) {
    super(error.message);
  }
}

/** The body as UTF-8 text; rejects with BodyError (answer it) or another error (the client went away). */
export function readBody(req: IncomingMessage, timeoutMs = DEFAULT_BODY_TIMEOUT_MS): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const declared = Number(req.headers["content-length"]);
    let tooLarge = Number.isFinite(declared) && declared > MAX_BODY_BYTES;

    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off("data", onData);
      req.off("end", onEnd);
      outcome();
    };
    const fail = (error: ServiceError, closeConnection: boolean) => settle(() => reject(new BodyError(error, closeConnection)));
    const tooLargeError = () => serviceErrors.requestEntityTooLarge(MAX_BODY_BYTES);

    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      else if (size > DRAIN_LIMIT_BYTES) fail(tooLargeError(), true);
    };
    const onEnd = () => settle(() => (tooLarge ? reject(new BodyError(tooLargeError(), false)) : resolve(Buffer.concat(chunks).toString("utf8"))));
    const timer = setTimeout(() => fail(tooLarge ? tooLargeError() : serviceErrors.requestTimeout(timeoutMs), true), timeoutMs);

    if (tooLarge && declared > DRAIN_LIMIT_BYTES) {
      fail(tooLargeError(), true);
      return;
    }
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", (error) => settle(() => reject(error)));
    // A client that disconnects mid-body: nothing to answer.
    req.on("close", () => settle(() => reject(new Error("the client closed the connection before its body ended"))));
  });
}
