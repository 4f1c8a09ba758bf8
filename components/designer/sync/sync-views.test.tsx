/**
 * The sync views rendered to static markup: the header bar's base and state, the merge's
 * field-by-field choice, their change reviewed in a conflict, and the server's findings.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SessionProvider } from "@/components/access/session-provider";
import { LOCAL_USER, type User } from "@/lib/auth/identity";
import type { JsonObject } from "@/lib/domain/json";
import { ConflictView } from "./conflict-view";
import { MergeView } from "./merge-view";
import { ServerFindings } from "./server-findings";
import { SyncBar } from "./sync-bar";
import type { DraftSync } from "./use-draft-sync";

const base: JsonObject = {
  name: "payments-api",
  roleArn: "arn:aws:iam::123456789012:role/r",
  stages: [
    { name: "Build", actions: [{ name: "Compile", actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" }, configuration: { ProjectName: "base" } }] },
  ],
};

function withProject(project: string, roleArn?: string): JsonObject {
  const copy = structuredClone(base) as { stages: { actions: { configuration: Record<string, string> }[] }[]; roleArn: string };
  copy.stages[0]!.actions[0]!.configuration.ProjectName = project;
  if (roleArn) copy.roleArn = roleArn;
  return copy as unknown as JsonObject;
}

function sync(link: DraftSync["link"], unpushed: boolean): DraftSync {
  const none = () => {};
  return { link, unpushed, serviceDiagnostics: [], linkTo: none, setTags: none, reportServiceProblem: none };
}

const BASE = { name: "payments-api", region: "us-east-1", version: 7 };
const deployment = { backend: { label: "Local emulator", region: "us-east-1" } };

describe("SyncBar", () => {
  const bar = (name: string, draftSync: DraftSync, session: { user?: User; readOnly?: string } = { user: LOCAL_USER }) =>
    renderToStaticMarkup(
      <SessionProvider user={session.user} {...(session.readOnly !== undefined && { readOnly: session.readOnly })}>
        <SyncBar name={name} sync={draftSync} deployment={deployment} onReview={() => {}} />
      </SessionProvider>,
    );

  it("names the base version and backend, and whether the draft has unpushed changes", () => {
    const html = bar("payments-api", sync({ live: { base: BASE, declaration: base } }, true));
    expect(html).toContain("payments-api</span> · v7 on Local emulator / us-east-1");
    expect(html).toContain("Unpushed changes");
    expect(html).not.toContain("sync-not-allowed");
  });

  it("says a new draft is not yet pushed, and why pushing is off in a read-only deployment", () => {
    const html = bar("new-one", sync({}, true), { user: LOCAL_USER, readOnly: "This Pipewright is read-only" });
    expect(html).toContain("not yet pushed");
    expect(html).toContain("Draft only");
    expect(html).toMatch(/data-because="read-only"[^>]*>Read-only: pushing is off.</);
  });

  it("says who can push when the person lacks the editor role, before the read-only switch", () => {
    const viewer: User = { method: "oidc", id: "ann@example.com", groups: [], roles: ["viewer"] };
    const html = bar("payments-api", sync({}, true), { user: viewer, readOnly: "This Pipewright is read-only" });
    expect(html).toMatch(/data-because="role"[^>]*>Editors can push designs; you are signed in as ann@example.com, a viewer.</);
  });
});

describe("MergeView", () => {
  it("merges changes to different fields by themselves", () => {
    const html = renderToStaticMarkup(<MergeView base={base} theirs={withProject("base", "arn:aws:iam::123456789012:role/theirs")} mine={withProject("mine")} onMerged={() => {}} />);
    expect(html).toContain("merge by themselves");
    expect(html).not.toContain("merge-conflict");
  });

  it("asks mine or theirs for a field both sides changed, and cannot merge before the choice", () => {
    const html = renderToStaticMarkup(<MergeView base={base} theirs={withProject("theirs")} mine={withProject("mine")} onMerged={() => {}} />);
    expect(html.match(/data-testid="merge-conflict"/g)).toHaveLength(1);
    expect(html).toContain("Build / Compile: configuration.ProjectName changed");
    expect(html).toMatch(/data-testid="merge-mine-value"[^>]*>mine</);
    expect(html).toMatch(/data-testid="merge-theirs-value"[^>]*>theirs</);
    expect(html).toMatch(/<button[^>]*data-testid="merge-apply"[^>]*disabled=""/);
  });
});

describe("ConflictView", () => {
  it("opens on their change: base → live, old → new", () => {
    const live = { declaration: withProject("theirs"), base: { ...BASE, version: 8 } };
    const html = renderToStaticMarkup(
      <ConflictView message="changed meanwhile" base={BASE} baseDeclaration={base} live={live} draft={withProject("mine")} pushing={false} onMerged={() => {}} onOverwrite={() => {}} />,
    );
    expect(html).toContain("changed meanwhile");
    expect(html).toContain('data-testid="their-changes"');
    expect(html).toMatch(/data-testid="change-before"[^>]*>base</);
    expect(html).toMatch(/data-testid="change-after"[^>]*>theirs</);
  });
});

describe("ServerFindings", () => {
  it("lists errors apart from warnings, each warning with its acknowledgement", () => {
    const html = renderToStaticMarkup(
      <ServerFindings
        errors={[{ code: "ART001", severity: "error", path: "stages[0]", message: "broken" }]}
        warnings={[{ code: "EXE002", severity: "warning", path: "", message: "runs will stop" }]}
        acknowledged={new Set(["EXE002@"])}
        onAcknowledge={() => {}}
        onShow={() => {}}
      />,
    );
    expect(html).toContain("1 error blocks the push");
    expect(html).toMatch(/<input type="checkbox"[^>]*data-warning="EXE002@"[^>]*checked=""/);
  });
});
