import { NextResponse, type NextRequest } from "next/server";
import { MAX_INPUT_BYTES } from "@/lib/domain/sync/inputs";

/**
 * Server action requests whose declared body is over the limit are answered here with a 413 and a
 * JSON error, before Next reads them: past `serverActions.bodySizeLimit` Next itself answers 500.
 * Twice the input limit leaves room for the encoding around an input; inputs between the two are
 * refused by the action itself with an `invalid-input` result (lib/server/action.ts).
 */
const MAX_ACTION_REQUEST_BYTES = 2 * MAX_INPUT_BYTES;

export function proxy(request: NextRequest): NextResponse {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(length) && length > MAX_ACTION_REQUEST_BYTES) {
    return NextResponse.json(
      { status: "invalid-input", message: `The request is ${(length / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1024 / 1024} MB.`, issues: [] },
      { status: 413 },
    );
  }
  return NextResponse.next();
}

export const config = {
  // Only server action calls (they carry a Next-Action header).
  matcher: [{ source: "/:path*", has: [{ type: "header", key: "next-action" }] }],
};
