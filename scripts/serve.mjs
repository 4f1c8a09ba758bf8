#!/usr/bin/env node
// The app's HTTP server under `npm start`: Next.js in this process through its custom-server API
// (https://nextjs.org/docs/app/guides/custom-server), on HOST (default 127.0.0.1) and PORT.
// It exists for one thing `next start` cannot do: tell the app which address each connection
// came from. Every request gets `x-pipewright-peer: <token> <socket address>` (any such header the
// client sent is replaced), and only this process knows the token (lib/auth/trusted-proxy.ts), so
// PIPEWRIGHT_AUTH=proxy trusts X-Forwarded-Email only from the configured proxy addresses.
//
//   node scripts/serve.mjs       (after `next build`)
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { resolve } from "node:path";
import { bindRefusal, DEFAULT_HOST } from "./bind-policy.mjs";

const refusal = bindRefusal(process.env);
if (refusal) {
  console.error(`[serve] refusing to start:\n${refusal}`);
  process.exit(1);
}

process.env.NODE_ENV = "production";
const token = randomBytes(24).toString("base64url");
process.env.PIPEWRIGHT_PEER_TOKEN = token;
const host = process.env.HOST?.trim() || DEFAULT_HOST;
const port = Number(process.env.PORT ?? 3000);

const { default: next } = await import("next");
const app = next({ dev: false, dir: resolve(import.meta.dirname, ".."), hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  request.headers["x-pipewright-peer"] = `${token} ${request.socket.remoteAddress ?? ""}`;
  void handle(request, response);
});
server.listen(port, host, () => console.log(`[serve] Pipewright on http://${host.includes(":") ? `[${host}]` : host}:${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
