import type { Rule } from "../rule";

export const actionsRules: readonly Rule[] = [];
