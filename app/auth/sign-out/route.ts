import { NextResponse, type NextRequest } from "next/server";
import { auditLog } from "@/lib/audit/server";
import { authConfig } from "@/lib/auth/config";
import { cookieAttributes } from "@/lib/auth/cookies";
import { SESSION_COOKIE } from "@/lib/auth/current";
import { closeSession, findSession } from "@/lib/auth/session-store";
import { authProblem } from "../problem";

/**
 * Sign-out (a form POST): the session ends on the server, so a copied cookie is worthless too.
 * Route handlers get no origin check from Next (server actions do), so a POST from another site
 * is refused here. The app's pages send `Referrer-Policy: no-referrer`, under which browsers send
 * a form POST's Origin as "null"; their Sec-Fetch-Site still says whether it came from this origin
 * (https://www.w3.org/TR/fetch-metadata/).
 */
export async function POST(request: NextRequest): Promise<Response> {
  const config = authConfig();
  if (config.mode !== "oidc") return authProblem(404, "Sign-out is not used by this Pipewright (PIPEWRIGHT_AUTH is not oidc).");
  const sameOrigin = request.headers.get("sec-fetch-site") === "same-origin" || request.headers.get("origin") === config.publicUrl.origin;
  if (!sameOrigin) return authProblem(403, "Sign-out must be sent from this Pipewright's own pages.");
  const id = request.cookies.get(SESSION_COOKIE)?.value;
  const session = await findSession(id);
  await closeSession(id);
  if (session) await auditLog().append({ at: new Date().toISOString(), actor: session.user.id, method: "oidc", action: "sign-out", outcome: "signed-out" });
  const response = NextResponse.redirect(new URL("/auth/signed-out", config.publicUrl), 303);
  response.cookies.set(SESSION_COOKIE, "", cookieAttributes(config, 0));
  return response;
}
