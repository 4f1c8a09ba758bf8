/** The request counter's control routes (request-counter.ts says what it counts). */
import type { ControlRoutes } from "./control-types";

export const requestCounterRoutes: ControlRoutes = {
  "/requests": { GET: (s) => ({ status: 200, body: { ok: true, ...s.requests.snapshot() } }) },
  "/requests/reset": { POST: (s) => (s.requests.reset(), { status: 200, body: { ok: true } }) },
};
