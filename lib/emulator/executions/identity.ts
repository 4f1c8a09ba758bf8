/** The emulator's fixed account, home region and caller identity (there is no IAM here). */
export const ACCOUNT_ID = "123456789012";
export const HOME_REGION = "us-east-1";
/** Who "did" things the API records a principal for (approvals, transition changes, triggers). */
export const CALLER_ARN = `arn:aws:iam::${ACCOUNT_ID}:user/pipewright`;
