/**
 * The validation engine off the main thread: a quota-max declaration takes milliseconds to check,
 * which an edit (a keystroke in the inspector) should not wait for, and the engine with its rules
 * is a large part of the editor's code, which the page need not load before it shows the canvas.
 */
import { validate } from "@/lib/domain/validation";
import type { ValidationReply, ValidationRequest } from "./validation-protocol";

// A dedicated worker's global scope; typed here because the project's lib is the DOM's.
const scope = self as unknown as { onmessage: ((e: MessageEvent<ValidationRequest>) => void) | null; postMessage(message: ValidationReply): void };

scope.onmessage = (e) => {
  const { id, declaration, region } = e.data;
  scope.postMessage({ id, diagnostics: validate(declaration, region === undefined ? {} : { region }) });
};
