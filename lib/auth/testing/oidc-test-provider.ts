/**
 * A real OpenID Connect provider for tests (npm `oidc-provider`, the certified implementation),
 * on loopback, with one confidential client (the app) and test users whose claims carry an email
 * and a `groups` claim. Its development login form accepts any password; the user is the login.
 *
 * @example
 *   const idp = await startOidcTestProvider({ port: 4670, redirectUri: "http://127.0.0.1:3170/auth/callback" });
 *   // PIPEWRIGHT_OIDC_ISSUER=idp.issuer, _CLIENT_ID=idp.clientId, _CLIENT_SECRET=idp.clientSecret
 *   await idp.close();
 */
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** The test users: login → their groups. Each email is `<login>@example.test`. */
export const TEST_USERS: Readonly<Record<string, readonly string[]>> = {
  viewer: ["readers"],
  editor: ["readers", "developers"],
  operator: ["release-managers"],
  nobody: [],
};

/** The roles configuration that goes with TEST_USERS (PIPEWRIGHT_ROLES). */
export const TEST_ROLES = { viewer: ["group:readers"], editor: ["group:developers"], operator: ["group:release-managers"] } as const;

export interface OidcTestProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  close(): Promise<void>;
}

export async function startOidcTestProvider(options: { port?: number; redirectUris: readonly string[] }): Promise<OidcTestProvider> {
  const clientId = "pipewright";
  const clientSecret = randomBytes(24).toString("base64url");
  const port = options.port ?? 0;
  // The issuer must be known before listening; with port 0 a placeholder server finds a free port first.
  const actualPort = port === 0 ? await freePort() : port;
  const issuer = `http://127.0.0.1:${actualPort}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [...options.redirectUris],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    pkce: { required: () => true },
    scopes: ["openid", "email", "profile", "groups"],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    async findAccount(_ctx, id) {
      const groups = TEST_USERS[id];
      if (groups === undefined) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: `${id}@example.test`, email_verified: true, name: `Test ${id}`, groups: [...groups] };
        },
      };
    },
  });
  const server = provider.listen(actualPort, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
