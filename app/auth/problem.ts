/** A sign-in route's refusal: a short page in words, with a way to start again. */
export function authProblem(status: number, message: string, offerSignIn = false): Response {
  const escaped = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const again = offerSignIn ? '<p><a href="/auth/sign-in">Sign in again</a></p>' : "";
  return new Response(`<!doctype html><html lang="en"><title>Sign-in · Pipewright</title><main><h1>Sign-in</h1><p>${escaped}</p>${again}</main></html>`, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
