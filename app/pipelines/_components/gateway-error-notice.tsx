import { describeGatewayError, type GatewayError } from "@/lib/aws/errors";

/** A gateway failure in words: what went wrong and the service's message, never a stack. `region` names where, when several are listed. */
export function GatewayErrorNotice({ error, region }: { error: GatewayError; region?: string }) {
  const { title, detail } = describeGatewayError(error);
  return (
    <div
      role="alert"
      data-testid="gateway-error"
      data-kind={error.kind}
      data-region={region}
      className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-medium">{region ? `${region}: ${title}` : title}</p>
      {detail !== title && <p className="mt-1 text-red-800 dark:text-red-200">{detail}</p>}
      {error.kind === "unreachable" && (
        <p className="mt-2 text-red-800 dark:text-red-200">
          Start the app with <code className="font-mono">npm start</code> (it starts the local emulator), or run{" "}
          <code className="font-mono">npm run emulator -- --port 4599</code> beside it.
        </p>
      )}
    </div>
  );
}
