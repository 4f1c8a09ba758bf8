import "server-only";
import { headers } from "next/headers";

/**
 * Who is asking, for per-client limits: the address nearest to the app in `X-Forwarded-For`, the
 * one the load balancer (or Next.js itself, from the socket, when there is none) wrote
 * (https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/X-Forwarded-For). Outside a
 * request (a direct call in a test or a script) every call is one client, "local".
 */
export async function clientKey(): Promise<string> {
  let forwarded: string | null;
  try {
    forwarded = (await headers()).get("x-forwarded-for");
  } catch {
    return "local";
  }
  const nearest = forwarded?.split(",").map((part) => part.trim()).filter(Boolean).pop();
  return nearest ?? "unknown";
}
