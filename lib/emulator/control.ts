/**
 * The control API for tests and demos, beside the AWS surface and clearly apart from it: plain
 * JSON under `/_emulator/...`, matched by path only for requests without an X-Amz-Target (an
 * AWS call is never mistaken for a control call). In the spirit of moto's `/moto-api/reset`.
 *
 *   POST /_emulator/reset                   drop all pipelines and executions, clear faults
 *   POST /_emulator/seed                    reset, then the demo pipelines and history
 *   GET  /_emulator/time-scale              {timeScale}
 *   POST /_emulator/time-scale {timeScale}  simulated-time speed-up (> 0)
 *   POST /_emulator/fail-next {pipelineName, stageName, actionName, region?}
 *   POST /_emulator/region-down {region, down}  calls signed for the region get no answer (its endpoint is down)
 *   POST /_emulator/fail-next-rule {pipelineName, stageName, ruleName, region?}  a LambdaInvoke/Commands/CodeBuild rule fails once
 *   POST /_emulator/alarm-state {alarmName, state, region?}  a simulated CloudWatch alarm's state (OK | ALARM | INSUFFICIENT_DATA)
 *   POST /_emulator/throttle {fraction}     0..1 of AWS calls get ThrottlingException (evenly spread)
 *   POST /_emulator/latency {ms}            delay before every AWS answer
 *   POST /_emulator/reject-next {message, exception?, operation?}  the next UpdatePipeline fails (reject-next.ts)
 *   GET  /_emulator/health                  {status, pipelines (home region), regions: {region: pipelines}, timeScale, ...}
 *   GET  /_emulator/requests                AWS calls received, by operation, pipeline and region (request-counter.ts)
 *   POST /_emulator/requests/reset          zero those counts
 *
 * Everything answers 403 in read-only deployments (PIPEWRIGHT_READ_ONLY=1) or when the server
 * was started with `controlApi: false`.
 */
import { ServiceError } from "./errors";
import { rejectNext } from "./reject-next";
import { z } from "zod";
import { isKnownRegion } from "@/lib/domain/catalog/regions";
import type { RegionalEmulator } from "./regions";
import { requestCounterRoutes } from "./request-counter-routes";
import type { ControlResponse, ControlRoute, ControlRoutes } from "./control-types";

export const CONTROL_PREFIX = "/_emulator";

export type { ControlResponse };

const schemas = {
  timeScale: z.object({ timeScale: z.number().positive().max(100_000) }),
  failNext: z.object({
    pipelineName: z.string().min(1),
    stageName: z.string().min(1),
    actionName: z.string().min(1),
    region: z.string().refine(isKnownRegion, "not a CodePipeline region").optional(),
  }),
  regionDown: z.object({ region: z.string().refine(isKnownRegion, "not a CodePipeline region"), down: z.boolean() }),
  throttle: z.object({ fraction: z.number().min(0).max(1) }),
  latency: z.object({ ms: z.int().min(0).max(60_000) }),
  failNextRule: z.object({
    pipelineName: z.string().min(1),
    stageName: z.string().min(1),
    ruleName: z.string().min(1),
    region: z.string().refine(isKnownRegion, "not a CodePipeline region").optional(),
  }),
  alarmState: z.object({
    alarmName: z.string().min(1).max(255),
    state: z.enum(["OK", "ALARM", "INSUFFICIENT_DATA"]),
    region: z.string().refine(isKnownRegion, "not a CodePipeline region").optional(),
  }),
};

type Route = ControlRoute;

const ok = (body: Record<string, unknown> = {}): ControlResponse => ({ status: 200, body: { ok: true, ...body } });

