import type { Rule } from "../rule";

export const generalRules: readonly Rule[] = [];
