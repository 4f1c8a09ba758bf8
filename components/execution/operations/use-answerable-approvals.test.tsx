/**
 * The approvals a stage keeps dialogs for, rendered to static markup: every waiting one however
 * many wait (no render loop), in a stable order.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { useAnswerableApprovals, type WaitingApproval } from "./use-answerable-approvals";

function Probe({ waiting }: { waiting: readonly WaitingApproval[] }) {
  const approvals = useAnswerableApprovals(waiting);
  return <ul>{approvals.map((a) => <li key={a.token} data-available={a.available}>{a.actionName}</li>)}</ul>;
}

const approval = (i: number): WaitingApproval => ({ actionName: `Review${i}`, token: `token-${i}`, executionId: "e1" });

describe("useAnswerableApprovals", () => {
  it("offers every waiting approval, also more than it remembers answered ones", () => {
    const waiting = Array.from({ length: 12 }, (_, i) => approval(i));
    const html = renderToStaticMarkup(<Probe waiting={waiting} />);
    expect(html.match(/data-available="true"/g)).toHaveLength(12);
    expect(html).toContain("Review0");
    expect(html).toContain("Review11");
  });

  it("renders nothing when nothing waits", () => {
    expect(renderToStaticMarkup(<Probe waiting={[]} />)).toBe("<ul></ul>");
  });
});
