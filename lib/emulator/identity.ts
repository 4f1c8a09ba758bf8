/**
 * The emulator's one account, its home region and caller identity (there is no IAM here). ARNs,
 * error messages, demo data and the gateway's account fallback all read them from this module.
 */
import { DEFAULT_REGION } from "@/lib/domain/catalog/regions";

export const ACCOUNT_ID = "123456789012";
/** The region an unsigned request lands in, and where actions without a `region` run. */
export const HOME_REGION = DEFAULT_REGION;
/** Who "did" things the API records a principal for (approvals, transition changes, triggers). */
export const CALLER_ARN = `arn:aws:iam::${ACCOUNT_ID}:user/pipewright`;
