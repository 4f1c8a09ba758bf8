/**
 * The request a directly called server action sees. Outside Next's request handling `headers()`
 * and `cookies()` have no request to read, so the access tests give them one — the headers and
 * cookies of the caller being played (a signed-in session, forged proxy headers, nothing) — with
 *   vi.mock("next/headers", async () => (await import("./request-scope")).nextHeaders);
 * Everything behind them (session lookup, header verification, roles) runs for real.
 */
const request = { headers: new Headers(), cookies: new Map<string, string>() };

export function actAs(headers: Record<string, string>, cookies: Record<string, string> = {}): void {
  request.headers = new Headers(headers);
  request.cookies = new Map(Object.entries(cookies));
}

export const nextHeaders = {
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
  }),
};
