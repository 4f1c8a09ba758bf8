import type { Rule } from "../rule";

export const artifactsRules: readonly Rule[] = [];
