import type { Rule } from "../rule";

export const conditionsRules: readonly Rule[] = [];
