import { afterEach, describe, expect, it } from "vitest";
import { openDraftChannel, type DraftChannel, type DraftSaved } from "./draft-channel";

const copy = { declaration: { name: "p", stages: [] }, region: "us-east-1" };
const saved = (draftId: string, tab: string): DraftSaved => ({ kind: "saved", draftId, tab, updatedAt: 5, copy, parent: copy });

describe("the tabs' draft channel", () => {
  const opened: DraftChannel[] = [];
  const open = (draftId: string, tab: string, onSaved: (m: DraftSaved) => void = () => {}) => {
    const channel = openDraftChannel(draftId, tab, onSaved);
    opened.push(channel);
    return channel;
  };
  afterEach(() => opened.splice(0).forEach((c) => c.close()));

  it("hands a tab the other tabs' saves of its draft only, checked", async () => {
    const heard: DraftSaved[] = [];
    const done = new Promise<void>((resolve) =>
      open("d1", "tab-a", (m) => {
        heard.push(m);
        if (m.tab === "last") resolve();
      }),
    );
    const other = open("d1", "tab-b");
    other.publish(saved("d1", "tab-a")); // its own tab id: an echo, ignored
    other.publish(saved("d2", "tab-b")); // another draft
    (other as unknown as { publish(m: unknown): void }).publish({ kind: "saved", draftId: "d1", tab: "tab-b" }); // malformed
    other.publish(saved("d1", "tab-b"));
    other.publish(saved("d1", "last"));
    await done;
    expect(heard.map((m) => m.tab)).toEqual(["tab-b", "last"]);
  });
});
