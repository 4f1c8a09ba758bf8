import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { mayAct, missingRoleReason } from "@/lib/domain/access/roles";
import { authConfig } from "./config";
import { accessFor, SESSION_COOKIE } from "./current";

/**
 * The door of a team deployment, run by proxy.ts before anything renders: pages and route
 * handlers are only for signed-in users holding a role (a page's data would otherwise reach the
 * browser before any component could hide it). Left through: the sign-in routes, Next's static
 * files (public code, no data), and server action calls, which the guard in lib/server/action.ts
 * answers with an `unauthenticated` or `forbidden` result the page can show.
 */
const OPEN_PATHS = [/^\/auth\//, /^\/_next\/static\//, /^\/icon\.svg$/, /^\/favicon\.ico$/];

export async function gate(request: NextRequest): Promise<NextResponse | undefined> {
  let mode: string;
  try {
    mode = authConfig().mode;
  } catch {
    mode = "misconfigured";
  }
  if (mode === "local") return undefined;
  const path = request.nextUrl.pathname;
  if (OPEN_PATHS.some((open) => open.test(path)) || request.headers.has("next-action")) return undefined;
  const access = await accessFor(request.headers, request.cookies.get(SESSION_COOKIE)?.value);
  if (access.status === "unauthenticated") {
    if (mode === "oidc" && (request.method === "GET" || request.method === "HEAD")) {
      const signIn = new URL("/auth/sign-in", request.url);
      signIn.searchParams.set("returnTo", `${path}${request.nextUrl.search}`);
      return NextResponse.redirect(signIn, 303);
    }
    return plain(401, `${access.message}\n`);
  }
  if (!mayAct(access.user.roles, "viewer")) return plain(403, `${access.user.id} holds no role in this Pipewright. ${missingRoleReason("viewer")}\n`);
  return undefined;
}

function plain(status: number, text: string): NextResponse {
  return new NextResponse(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
