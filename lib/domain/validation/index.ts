export { validate, runRules, NOT_AN_OBJECT, INTERNAL_ERROR } from "./validate";
export type { Diagnostic, Severity } from "./diagnostic";
export { hasErrors, sortDiagnostics } from "./diagnostic";
export type { ValidationContext } from "./context";
export { RULES } from "./rules";
