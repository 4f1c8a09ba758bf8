/**
 * The shapes of the control API's routes, apart from control.ts so that the modules registering
 * routes beside it (request counter, reject-next) need not import the router that imports them.
 */
import type { RegionalEmulator } from "./regions";

export interface ControlResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export type ControlRoute = (service: RegionalEmulator, body: unknown) => ControlResponse;

/** Control endpoints by path under `/_emulator`; modules beside control.ts register theirs in its `routes`. */
export type ControlRoutes = Record<string, Partial<Record<"GET" | "POST", ControlRoute>>>;
