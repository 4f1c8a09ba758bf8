/**
 * PIPEWRIGHT_AUTH=alb: `x-amzn-oidc-data` is believed only when the configured load balancer signed
 * it with the key its key id names (served here by a local key source, as ALB's regional one
 * serves PEM files). Forged, unsigned, re-signed, expired and foreign headers are refused.
 */
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { CompactSign, exportSPKI, generateKeyPair, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAlbData } from "@/lib/auth/alb";

const ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/pipewright/50dc6c495c0c9188";
const KID = "6e8a5d2c-1f4b-4c2a-9a57-0d3f2b1c4e77";

let server: Server;
let keyUrl: URL;
let albKey: CryptoKey;
let otherKey: CryptoKey;
let keyFetches = 0;
let publicPem: string;

beforeAll(async () => {
  const pair = await generateKeyPair("ES256", { extractable: true });
  albKey = pair.privateKey;
  otherKey = (await generateKeyPair("ES256")).privateKey;
  const pem = await exportSPKI(pair.publicKey);
  publicPem = pem;
  server = createServer((request, response) => {
    keyFetches += 1;
    if (request.url === `/${KID}`) response.end(pem);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  keyUrl = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const settings = () => ({ albArn: ARN, keyUrl, groupsClaim: "groups" });

/** ALB's base64url with its padding put back (the AWS docs' quirk). */
function padded(jwt: string): string {
  return jwt
    .split(".")
    .map((part) => part + "=".repeat((4 - (part.length % 4)) % 4))
    .join(".");
}

async function albToken(claims: Record<string, unknown>, options: { key?: CryptoKey; header?: Record<string, unknown> } = {}): Promise<string> {
  const exp = Math.floor(Date.now() / 1000) + 120;
  const header = { alg: "ES256", kid: KID, signer: ARN, iss: "https://idp.example.test", client: "alb-client", exp, typ: "JWT", ...options.header };
  const jwt = await new CompactSign(new TextEncoder().encode(JSON.stringify({ sub: "u-1", exp, iss: "https://idp.example.test", ...claims })))
    .setProtectedHeader(header as { alg: string })
    .sign(options.key ?? albKey);
  return padded(jwt);
}

async function hmacToken(): Promise<string> {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${encode({ alg: "HS256", kid: KID, signer: ARN })}.${encode({ email: "admin@example.test", exp: 9_999_999_999 })}`;
  return `${input}.${createHmac("sha256", publicPem).update(input).digest("base64url")}`;
}

describe("x-amzn-oidc-data (PIPEWRIGHT_AUTH=alb)", () => {
  it("accepts a header the load balancer signed, padding and all, and reads email and groups", async () => {
    const token = await albToken({ email: "ann@example.test", name: "Ann", groups: ["developers", "readers"] });
    expect(token).toMatch(/=/);
    expect(await verifyAlbData(token, settings())).toEqual({ ok: true, email: "ann@example.test", name: "Ann", groups: ["developers", "readers"] });
  });

  it("fetches each key once", async () => {
    const before = keyFetches;
    await verifyAlbData(await albToken({ email: "ann@example.test" }), settings());
    await verifyAlbData(await albToken({ email: "bob@example.test" }), settings());
    expect(keyFetches - before).toBe(0);
  });

  it("refuses a missing, unsigned, wrongly signed, tampered, foreign or expired header", async () => {
    const good = await albToken({ email: "ann@example.test" });
    const [h, , s] = good.split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ email: "admin@example.test", exp: 9_999_999_999 })).toString("base64url");
    const unsigned = `${Buffer.from(JSON.stringify({ alg: "none", kid: KID, signer: ARN })).toString("base64url")}.${forgedPayload}.`;
    const cases: Record<string, string | null> = {
      missing: null,
      garbage: "not-a-jwt",
      unsigned,
      "tampered payload": `${h}.${forgedPayload}.${s}`,
      "signed with another key": await albToken({ email: "ann@example.test" }, { key: otherKey }),
      "another load balancer": await albToken({ email: "ann@example.test" }, { header: { signer: ARN.replace("pipewright", "elsewhere") } }),
      "unknown key id": await albToken({ email: "ann@example.test" }, { header: { kid: "0000aaaa-0000-4000-8000-000000000000" } }),
      "key id that is a path": await albToken({ email: "ann@example.test" }, { header: { kid: "../../etc/passwd" } }),
      // The classic confusion: HMAC with the public key as the secret.
      "HS256 keyed with the public key": await hmacToken(),
      expired: await albToken({ email: "ann@example.test", exp: Math.floor(Date.now() / 1000) - 3600 }, { header: { exp: Math.floor(Date.now() / 1000) - 3600 } }),
      "no email": await albToken({}),
    };
    for (const [name, header] of Object.entries(cases)) {
      expect(await verifyAlbData(header, settings()), name).toMatchObject({ ok: false, message: expect.any(String) });
    }
  });
});
