import type { Rule } from "../rule";

export const configurationConditionalRules: readonly Rule[] = [];