function withBody<T>(schema: z.ZodType<T>, run: (service: RegionalEmulator, input: T) => ControlResponse): Route {
  return (service, body) => {
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      return { status: 400, body: { error: "Invalid control request", issues: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`) } };
    }
    return run(service, parsed.data);
  };
}

const routes: ControlRoutes = {
  "/reset": { POST: (s) => (s.reset(), ok()) },
  "/seed": { POST: (s) => ok({ pipelines: s.seed() }) },
  "/time-scale": {
    GET: (s) => ok({ timeScale: s.backend.engine.getTimeScale() }),
    POST: withBody(schemas.timeScale, (s, i) => (s.setTimeScale(i.timeScale), ok({ timeScale: i.timeScale }))),
  },
  "/fail-next": {
    POST: withBody(schemas.failNext, (s, { region, ...target }) => (s.inRegion(region ?? s.region).backend.engine.failNextRun(target), ok())),
  },
  "/region-down": {
    POST: withBody(schemas.regionDown, (s, i) => (s.faults.setRegionDown(i.region, i.down), ok({ regionsDown: s.faults.regionsDown }))),
  },
  "/fail-next-rule": { POST: withBody(schemas.failNextRule, (s, { region, ...rule }) => (s.inRegion(region ?? s.region).backend.engine.failNextRule(rule), ok())) },
  "/alarm-state": { POST: withBody(schemas.alarmState, (s, i) => (s.inRegion(i.region ?? s.region).backend.engine.setAlarmState(i.alarmName, i.state), ok())) },
  "/throttle": { POST: withBody(schemas.throttle, (s, i) => (s.faults.setThrottleFraction(i.fraction), ok({ fraction: i.fraction }))) },
  "/latency": { POST: withBody(schemas.latency, (s, i) => ((s.faults.latencyMs = i.ms), ok({ ms: i.ms }))) },
  "/reject-next": { POST: rejectNext },
  "/health": {
    GET: (s) =>
      ok({
        status: "ok",
        pipelines: s.backend.store.count(),
        timeScale: s.backend.engine.getTimeScale(),
        throttleFraction: s.faults.throttleFraction,
        latencyMs: s.faults.latencyMs,
        regions: Object.fromEntries(s.openRegions().map((r) => [r, s.inRegion(r).backend.store.count()])),
        regionsDown: s.faults.regionsDown,
      }),
  },
  ...requestCounterRoutes,
};

export function isControlPath(pathname: string): boolean {
  return pathname === CONTROL_PREFIX || pathname.startsWith(`${CONTROL_PREFIX}/`);
}

/** True when control calls must be refused: read-only deployments, or turned off at start. */
export function controlDisabled(enabled: boolean): boolean {
  return !enabled || process.env.PIPEWRIGHT_READ_ONLY === "1";
}

export function handleControl(service: RegionalEmulator, method: string, pathname: string, rawBody: string, enabled: boolean): ControlResponse {
  if (controlDisabled(enabled)) {
    return { status: 403, body: { error: "The emulator control API is disabled (read-only deployment)." } };
  }
  const sub = pathname.slice(CONTROL_PREFIX.length).replace(/\/+$/, "");
  const route = routes[sub];
  if (!route) return { status: 404, body: { error: `No control endpoint ${pathname}`, endpoints: Object.keys(routes).map((r) => CONTROL_PREFIX + r) } };
  const handler = route[method as "GET" | "POST"];
  if (!handler) return { status: 405, body: { error: `${method} is not allowed on ${pathname}; use ${Object.keys(route).join(" or ")}.` } };
  let body: unknown = {};
  if (rawBody.trim() !== "") {
    try {
      body = JSON.parse(rawBody);
    } catch {
      return { status: 400, body: { error: "The control request body is not valid JSON." } };
    }
  }
  try {
    return handler(service, body);
  } catch (error) {
    // e.g. fail-next naming an unknown pipeline, stage or action: the caller's mistake, not a crash.
    if (error instanceof ServiceError && error.status === 400) {
      return { status: error.type.endsWith("NotFoundException") ? 404 : 400, body: { error: error.message, type: error.type } };
    }
    throw error;
  }
}
