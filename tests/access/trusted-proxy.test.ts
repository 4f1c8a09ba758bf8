/**
 * PIPEWRIGHT_AUTH=proxy: X-Forwarded-Email / X-Forwarded-Groups count only on a connection from a
 * configured proxy address, as stamped by scripts/serve.mjs with this process's token.
 */
import { describe, expect, it } from "vitest";
import { PEER_HEADER, peerAddress, verifyProxyHeaders } from "@/lib/auth/trusted-proxy";

const TOKEN = "process-token";
const forwarded = { "x-forwarded-email": "ann@example.test", "x-forwarded-groups": "developers, readers" };

describe("the authenticating proxy's headers", () => {
  it("are believed from a configured proxy address (IPv4-mapped or not)", () => {
    for (const peer of ["10.0.0.5", "::ffff:10.0.0.5"]) {
      const headers = new Headers({ ...forwarded, [PEER_HEADER]: `${TOKEN} ${peer}` });
      expect(verifyProxyHeaders(headers, ["10.0.0.5"], TOKEN)).toEqual({ ok: true, email: "ann@example.test", groups: ["developers", "readers"] });
    }
  });

  it("are refused from any other address, with a forged X-Forwarded-For, or with a stamp the client wrote", () => {
    const cases: Record<string, Headers> = {
      "another peer": new Headers({ ...forwarded, [PEER_HEADER]: `${TOKEN} 203.0.113.9` }),
      "X-Forwarded-For naming the proxy": new Headers({ ...forwarded, "x-forwarded-for": "10.0.0.5", [PEER_HEADER]: `${TOKEN} 203.0.113.9` }),
      "a stamp with the wrong token": new Headers({ ...forwarded, [PEER_HEADER]: "guess 10.0.0.5" }),
      "no stamp (plain next start)": new Headers(forwarded),
      "no email": new Headers({ [PEER_HEADER]: `${TOKEN} 10.0.0.5` }),
    };
    for (const [name, headers] of Object.entries(cases)) {
      expect(verifyProxyHeaders(headers, ["10.0.0.5"], TOKEN), name).toMatchObject({ ok: false });
    }
  });

  it("without the process's token nothing is believed", () => {
    expect(peerAddress(`${TOKEN} 10.0.0.5`, undefined)).toBeUndefined();
    expect(verifyProxyHeaders(new Headers({ ...forwarded, [PEER_HEADER]: " 10.0.0.5" }), ["10.0.0.5"], "")).toMatchObject({ ok: false });
  });
});
