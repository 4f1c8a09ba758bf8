/** A gateway (the app's real code path) pointed at a test emulator. */
import { createGateway, type Gateway } from "@/lib/aws/client";
import type { RetryPolicy } from "@/lib/aws/retry";

export function gatewayFor(url: string, retry: Partial<RetryPolicy> = { maxAttempts: 1 }): Gateway {
  return createGateway(
    { kind: "emulator", region: "us-east-1", endpoint: url, credentials: { accessKeyId: "test", secretAccessKey: "test" } },
    { retry },
  );
}

/** A loopback URL where nothing listens: a port the OS just handed out and took back. */
export async function closedPortUrl(): Promise<string> {
  const { createServer } = await import("node:net");
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return `http://127.0.0.1:${address.port}`;
}
