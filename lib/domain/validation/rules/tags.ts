import type { Rule } from "../rule";

export const tagsRules: readonly Rule[] = [];
