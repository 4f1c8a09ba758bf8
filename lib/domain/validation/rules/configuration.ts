import type { Rule } from "../rule";

export const configurationRules: readonly Rule[] = [];
