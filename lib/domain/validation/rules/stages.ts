import type { Rule } from "../rule";

export const stagesRules: readonly Rule[] = [];
