/**
 * The members of every declaration shape, in the service model's member order, read off the zod
 * schemas of declaration.ts (their keys are written in that order). Used to order exported
 * documents ("AWS order") and to find unknown members.
 *
 * The order is the one the AWS SDK's serialized model lists (tests/domain/members-sdk.test.ts
 * compares it with @aws-sdk/client-codepipeline member by member); note that the model puts
 * `stages` before `artifactStore`, `actions` before `blockers`, and `provider` before `owner` in
 * RuleTypeId (unlike ActionTypeId). GitFilterCriteria stands for the model's
 * GitBranchFilterCriteria / GitFilePathFilterCriteria / GitTagFilterCriteria (same members).
 *
 * The lists come from model-tables.generated.ts (written from the schemas by
 * `npm run generate:model-tables`, checked against them by model-tables.test.ts), so that readers
 * of the declaration — the importers and the validation engine, the command line's whole path — do
 * not load zod.
 */
import type { MemberName, ShapeName } from "./shape-schemas";
import { GENERATED_MEMBERS } from "./model-tables.generated";

export type { MemberName, ShapeName } from "./shape-schemas";

type Members = { readonly [S in ShapeName]: readonly MemberName<S>[] };

export const MEMBERS: Members = GENERATED_MEMBERS;
