// Where `npm start` may listen. Without a sign-in mode the app serves one person with every role,
// so it listens on the loopback interface only; a public bind needs PIPEWRIGHT_AUTH (or the
// viewers-only PIPEWRIGHT_READ_ONLY=1). Plain JavaScript: scripts/start.mjs and scripts/serve.mjs
// run it before anything is built or started.

export const DEFAULT_HOST = "127.0.0.1";

/** True for addresses only this machine can reach. */
export function isLoopback(host) {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h) || h === "::ffff:127.0.0.1";
}

/** The message refusing to start, or undefined when the bind is allowed. */
export function bindRefusal(env) {
  const host = env.HOST?.trim() || DEFAULT_HOST;
  if (isLoopback(host)) return undefined;
  if (env.PIPEWRIGHT_AUTH?.trim() && env.PIPEWRIGHT_AUTH.trim() !== "none") return undefined;
  if (env.PIPEWRIGHT_READ_ONLY === "1") return undefined;
  return [
    `HOST=${host} would let anyone who reaches this machine push, delete and approve with its AWS credentials, as nobody.`,
    "Configure sign-in for a team deployment: PIPEWRIGHT_AUTH=oidc (your identity provider), =alb (behind an AWS",
    "Application Load Balancer that authenticates) or =proxy (behind an authenticating proxy), with PIPEWRIGHT_ROLES;",
    "see the README's \"Access control\" section. For a viewers-only wall display set PIPEWRIGHT_READ_ONLY=1.",
    `Or leave HOST unset to serve only this machine (${DEFAULT_HOST}).`,
  ].join("\n");
}
