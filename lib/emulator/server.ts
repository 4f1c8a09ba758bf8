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
import { refuseControlRequest } from "./control-guard";
import { ServiceError, serviceErrors } from "./errors";
import { BodyError, readBody } from "./request-body";
import { errorResponse, operationOf, route, type AwsResponse } from "./router";
import { openRegions, type RegionalEmulator } from "./regions";

export interface EmulatorOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string;
  readonly dataDir: string;
  readonly timeScale?: number;
  /** The control API (default on; always off when PIPEWRIGHT_READ_ONLY=1). */
  readonly controlApi?: boolean;
  /** Origins besides the emulator's own allowed to call the control API (the app's, e.g. `http://localhost:3000`). */
  readonly appOrigins?: readonly string[];
  /** Seed the demo pipelines when the data directory is new (default true). */
  readonly seedOnFirstStart?: boolean;
  readonly createEngine?: CreateExecutionEngine;
  /** Log one line per AWS call to stdout. */
  readonly log?: boolean;
  /** How long a request body may take to arrive before HTTP 408 (default 30 s). */
  readonly bodyTimeoutMs?: number;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>`: the endpoint to give the SDK or `aws --endpoint-url`. */
  readonly url: string;
  readonly port: number;
  /** Every region's state; used as an EmulatorService it is the home region's. */
  readonly service: RegionalEmulator;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const service = openRegions(options);
  const controlEnabled = options.controlApi !== false;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      console.error("[emulator] request failed:", error);
      if (!res.headersSent) sendAws(res, errorResponse(error));
    });
  });

  const listeningPort = () => (server.address() as AddressInfo).port;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = new URL(req.url ?? "/", "http://emulator").pathname;
    const target = header(req, "x-amz-target");
    const control = target === undefined && isControlPath(pathname);
    const method = req.method ?? "GET";
    if (control) {
      // Checked before the body is read: a refused caller gets nothing processed.
      const refusal = refuseControlRequest(method, req.headers, { host, port: listeningPort(), appOrigins: options.appOrigins });
      if (refusal) {
        sendJson(res, refusal);
        return;
      }
    }
    let raw: string;
    try {
      raw = await readBody(req, options.bodyTimeoutMs);
    } catch (error) {
      if (!(error instanceof BodyError)) return; // the client went away mid-body
      sendAws(res, errorResponse(error.error), { close: error.closeConnection });
      return;
    }
    if (control) {
      sendJson(res, controlResponse(method, pathname, raw));
      return;
    }
    const region = regionFromAuthorization(header(req, "authorization"));
    service.requests.record(operationOf(target), region, raw);
    if (service.faults.isRegionDown(region)) {
      // As an unreachable regional endpoint looks to a client: the connection ends without an answer.
      req.socket.destroy();
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
    const response = route(service.inRegion(region).backend, target, raw, { region });
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

/** `close`: the rest of the request is still on the wire, so the connection ends with this answer. */
function sendAws(res: ServerResponse, response: AwsResponse, { close = false } = {}): void {
  const body = JSON.stringify(response.body);
  const headers: Record<string, string | number> = {
    "content-type": "application/x-amz-json-1.1",
    "content-length": Buffer.byteLength(body),
    "x-amzn-requestid": randomUUID(),
  };
  if (response.status !== 200 && typeof response.body.__type === "string") headers["x-amzn-errortype"] = response.body.__type;
  if (close) {
    headers.connection = "close";
    res.once("finish", () => res.socket?.destroy());
  }
  res.writeHead(response.status, headers).end(body);
}

function sendJson(res: ServerResponse, response: { status: number; body: Record<string, unknown> }): void {
  const body = JSON.stringify(response.body);
  res.writeHead(response.status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
}
