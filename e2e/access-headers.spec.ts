import { request as httpRequest } from "node:http";
import { TEST_ROLES } from "../lib/auth/testing/oidc-test-provider";
import { expect, test } from "./fixtures";
import { startServedApp, type AppInstance } from "./support/app-instance";

/**
 * Team deployments behind something that authenticates: PIPEWRIGHT_AUTH=proxy believes
 * X-Forwarded-Email only on connections from the configured proxy address, and PIPEWRIGHT_AUTH=alb
 * only a load balancer's signed x-amzn-oidc-data. Headers forged by a client are refused.
 */
const PROXY_PORT = 3171;
const ALB_PORT = 3172;
/** The "proxy": another loopback address, which a test connection can be made from. */
const PROXY_ADDRESS = "127.0.0.2";

let proxied: AppInstance;
let alb: AppInstance;

test.describe.configure({ mode: "serial", timeout: 60_000 });

test.beforeAll(async () => {
  test.setTimeout(150_000);
  const roles = JSON.stringify(TEST_ROLES);
  [proxied, alb] = await Promise.all([
    startServedApp(PROXY_PORT, { PIPEWRIGHT_AUTH: "proxy", PIPEWRIGHT_TRUSTED_PROXIES: PROXY_ADDRESS, PIPEWRIGHT_ROLES: roles }),
    startServedApp(ALB_PORT, {
      PIPEWRIGHT_AUTH: "alb",
      PIPEWRIGHT_ALB_ARN: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/pipewright/50dc6c495c0c9188",
      // Nothing serves keys here: no header can be verified, whatever it claims.
      PIPEWRIGHT_ALB_KEY_URL: "http://127.0.0.1:4671",
      PIPEWRIGHT_ROLES: roles,
    }),
  ]);
});
test.afterAll(async () => {
  await Promise.all([proxied?.stop(), alb?.stop()]);
});

const FORGED = {
  "x-forwarded-email": "operator@example.test",
  "x-forwarded-groups": "release-managers",
  "x-forwarded-for": PROXY_ADDRESS,
  "x-real-ip": PROXY_ADDRESS,
  "x-pipewright-peer": `guessed ${PROXY_ADDRESS}`,
};

/** A GET from a chosen local address (Playwright's request cannot pick one). */
function getFrom(localAddress: string, url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { localAddress, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("proxy: forged X-Forwarded-* headers from a client are refused", async ({ request }) => {
  const response = await request.get(`${proxied.url}/pipelines`, { headers: FORGED });
  expect(response.status()).toBe(401);
  expect(await response.text()).toContain("not in PIPEWRIGHT_TRUSTED_PROXIES");
});

test("proxy: the same headers from the proxy's address sign the user in", async () => {
  const { status, body } = await getFrom(PROXY_ADDRESS, `${proxied.url}/pipelines`, { "x-forwarded-email": "operator@example.test", "x-forwarded-groups": "release-managers" });
  expect(status).toBe(200);
  expect(body).toContain('data-roles="operator"');
  expect(body).toContain("operator@example.test");
});

test("alb: forged, unsigned and missing x-amzn-oidc-data are refused", async ({ request }) => {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const claims = encode({ email: "operator@example.test", groups: ["release-managers"], exp: 9_999_999_999 });
  const header = encode({ alg: "ES256", kid: "6e8a5d2c-1f4b-4c2a-9a57-0d3f2b1c4e77", signer: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/pipewright/50dc6c495c0c9188" });
  for (const forged of [undefined, `${encode({ alg: "none" })}.${claims}.`, `${header}.${claims}.${encode({ sig: "made up" })}`]) {
    const response = await request.get(`${alb.url}/pipelines`, { headers: forged === undefined ? {} : { "x-amzn-oidc-data": forged } });
    expect(response.status(), forged ?? "no header").toBe(401);
  }
});
