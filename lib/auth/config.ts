import "server-only";
import { readFileSync } from "node:fs";
import { ConfigurationError } from "@/lib/aws/config";
import { DEFAULT_REGION } from "@/lib/domain/catalog/regions";
import { RoleRulesSchema, type RoleRules } from "@/lib/domain/access/role-rules";

/**
 * The one place that reads the environment for access control.
 *
 * | variable | meaning |
 * | --- | --- |
 * | PIPEWRIGHT_AUTH | unset: local, single user (every role); `oidc`, `alb` or `proxy` for a team deployment |
 * | PIPEWRIGHT_ROLES / PIPEWRIGHT_ROLES_FILE | who holds which role: `{"viewer": ["*"], "editor": ["group:devs"], "operator": ["ann@example.com"]}` |
 * | PIPEWRIGHT_GROUPS_CLAIM | the claim that lists a user's groups (default `groups`), for `oidc` and `alb` |
 * | PIPEWRIGHT_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _SCOPES | the identity provider (`oidc`) |
 * | PIPEWRIGHT_PUBLIC_URL | the app's URL as users reach it; the callback is `<url>/auth/callback` (`oidc`) |
 * | PIPEWRIGHT_SESSION_HOURS | how long a sign-in lasts (default 8) |
 * | PIPEWRIGHT_ALB_ARN, PIPEWRIGHT_ALB_KEY_URL | the load balancer that signs `x-amzn-oidc-data`, and where its public keys are (`alb`) |
 * | PIPEWRIGHT_TRUSTED_PROXIES | addresses of the authenticating proxy (`proxy`), comma-separated |
 */

type Env = Readonly<Record<string, string | undefined>>;

interface Common {
  readonly roles: RoleRules;
}

export type AuthConfig =
  | { readonly mode: "local" }
  | (Common & {
      readonly mode: "oidc";
      readonly issuer: URL;
      readonly clientId: string;
      readonly clientSecret: string;
      readonly scopes: string;
      readonly publicUrl: URL;
      readonly groupsClaim: string;
      readonly sessionSeconds: number;
    })
  | (Common & { readonly mode: "alb"; readonly albArn: string; readonly keyUrl: URL; readonly groupsClaim: string })
  | (Common & { readonly mode: "proxy"; readonly trustedProxies: readonly string[] });

export type AuthMode = AuthConfig["mode"];

const DEFAULT_SESSION_HOURS = 8;

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v === undefined || v === "" ? undefined : v;
}

function required(env: Env, name: string, mode: string): string {
  const value = nonEmpty(env[name]);
  if (value === undefined) throw new ConfigurationError(`${name} must be set when PIPEWRIGHT_AUTH=${mode}.`);
  return value;
}

function url(value: string, name: string): URL {
  try {
    const parsed = new URL(value);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") return parsed;
  } catch {
    // reported below
  }
  throw new ConfigurationError(`${name} must be an http(s) URL; got "${value}".`);
}

function readRoles(env: Env): RoleRules {
  const inline = nonEmpty(env.PIPEWRIGHT_ROLES);
  const file = nonEmpty(env.PIPEWRIGHT_ROLES_FILE);
  if (inline === undefined && file === undefined) {
    throw new ConfigurationError(
      'Set PIPEWRIGHT_ROLES (or PIPEWRIGHT_ROLES_FILE) to say who holds which role, e.g. {"viewer": ["*"], "editor": ["group:devs"], "operator": ["ann@example.com"]}.',
    );
  }
  const source = inline === undefined ? "PIPEWRIGHT_ROLES_FILE" : "PIPEWRIGHT_ROLES";
  let text: string;
  try {
    text = inline ?? readFileSync(file!, "utf8");
  } catch (error) {
    throw new ConfigurationError(`PIPEWRIGHT_ROLES_FILE cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigurationError(`${source} is not JSON.`);
  }
  const parsed = RoleRulesSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigurationError(`${source} must map viewer, editor and operator to lists of emails, "group:<name>" or "*": ${parsed.error.issues.map((i) => i.message).join("; ")}.`);
  }
  return parsed.data;
}

/** Reads the access settings; throws ConfigurationError naming the variable when one is wrong. */
export function readAuthConfig(env: Env = process.env): AuthConfig {
  const mode = nonEmpty(env.PIPEWRIGHT_AUTH) ?? "local";
  switch (mode) {
    case "local":
    case "none":
      return { mode: "local" };
    case "oidc": {
      const hoursText = nonEmpty(env.PIPEWRIGHT_SESSION_HOURS) ?? String(DEFAULT_SESSION_HOURS);
      const hours = Number(hoursText);
      if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) {
        throw new ConfigurationError(`PIPEWRIGHT_SESSION_HOURS must be a number of hours up to 720; got "${hoursText}".`);
      }
      return {
        mode,
        roles: readRoles(env),
        issuer: url(required(env, "PIPEWRIGHT_OIDC_ISSUER", mode), "PIPEWRIGHT_OIDC_ISSUER"),
        clientId: required(env, "PIPEWRIGHT_OIDC_CLIENT_ID", mode),
        clientSecret: required(env, "PIPEWRIGHT_OIDC_CLIENT_SECRET", mode),
        scopes: nonEmpty(env.PIPEWRIGHT_OIDC_SCOPES) ?? "openid email profile",
        publicUrl: url(required(env, "PIPEWRIGHT_PUBLIC_URL", mode), "PIPEWRIGHT_PUBLIC_URL"),
        groupsClaim: nonEmpty(env.PIPEWRIGHT_GROUPS_CLAIM) ?? "groups",
        sessionSeconds: Math.round(hours * 3600),
      };
    }
    case "alb": {
      const region = nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION) ?? DEFAULT_REGION;
      // Where ALB publishes its signing keys, one PEM file per key id:
      // https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html
      const keyUrl = nonEmpty(env.PIPEWRIGHT_ALB_KEY_URL) ?? `https://public-keys.auth.elb.${region}.amazonaws.com`;
      return {
        mode,
        roles: readRoles(env),
        albArn: required(env, "PIPEWRIGHT_ALB_ARN", mode),
        keyUrl: url(keyUrl, "PIPEWRIGHT_ALB_KEY_URL"),
        groupsClaim: nonEmpty(env.PIPEWRIGHT_GROUPS_CLAIM) ?? "groups",
      };
    }
    case "proxy": {
      const listed = required(env, "PIPEWRIGHT_TRUSTED_PROXIES", mode);
      const trustedProxies = listed.split(",").map((a) => a.trim()).filter((a) => a !== "");
      return { mode, roles: readRoles(env), trustedProxies };
    }
    default:
      throw new ConfigurationError(`PIPEWRIGHT_AUTH must be unset (local, single user), "oidc", "alb" or "proxy"; got "${mode}".`);
  }
}

let cached: { readonly env: string; readonly config: AuthConfig } | undefined;

/** readAuthConfig of this process, read again only when an auth variable changed (tests change them). */
export function authConfig(env: Env = process.env): AuthConfig {
  const key = JSON.stringify(Object.entries(env).filter(([name]) => name.startsWith("PIPEWRIGHT_") || name.startsWith("AWS_")));
  if (cached?.env !== key) cached = { env: key, config: readAuthConfig(env) };
  return cached.config;
}
