/**
 * One raw AWS JSON 1.1 call, for tests that must see exactly what goes over the wire (the SDK
 * parses bodies and hides headers).
 *
 * @example
 *   const r = await awsCall(emu.url, "GetPipeline", { name: "web" });
 *   expect(r.status).toBe(200);
 *   expect(r.text).not.toContain("ghp_");
 */
export interface AwsCallResult {
  readonly status: number;
  readonly headers: Headers;
  /** The response body as sent. */
  readonly text: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  readonly json: Record<string, unknown> | undefined;
}

/** `input` is sent as JSON unless it is already a string (to send malformed bodies). */
export async function awsCall(url: string, operation: string, input: unknown = {}, init: RequestInit = {}): Promise<AwsCallResult> {
  const response = await fetch(url, {
    method: "POST",
    ...init,
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `CodePipeline_20150709.${operation}`,
      ...(init.headers as Record<string, string> | undefined),
    },
    body: typeof input === "string" ? input : JSON.stringify(input),
  });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
