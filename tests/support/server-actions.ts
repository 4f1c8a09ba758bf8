/**
 * Every server action of the app, found the way Next.js finds them: each exported function of
 * every `app/**\/actions.ts`. The sweeps (read-only, roles) call each one directly, so a new action
 * cannot ship without being listed in them.
 */
import { readdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export interface ServerAction {
  /** `app/<route>/actions.ts#<export>`: the key of the sweeps' tables. */
  readonly id: string;
  readonly call: (input: unknown) => Promise<unknown>;
}

export async function everyServerAction(): Promise<ServerAction[]> {
  const files = (readdirSync(path.join(root, "app"), { recursive: true }) as string[])
    .filter((file) => path.basename(file) === "actions.ts")
    .map((file) => path.posix.join("app", file.split(path.sep).join("/")))
    .sort();
  const actions: ServerAction[] = [];
  for (const file of files) {
    const module = (await import(path.join(root, file))) as Record<string, unknown>;
    for (const [name, exported] of Object.entries(module)) {
      if (typeof exported === "function") actions.push({ id: `${file}#${name}`, call: exported as ServerAction["call"] });
    }
  }
  return actions;
}
