import type { Rule } from "../rule";

export const executionRules: readonly Rule[] = [];
