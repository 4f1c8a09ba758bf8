import { NextResponse, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { cookieAttributes } from "@/lib/auth/cookies";
import { SESSION_COOKIE } from "@/lib/auth/current";
import { closeSession } from "@/lib/auth/session-store";
import { authProblem } from "../problem";

/**
 * Sign-out (a form POST): the session ends on the server, so a copied cookie is worthless too.
 * Route handlers get no origin check from Next (server actions do), so a POST from another site
 * is refused here.
 */
export async function POST(request: NextRequest): Promise<Response> {
  const config = authConfig();
  if (config.mode !== "oidc") return authProblem(404, "Sign-out is not used by this Pipewright (PIPEWRIGHT_AUTH is not oidc).");
  if (request.headers.get("origin") !== config.publicUrl.origin) return authProblem(403, "Sign-out must be sent from this Pipewright's own pages.");
  closeSession(request.cookies.get(SESSION_COOKIE)?.value);
  const response = NextResponse.redirect(new URL("/auth/signed-out", config.publicUrl), 303);
  response.cookies.set(SESSION_COOKIE, "", cookieAttributes(config, 0));
  return response;
}
