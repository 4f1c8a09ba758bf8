import "server-only";
import type { z } from "zod";
import { DESIGN_SNAPSHOT_FORMAT, type DesignSnapshot, type ShareDesignInputSchema } from "@/lib/domain/share/design-snapshot";
import { maskCopies, redactDeclaration } from "@/lib/domain/share/redact";
import type { RateLimited, Shared, TooLarge } from "./results";
import { rateLimited, storeSnapshot, type CreateContext } from "./store";

export type { CreateContext };

/**
 * Stores a design snapshot: rate limit, redaction (here, on the server: the browser's copy is not
 * trusted), then size and the row (store.ts).
 */
export async function createDesignSnapshot(input: z.output<typeof ShareDesignInputSchema>, context: CreateContext): Promise<Shared | RateLimited | TooLarge> {
  const limited = rateLimited(context);
  if (limited) return limited;
  const fields = redactDeclaration(input.declaration);
  const declaration = maskCopies(fields.value, fields.secrets, "");
  const title = maskCopies(input.title, fields.secrets, "title");
  const note = maskCopies(input.note, fields.secrets, "note");
  const redacted = [...new Set([...fields.redacted, ...declaration.redacted, ...title.redacted, ...note.redacted])];
  const snapshot: DesignSnapshot = {
    format: DESIGN_SNAPSHOT_FORMAT,
    title: title.value,
    ...(note.value ? { note: note.value } : {}),
    region: input.region,
    declaration: declaration.value,
    layout: input.layout,
    redacted,
  };
  return storeSnapshot("design", DESIGN_SNAPSHOT_FORMAT, snapshot, "design", context);
}
