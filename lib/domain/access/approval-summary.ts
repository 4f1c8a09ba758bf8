/**
 * The summary Pipewright sends with PutApprovalResult: CodePipeline records only the caller (the
 * server's role), so the person who approved or rejected is written into the summary itself,
 * within its 512-character limit
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ApprovalResult.html).
 */
export const MAX_APPROVAL_SUMMARY = 512;

export function approvalSummary(summary: string, person: string, decision: "Approved" | "Rejected"): string {
  const signature = ` — ${decision} by ${person} via Pipewright`;
  const room = MAX_APPROVAL_SUMMARY - signature.length;
  if (room <= 0) return signature.trim().slice(0, MAX_APPROVAL_SUMMARY);
  const text = summary.trim();
  const kept = text.length <= room ? text : `${text.slice(0, room - 1)}…`;
  return `${kept}${signature}`.trim();
}
