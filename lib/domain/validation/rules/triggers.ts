import type { Rule } from "../rule";

export const triggersRules: readonly Rule[] = [];
