export { checkText, type CheckResult, type CheckedPipeline, type CheckOptions } from "./check-text";
