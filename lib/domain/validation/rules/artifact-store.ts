import type { Rule } from "../rule";

export const artifactStoreRules: readonly Rule[] = [];
