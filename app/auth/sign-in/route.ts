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
  let authorization: Awaited<ReturnType<typeof authorizationRequest>>;
  try {
    authorization = await authorizationRequest(config);
  } catch (error) {
    console.error("[pipewright] starting a sign-in failed:", error);
    return authProblem(502, "The identity provider could not be reached; try again in a moment.");
  }
  try {
    const { url, codeVerifier, state, nonce } = authorization;
    const id = await startFlow({ codeVerifier, state, nonce, returnTo: safeReturnPath(request.nextUrl.searchParams.get("returnTo")) });
    const response = NextResponse.redirect(url, 303);
    response.cookies.set(FLOW_COOKIE, id, cookieAttributes(config, FLOW_SECONDS));
    return response;
  } catch (error) {
    // The sign-in under way is kept in the app's storage (lib/auth/sign-in-flows.ts).
    console.error("[pipewright] storing a sign-in under way failed:", error);
    return authProblem(503, "Pipewright's storage cannot be reached right now; try again in a moment.");
  }
}
