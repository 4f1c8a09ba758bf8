import { NextResponse, type NextRequest } from "next/server";
import { auditLog } from "@/lib/audit/server";
import { authConfig } from "@/lib/auth/config";
import { cookieAttributes } from "@/lib/auth/cookies";
import { SESSION_COOKIE, userFor } from "@/lib/auth/current";
import { completeSignIn } from "@/lib/auth/oidc";
import { openSession } from "@/lib/auth/session-store";
import { FLOW_COOKIE, takeFlow } from "@/lib/auth/sign-in-flows";
import { authProblem } from "../problem";

/** The identity provider's redirect back: redeem the code, open a session, go where the user was going. */
export async function GET(request: NextRequest): Promise<Response> {
  const config = authConfig();
  if (config.mode !== "oidc") return authProblem(404, "Sign-in is not used by this Pipewright (PIPEWRIGHT_AUTH is not oidc).");
  let flow: Awaited<ReturnType<typeof takeFlow>>;
  try {
    flow = await takeFlow(request.cookies.get(FLOW_COOKIE)?.value);
  } catch (error) {
    // Sign-ins under way are kept in the app's storage (lib/auth/sign-in-flows.ts).
    console.error("[pipewright] reading a sign-in under way failed:", error);
    return authProblem(503, "Pipewright's storage cannot be reached right now; try signing in again in a moment.", true);
  }
  if (flow === undefined) return authProblem(400, "This sign-in has expired or was already used: start again.", true);
  // The URL as the provider redirected to it (the public one, not the address behind a proxy).
  const currentUrl = new URL(`auth/callback${request.nextUrl.search}`, config.publicUrl.href.endsWith("/") ? config.publicUrl : `${config.publicUrl.href}/`);
  try {
    const signedIn = await completeSignIn(config, currentUrl, flow);
    const user = userFor("oidc", signedIn, config.roles);
    const { id } = await openSession(user, config.sessionSeconds);
    await auditLog().append({ at: new Date().toISOString(), actor: user.id, method: "oidc", action: "sign-in", outcome: user.roles.length > 0 ? "signed-in" : "no-role", summary: `Roles: ${user.roles.join(", ") || "none"}` });
    const response = NextResponse.redirect(new URL(flow.returnTo, config.publicUrl), 303);
    response.cookies.set(SESSION_COOKIE, id, cookieAttributes(config, config.sessionSeconds));
    response.cookies.set(FLOW_COOKIE, "", cookieAttributes(config, 0));
    return response;
  } catch (error) {
    console.error("[pipewright] completing a sign-in failed:", error);
    return authProblem(401, `Signing in did not succeed: ${error instanceof Error ? error.message : "unknown error"}`, true);
  }
}
