/**
 * The read model moved to lib/domain/pipeline/pipeline-index.ts (every reader of a declaration
 * shares it now). This re-export keeps the rules' imports working while they are reworked; new
 * code imports the model from its home.
 */
export * from "../pipeline/pipeline-index";
