/**
 * The emulator on a socket: a node:http server speaking AWS JSON 1.1 on every path (the SDK posts
 * to `/` and adds a trailing slash to endpoint paths, the CLI posts to the path as given), with
 * the control API beside it under `/_emulator`. Binds loopback unless told otherwise.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { regionFromAuthorization } from "./backend";
import type { CreateExecutionEngine } from "./contract";
import { handleControl, isControlPath } from "./control";
import { ServiceError, serviceErrors } from "./errors";
import { errorResponse, operationOf, route, type AwsResponse } from "./router";
import { openService, type EmulatorService } from "./service";

export interface EmulatorOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string;
  readonly dataDir: string;
  readonly timeScale?: number;
  /** The control API (default on; always off when PIPEWRIGHT_READ_ONLY=1). */
  readonly controlApi?: boolean;
  /** Seed the demo pipelines when the data directory is new (default true). */
  readonly seedOnFirstStart?: boolean;
  readonly createEngine?: CreateExecutionEngine;
  /** Log one line per AWS call to stdout. */
  readonly log?: boolean;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>`: the endpoint to give the SDK or `aws --endpoint-url`. */
  readonly url: string;
  readonly port: number;
  readonly service: EmulatorService;
  close(): Promise<void>;
}

/** Bodies larger than this are refused (AWS's own request limit is of the same order). */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const service = openService(options);
  const controlEnabled = options.controlApi !== false;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      console.error("[emulator] request failed:", error);
      if (!res.headersSent) sendAws(res, errorResponse(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = new URL(req.url ?? "/", "http://emulator").pathname;
    const target = header(req, "x-amz-target");
    let raw: string;
    try {
      raw = await readBody(req);
    } catch (error) {
      sendAws(res, errorResponse(error));
      return;
    }
    if (target === undefined && isControlPath(pathname)) {
      sendJson(res, controlResponse(req.method ?? "GET", pathname, raw));
      return;
    }
    const { latencyMs } = service.faults;
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (service.faults.takeThrottle()) {
      sendAws(res, errorResponse(serviceErrors.throttling()));
      return;
    }
    const rejection = service.faults.takeRejection(operationOf(target));
    if (rejection) {
      sendAws(res, errorResponse(rejection));
      return;
    }
    const response = route(service.backend, target, raw, { region: regionFromAuthorization(header(req, "authorization")) });
    if (options.log) console.log(`[emulator] ${response.operation ?? target ?? "-"} → ${response.status}${response.status === 200 ? "" : ` ${String(response.body.__type)}`}`);
    sendAws(res, response);
  }

  function controlResponse(method: string, pathname: string, raw: string) {
    try {
      return handleControl(service, method, pathname, raw, controlEnabled);
    } catch (error) {
      if (error instanceof ServiceError) return { status: 400, body: { error: error.message, type: error.type } };
      console.error("[emulator] control call failed:", error);
      return { status: 500, body: { error: "The control call failed; see the emulator log." } };
    }
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    service.close(); // e.g. EADDRINUSE: release the database before reporting
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;

  let closed: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    service,
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => service.close())),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(serviceErrors.serialization(`The request body is larger than ${MAX_BODY_BYTES} bytes.`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendAws(res: ServerResponse, response: AwsResponse): void {
  const body = JSON.stringify(response.body);
  const headers: Record<string, string | number> = {
    "content-type": "application/x-amz-json-1.1",
    "content-length": Buffer.byteLength(body),
    "x-amzn-requestid": randomUUID(),
  };
  if (response.status !== 200 && typeof response.body.__type === "string") headers["x-amzn-errortype"] = response.body.__type;
  res.writeHead(response.status, headers).end(body);
}

function sendJson(res: ServerResponse, response: { status: number; body: Record<string, unknown> }): void {
  const body = JSON.stringify(response.body);
  res.writeHead(response.status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
}
