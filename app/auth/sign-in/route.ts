import { NextResponse, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { cookieAttributes } from "@/lib/auth/cookies";
import { authorizationRequest } from "@/lib/auth/oidc";
import { FLOW_COOKIE, FLOW_SECONDS, safeReturnPath, startFlow } from "@/lib/auth/sign-in-flows";
import { authProblem } from "../problem";

/** Starts a sign-in (`PIPEWRIGHT_AUTH=oidc`): off to the identity provider with PKCE, state and nonce. */
export async function GET(request: NextRequest): Promise<Response> {
  const config = authConfig();
  if (config.mode !== "oidc") return authProblem(404, "Sign-in is not used by this Pipewright (PIPEWRIGHT_AUTH is not oidc).");
  try {
    const { url, codeVerifier, state, nonce } = await authorizationRequest(config);
    const id = await startFlow({ codeVerifier, state, nonce, returnTo: safeReturnPath(request.nextUrl.searchParams.get("returnTo")) });
    const response = NextResponse.redirect(url, 303);
    response.cookies.set(FLOW_COOKIE, id, cookieAttributes(config, FLOW_SECONDS));
    return response;
  } catch (error) {
    console.error("[pipewright] starting a sign-in failed:", error);
    return authProblem(502, "The identity provider could not be reached; try again in a moment.");
  }
}
