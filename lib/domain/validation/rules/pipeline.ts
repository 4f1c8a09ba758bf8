import type { Rule } from "../rule";

export const pipelineRules: readonly Rule[] = [];
