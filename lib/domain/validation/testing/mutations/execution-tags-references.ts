/** EXEC, TAG and PW002: what an update does to executions, CreatePipeline tags, unresolved CloudFormation references. */
import { TEST_CONTEXT } from "../fixtures";
import { pickAction, update, V2 } from "./helpers";
import type { Mutation } from "./mutation";

export const EXECUTION_TAG_REFERENCE_MUTATIONS: readonly Mutation[] = [
  {
    code: "EXEC001",
    name: "QUEUED to PARALLEL on update",
    gen: { ...V2, conditions: "off", executionModes: ["PARALLEL"] },
    context: (original) => update({ ...original, executionMode: "QUEUED" }),
    severity: "warning",
    apply: () => true,
  },
  {
    code: "EXEC002",
    name: "update with executions in flight",
    gen: { conditions: "off", executionModes: [undefined, "SUPERSEDED", "QUEUED"] },
    context: (original) => update(original, { activeExecutionCount: 2 }),
    severity: "warning",
    apply: () => true,
  },
  {
    code: "EXEC003",
    name: "update adding a rollback",
    gen: { ...V2, conditions: "off", executionModes: [undefined, "SUPERSEDED", "QUEUED"] },
    context: (original) => update(original),
    severity: "warning",
    apply(p, c) {
      p.stages[c.int(1, p.stages.length - 1)].onFailure = { result: "ROLLBACK" };
      return true;
    },
  },
  {
    code: "TAG001",
    name: "51 tags",
    context: () => ({ ...TEST_CONTEXT, tags: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: "v" })) }),
    severity: "error",
    apply: () => true,
  },
  {
    code: "TAG001",
    name: "aws: tag key",
    context: () => ({ ...TEST_CONTEXT, tags: [{ key: "aws:owner", value: "x" }] }),
    severity: "warning",
    apply: () => true,
  },
  {
    code: "TAG001",
    name: "duplicate tag keys",
    context: () => ({ ...TEST_CONTEXT, tags: [{ key: "team", value: "a" }, { key: "team", value: "b" }] }),
    severity: "error",
    apply: () => true,
  },
  {
    code: "PW002",
    name: "unresolved CloudFormation reference",
    severity: "warning",
    apply(p, c) {
      const at = pickAction(p, c, (a) => a.action.actionTypeId.owner === "AWS")!;
      at.action.roleArn = "${!GetAtt ActionRole.Arn}";
      return true;
    },
  },
];
